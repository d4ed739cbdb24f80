package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.BotEnvironment;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.PushAdapter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Twitch chat through EventSub switched on by {@code TWITCH_CLIENT_ID} through its provider, and
 * beside Twitch IRC ({@code TWITCH_USERNAME}), whose provider is on this module's class path too.
 */
class TwitchEventSubFromEnvTest {
    private static final Map<String, String> EVENTSUB = Map.of(
            "TWITCH_CLIENT_ID", "hof5gwx0su6owfnys0nyan9c87zr6t",
            "TWITCH_CLIENT_SECRET", "41vpdji4e9gif29md0ouet6fktd2",
            "TWITCH_EVENTSUB_SECRET", "hello-bot-eventsub-secret",
            "TWITCH_BOT_USER_ID", "900000001");
    private static final Map<String, String> IRC = Map.of(
            "TWITCH_USERNAME", "chorus_bot",
            "TWITCH_OAUTH_TOKEN", "oauth:abcdefghijklmnopqrstuvwxyz0123",
            "TWITCH_CHANNELS", "twitchdev");

    @SafeVarargs
    private static Map<String, String> env(Map<String, String>... parts) {
        Map<String, String> env = new HashMap<>();
        for (Map<String, String> part : parts) {
            env.putAll(part);
        }
        return env;
    }

    private static List<String> problems(Runnable action) {
        try {
            action.run();
        } catch (ConfigurationException e) {
            return e.problems();
        }
        throw new AssertionError("no ConfigurationException");
    }

    @Test
    void switchesOnTwitchEventSubByTwitchClientIdAndServesItOnChorusWebhookPort() {
        BotEnvironment environment = BotEnvironment.process(env(EVENTSUB, Map.of("CHORUS_WEBHOOK_PORT", "8080")));

        assertThat(environment.adapters()).singleElement().isInstanceOf(TwitchEventSubAdapter.class);
        assertThat(((PushAdapter) environment.adapters().get(0)).webhookPath()).isEqualTo("/twitch");
        assertThat(environment.webhookPort()).isEqualTo(OptionalInt.of(8080));
    }

    @Test
    void refusesTwitchIrcAndTwitchEventSubTogetherInOneSentence() {
        List<String> problems = problems(() -> BotEnvironment.process(env(IRC, EVENTSUB, Map.of("CHORUS_WEBHOOK_PORT", "80"))));

        assertThat(problems).containsExactly("TWITCH_CLIENT_ID and TWITCH_USERNAME are both set, but they switch on"
                + " Twitch chat through EventSub (TWITCH_CLIENT_ID) and Twitch chat over IRC (TWITCH_USERNAME), and a"
                + " bot has one adapter for the platform twitch: unset all but one of them");
    }

    @Test
    void refusesTwitchEventSubWithoutAPortInAProcess() {
        List<String> problems = problems(() -> BotEnvironment.process(EVENTSUB));

        assertThat(problems).containsExactly(
                "twitch receives webhooks, which need the embedded webhook server: set CHORUS_WEBHOOK_PORT to its port");
    }

    @Test
    void namesEveryMissingVariable() {
        List<String> problems = problems(() -> BotEnvironment.process(
                Map.of("TWITCH_CLIENT_ID", "client", "CHORUS_WEBHOOK_PORT", "http")));

        assertThat(problems).contains("CHORUS_WEBHOOK_PORT must be a port number from 0 to 65535, was 'http'",
                "TWITCH_BOT_USER_ID is not set: set it to the numeric user id of the bot account.");
        assertThat(problems).anyMatch(p -> p.startsWith("TWITCH_CLIENT_SECRET is not set"))
                .anyMatch(p -> p.startsWith("TWITCH_EVENTSUB_SECRET is not set"));
        assertThat(problems).noneMatch(p -> p.contains("set CHORUS_WEBHOOK_PORT to its port"));
    }

    @Test
    void servesTwitchEventSubInAFunctionWithoutAServer() {
        BotEnvironment environment = BotEnvironment.function(EVENTSUB);

        assertThat(environment.adapters()).singleElement().isInstanceOf(TwitchEventSubAdapter.class);
        assertThat(environment.webhookServer()).isEmpty();
    }

    @Test
    void refusesTwitchIrcInAFunctionAndPointsToEventSub() {
        List<String> problems = problems(() -> BotEnvironment.function(env(IRC, EVENTSUB)));

        assertThat(problems).containsExactly("TWITCH_USERNAME switches on Twitch chat over IRC, which needs a"
                + " long-running process: a function serves twitch through Twitch chat through EventSub"
                + " (TWITCH_CLIENT_ID), so unset TWITCH_USERNAME");
    }
}
