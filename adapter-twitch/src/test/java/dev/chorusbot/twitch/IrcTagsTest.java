package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tags of a parsed line are indexed on first read; these pin what that must not change. */
class IrcTagsTest {
    private static final String LINE = "@badge-info=;badges=moderator/1,partner/1;display-name=ModBot;flags;"
            + "reply-parent-msg-body=is\\sthe\\sraid\\son\\:\\sasking;id=7c1d9e0a;user-id=98765432;+example=client\\\\only;"
            + "id=second :modbot!modbot@modbot.tmi.twitch.tv PRIVMSG #chorus :@Anna yes";

    @Test
    void readsTheSameTagTwiceAlike() {
        IrcTags tags = IrcMessage.parse(LINE).tags();

        assertThat(tags.get("display-name")).contains("ModBot");
        assertThat(tags.get("display-name")).contains("ModBot");
        assertThat(tags.getOrDefault("reply-parent-msg-body", "")).isEqualTo("is the raid on; asking");
        assertThat(tags.getOrDefault("reply-parent-msg-body", "")).isEqualTo("is the raid on; asking");
    }

    @Test
    void readsValuesBeforeAndAfterTheFirstEscapedOne() {
        IrcTags tags = IrcMessage.parse("@a=plain;b=x\\sy;c=plain\\;d=z;e=a\\\\b :s CMD").tags();

        assertThat(tags.get("a")).contains("plain");
        assertThat(tags.get("b")).contains("x y");
        assertThat(tags.get("c")).as("a lone backslash before the ';' is dropped").contains("plain");
        assertThat(tags.get("d")).contains("z");
        assertThat(tags.get("e")).contains("a\\b");
    }

    @Test
    void theLastOfARepeatedKeyWinsAndEachCounts() {
        IrcTags tags = IrcMessage.parse(LINE).tags();

        assertThat(tags.get("id")).contains("second");
        assertThat(tags.size()).isEqualTo(9);
        assertThat(tags.asMap()).containsEntry("id", "second").hasSize(8);
    }

    @Test
    void readsClientOnlyTagsBareTagsAndEmptyValues() {
        IrcTags tags = IrcMessage.parse(LINE).tags();

        assertThat(tags.get("+example")).contains("client\\only");
        assertThat(tags.get("example")).as("the + is part of the key").isEmpty();
        assertThat(tags.get("flags")).contains("");
        assertThat(tags.hasExplicitValue("flags")).isFalse();
        assertThat(tags.get("badge-info")).contains("");
        assertThat(tags.hasExplicitValue("badge-info")).isTrue();
        assertThat(tags.get("badge")).as("a key's prefix is not the key").isEmpty();
        assertThat(tags.get("id=7c1d9e0a")).as("a key never holds '='").isEmpty();
        assertThat(tags.get("")).isEmpty();
    }

    @Test
    void aTagSectionWithoutATagIsNone() {
        IrcMessage line = IrcMessage.parse("@=x;; :s CMD");

        assertThat(line.tags().isEmpty()).isTrue();
        assertThat(line.tags().size()).isZero();
        assertThat(line.tags()).isEqualTo(IrcTags.none()).hasSameHashCodeAs(IrcTags.none());
        assertThat(line.tags().wire()).isEmpty();
        assertThat(line.toLine()).isEqualTo(":s CMD");
    }

    @Test
    void tagsNeverReadAreWrittenBackUnchanged() {
        IrcMessage line = IrcMessage.parse(LINE);

        assertThat(line.toLine()).isEqualTo(LINE);
        assertThat(line).isEqualTo(IrcMessage.parse(LINE));
    }

    @Test
    void threadsSharingOneParsedLineReadTheSameTags() throws Exception {
        Map<String, String> expected = IrcMessage.parse(LINE).tags().asMap();
        for (int round = 0; round < 50; round++) {
            IrcTags shared = IrcMessage.parse(LINE).tags(); // not yet indexed
            int threads = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Map<String, String>>> reads = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    reads.add(pool.submit(() -> {
                        start.await();
                        assertThat(shared.get("id")).contains("second");
                        assertThat(shared.getOrDefault("reply-parent-msg-body", "")).isEqualTo("is the raid on; asking");
                        return shared.asMap();
                    }));
                }
                start.countDown();
                for (Future<Map<String, String>> read : reads) {
                    assertThat(read.get(30, TimeUnit.SECONDS)).containsExactlyEntriesOf(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
