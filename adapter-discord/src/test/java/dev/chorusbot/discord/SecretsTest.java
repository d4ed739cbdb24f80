package dev.chorusbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.testkit.discord.FakeDiscordApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The token never reaches the log. Runs last (see junit-platform.properties), so the log file it
 * scans holds the whole run of this module's tests, at debug level.
 */
@Order(Integer.MAX_VALUE)
class SecretsTest {

    @Test
    void theTokenIsNowhereInTheLogOfEveryTest() throws Exception {
        Path log = Path.of("target/discord-tests.log");

        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";

        assertThat(text).doesNotContain(FakeDiscordApi.DEFAULT_TOKEN).doesNotContain("FakeTokenForChorusDiscordTests");
    }

    @Test
    void noInteractionTokenIsInTheLogOfEveryTest() throws Exception {
        Path log = Path.of("target/discord-tests.log");

        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";

        // Every token the testkit's InteractionSender makes starts so ("interaction:" in base64).
        assertThat(text).doesNotContain("aW50ZXJhY3Rpb246");
    }
}
