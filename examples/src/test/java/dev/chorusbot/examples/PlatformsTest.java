package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.PushAdapter;
import dev.chorusbot.core.console.ConsoleAdapter;
import dev.chorusbot.telegram.TelegramPollingAdapter;
import dev.chorusbot.twitch.TwitchAdapter;
import dev.chorusbot.twitch.eventsub.TwitchEventSubAdapter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Which platforms the example bots run, chosen from environment variables alone. */
class PlatformsTest {
    private static final Map<String, String> TELEGRAM = Map.of("TELEGRAM_BOT_TOKEN", "123456:ABC-def_ghi");
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
    void runsTheConsoleWhenNoPlatformIsConfigured() {
        Platforms platforms = Platforms.fromEnv(Map.of());

        assertThat(platforms.adapters()).singleElement().isInstanceOf(ConsoleAdapter.class);
        assertThat(platforms.webhookPort()).isEmpty();
    }

    @Test
    void switchesOnTwitchEventSubByTwitchClientIdAndServesItOnChorusWebhookPort() {
        Platforms platforms = Platforms.fromEnv(env(EVENTSUB, Map.of("CHORUS_WEBHOOK_PORT", "8080")));

        assertThat(platforms.adapters()).singleElement().isInstanceOf(TwitchEventSubAdapter.class);
        assertThat(((PushAdapter) platforms.adapters().get(0)).webhookPath()).isEqualTo("/twitch");
        assertThat(platforms.webhookPort()).isEqualTo(OptionalInt.of(8080));
    }

    @Test
    void servesTelegramAndTwitchEventSubOnOnePortWithTelegramInWebhookMode() {
        Platforms platforms = Platforms.fromEnv(env(TELEGRAM, EVENTSUB, Map.of("CHORUS_WEBHOOK_PORT", "8080")));

        assertThat(platforms.adapters()).hasSize(2).allMatch(PushAdapter.class::isInstance);
        assertThat(platforms.adapters()).extracting(a -> ((PushAdapter) a).webhookPath())
                .containsExactly("/telegram", "/twitch");
        assertThat(platforms.webhookPort()).isEqualTo(OptionalInt.of(8080));
    }

    @Test
    void keepsTelegramPollingBesideTwitchEventSubWhenTelegramModeSaysSo() {
        Platforms platforms = Platforms.fromEnv(
                env(TELEGRAM, EVENTSUB, Map.of("CHORUS_WEBHOOK_PORT", "8080", "TELEGRAM_MODE", "polling")));

        assertThat(platforms.adapters()).extracting(Adapter::getClass).containsExactly(
                TelegramPollingAdapter.class, TwitchEventSubAdapter.class);
        assertThat(platforms.adapters().get(0)).isNotInstanceOf(PushAdapter.class);
        assertThat(platforms.webhookPort()).isEqualTo(OptionalInt.of(8080));
    }

    @Test
    void refusesTwitchIrcAndTwitchEventSubTogetherInOneSentence() {
        List<String> problems = problems(() -> Platforms.fromEnv(env(IRC, EVENTSUB, Map.of("CHORUS_WEBHOOK_PORT", "80"))));

        assertThat(problems).containsExactly("TWITCH_USERNAME and TWITCH_CLIENT_ID are both set, but the bot reads"
                + " Twitch chat either over IRC (TWITCH_USERNAME) or through EventSub (TWITCH_CLIENT_ID), not both:"
                + " unset one of them");
    }

    @Test
    void runsTelegramPollingBesideTwitchIrcWithoutAServer() {
        Platforms platforms = Platforms.fromEnv(env(TELEGRAM, IRC));

        assertThat(platforms.adapters()).extracting(Adapter::getClass)
                .containsExactly(TelegramPollingAdapter.class, TwitchAdapter.class);
        assertThat(platforms.webhookPort()).isEmpty();
    }

