package dev.chorusbot.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HttpAnswerTest {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Test
    void writesTheDateAsRfc9110sExample() {
        assertThat(HttpAnswer.httpDate(Instant.parse("1994-11-06T08:49:37Z").getEpochSecond()))
                .isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void agreesWithTheJdkFormatterOverEveryDayOfTwoYears() {
        long start = Instant.parse("2027-12-31T23:59:59Z").getEpochSecond();
        for (long second = start; second < start + 2 * 366 * 86_400L; second += 86_400L + 3_607L) {
            assertThat(HttpAnswer.httpDate(second)).isEqualTo(IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
        }
    }

    @Test
    void answersCarryTheDateHeader() {
        String answer = java.nio.charset.StandardCharsets.US_ASCII
                .decode(HttpAnswer.of(WebhookResponse.text(200, "ok"), false, false, false)).toString();
        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n")
                .containsPattern("\r\nDate: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n");
    }
}
