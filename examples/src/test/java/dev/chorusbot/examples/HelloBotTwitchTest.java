package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hello bot, configured as in production through the environment, against the fake Twitch server. */
class HelloBotTwitchTest {
    @Test
    void answersHelloOnTwitchAsAThreadedReply() {
        try (FakeTwitchIrcServer twitch = FakeTwitchIrcServer.builder().webSocket().start()) {
            Bot bot = HelloBot.build(Map.of(
                    "TWITCH_USERNAME", "Chorus_Bot",
                    "TWITCH_OAUTH_TOKEN", "abc123",
                    "TWITCH_CHANNELS", "#chorus",
                    "TWITCH_IRC_URL", twitch.uri().toString()));
            bot.start();
            try {
                twitch.awaitJoined("chorus");

                String bang = twitch.chat("chorus", "viktor", "Viktor", "!hello");
                String slash = twitch.chat("chorus", "anna", "Anna", "/hello");

                twitch.awaitReceived(line -> line.equals("@reply-parent-msg-id=" + bang + " PRIVMSG #chorus :hello Viktor!"));
                twitch.awaitReceived(line -> line.equals("@reply-parent-msg-id=" + slash + " PRIVMSG #chorus :hello Anna!"));
                assertThat(twitch.received()).contains("PASS oauth:abc123", "NICK chorus_bot");
            } finally {
                bot.stop();
            }
        }
    }

    @Test
    void namesTheMissingTwitchVariables() {
        assertThatThrownBy(() -> HelloBot.build(Map.of("TWITCH_USERNAME", "chorus_bot")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("TWITCH_OAUTH_TOKEN is not set")
                .hasMessageContaining("TWITCH_CHANNELS is not set");
    }
}
