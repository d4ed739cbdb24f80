package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredJobTest {

    @Test
    void aJobWithLineBreaksAndBackslashesInItsPartsRoundTrips() {
        Chat topic = Chat.of("-100\\1", Chat.Kind.GROUP, "Team\nroom").withThread("7");
        StoredJob job = new StoredJob("remind", "line one\nline \\n two\\", Optional.of(Platform.of("telegram")),
                Optional.of(topic), Duration.ofMinutes(15));

        assertThat(StoredJob.decode(job.encode())).isEqualTo(job);
    }

    @Test
    void aJobWithoutChatRoundTrips() {
        StoredJob job = new StoredJob("digest", "", Optional.empty(), Optional.empty(), Duration.ZERO);

        assertThat(StoredJob.decode(job.encode())).isEqualTo(job);
    }

    @Test
    void somethingElseIsNotAJob() {
        assertThatThrownBy(() -> StoredJob.decode("hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a stored Chorus job: hello");
    }
}