    @Test
    void refusesAPushPlatformWithoutAPortInAProcess() {
        List<String> problems = problems(() -> Platforms.fromEnv(env(EVENTSUB)));

        assertThat(problems).containsExactly(
                "twitch receives webhooks, which need the embedded webhook server: set CHORUS_WEBHOOK_PORT to its port");
    }

    @Test
    void refusesPortsThatDisagree() {
        List<String> problems = problems(() -> Platforms.fromEnv(
                env(TELEGRAM, EVENTSUB, Map.of("CHORUS_WEBHOOK_PORT", "8080", "TELEGRAM_WEBHOOK_PORT", "8443"))));

        assertThat(problems).containsExactly("CHORUS_WEBHOOK_PORT is 8080 but TELEGRAM_WEBHOOK_PORT is 8443: one"
                + " webhook server serves every push platform, so set only CHORUS_WEBHOOK_PORT");
    }

    @Test
    void reportsTheProblemsOfEveryPlatformTogether() {
        Map<String, String> env = env(Map.of("TELEGRAM_BOT_TOKEN", "not-a-token", "TWITCH_CLIENT_ID", "client",
                "CHORUS_WEBHOOK_PORT", "http"));

        List<String> problems = problems(() -> Platforms.fromEnv(env));

        assertThat(problems).contains(
                "CHORUS_WEBHOOK_PORT must be a port number from 0 to 65535, was 'http'",
                "TELEGRAM_BOT_TOKEN is not a bot token: expected the form <digits>:<letters, digits, _ or ->",
                "TWITCH_BOT_USER_ID is not set: set it to the numeric user id of the bot account.");
        assertThat(problems).anyMatch(p -> p.startsWith("TWITCH_CLIENT_SECRET is not set"))
                .anyMatch(p -> p.startsWith("TWITCH_EVENTSUB_SECRET is not set"));
        assertThat(problems).noneMatch(p -> p.contains("set CHORUS_WEBHOOK_PORT to its port"));
        assertThat(String.join(" ", problems)).doesNotContain("not-a-token");
    }

    @Test
    void servesTelegramInWebhookModeByDefaultInAFunction() {
        Platforms platforms = Platforms.forFunction(env(TELEGRAM));

        assertThat(platforms.adapters()).singleElement().isInstanceOf(PushAdapter.class);
        assertThat(platforms.webhookPort()).isEmpty();
    }

    @Test
    void servesTelegramAndTwitchEventSubInOneFunction() {
        Platforms platforms = Platforms.forFunction(env(TELEGRAM, EVENTSUB));

        assertThat(platforms.adapters()).extracting(a -> ((PushAdapter) a).webhookPath())
                .containsExactly("/telegram", "/twitch");
        assertThat(platforms.webhookServer()).isEmpty();
    }

    @Test
    void namesBothVariablesWhenAFunctionHasNoPlatform() {
        List<String> problems = problems(() -> Platforms.forFunction(Map.of()));

        assertThat(problems).containsExactly("neither TELEGRAM_BOT_TOKEN nor TWITCH_CLIENT_ID is set: a function"
                + " serves Telegram (TELEGRAM_BOT_TOKEN) and/or Twitch EventSub (TWITCH_CLIENT_ID), so set at least"
                + " one of them");
    }

    @Test
    void refusesTwitchIrcInAFunctionTogetherWithOtherProblems() {
        List<String> problems = problems(() -> Platforms.forFunction(
                env(IRC, Map.of("TELEGRAM_BOT_TOKEN", "123456:ABC", "TELEGRAM_WEBHOOK_SECRET", "no spaces allowed"))));

        assertThat(problems).containsExactly(
                "TWITCH_USERNAME switches on Twitch chat over IRC, which needs a long-running process: a function"
                        + " serves Twitch through EventSub (TWITCH_CLIENT_ID), so unset TWITCH_USERNAME",
                "TELEGRAM_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
    }
}
