package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformExceptionTest {
    static final class Refused extends PlatformException {
        Refused(String code, String reason) {
            super(Platform.of("example"), code, reason, "example refused: " + code + " " + reason, null);
        }
    }

    @Test
    void carriesThePlatformItsCodeAndReasonAndSurvivesSerialization() throws Exception {
        Refused copy = ExceptionSerializationTest.roundTrip(new Refused("429", "Too Many Requests"));

        assertThat(copy.platform()).isEqualTo(Platform.of("example"));
        assertThat(copy.code()).isEqualTo("429");
        assertThat(copy.reason()).isEqualTo("Too Many Requests");
        assertThat(copy).hasMessage("example refused: 429 Too Many Requests");
    }

    @Test
    void aMissingCodeOrReasonIsEmptyNotNull() {
        Refused refused = new Refused(null, null);

        assertThat(refused.code()).isEmpty();
        assertThat(refused.reason()).isEmpty();
    }
}
