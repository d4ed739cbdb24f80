package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.BotEnvironment;
import dev.chorusbot.core.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twitch chat over IRC switched on by {@code TWITCH_USERNAME} through its provider. */
class TwitchFromEnvTest {
    private static final Map<String, String> IRC = Map.of(
            "TWITCH_USERNAME", "chorus_bot",
            "TWITCH_OAUTH_TOKEN", "oauth:abcdefghijklmnopqrstuvwxyz0123",
            "TWITCH_CHANNELS", "twitchdev");

    @Test
    void runsTwitchIrcWithoutAServer() {
        BotEnvironment environment = BotEnvironment.process(IRC);

        assertThat(environment.adapters()).singleElement().isInstanceOf(TwitchAdapter.class);
        assertThat(environment.webhookPort()).isEmpty();
    }

    @Test
    void namesTheMissingVariables() {
        assertThatThrownBy(() -> BotEnvironment.process(Map.of("TWITCH_USERNAME", "chorus_bot")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("TWITCH_OAUTH_TOKEN is not set")
                .hasMessageContaining("TWITCH_CHANNELS is not set");
    }

    @Test
    void refusesTwitchIrcInAFunction() {
        assertThatThrownBy(() -> BotEnvironment.function(IRC))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).contains(
                        "TWITCH_USERNAME switches on Twitch chat over IRC, which needs a long-running process: unset"
                                + " TWITCH_USERNAME"));
    }
}
