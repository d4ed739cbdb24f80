package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.PushAdapter;
import dev.chorusbot.telegram.TelegramAdapter;
import dev.chorusbot.telegram.TelegramPollingAdapter;
import dev.chorusbot.twitch.TwitchAdapter;
import dev.chorusbot.twitch.eventsub.TwitchEventSubAdapter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hello bot's platforms when several adapter modules are on the class path, as in its jars; the
 * rules themselves are bot-core's (BotEnvironmentTest) and each adapter's (…FromEnvTest).
 */
class HelloBotPlatformsTest {
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

    private static List<Adapter> adapters(Bot bot) {
        return List.copyOf(bot.adapters().values());
    }

    @Test
    void servesTelegramAndTwitchEventSubOnOnePortWithTelegramInWebhookMode() {
        Bot bot = HelloBot.build(env(TELEGRAM, EVENTSUB, Map.of("CHORUS_WEBHOOK_PORT", "8080")));

        assertThat(adapters(bot)).extracting(a -> ((PushAdapter) a).webhookPath()).containsExactly("/telegram", "/twitch");
    }

    @Test
    void keepsTelegramPollingBesideTwitchEventSubWhenTelegramModeSaysSo() {
        Bot bot = HelloBot.build(env(TELEGRAM, EVENTSUB, Map.of("CHORUS_WEBHOOK_PORT", "8080", "TELEGRAM_MODE", "polling")));

        assertThat(adapters(bot)).extracting(Adapter::getClass)
                .containsExactly(TelegramPollingAdapter.class, TwitchEventSubAdapter.class);
    }

    @Test
    void runsTelegramPollingBesideTwitchIrcWithoutAServer() {
        Bot bot = HelloBot.build(env(TELEGRAM, IRC));

        assertThat(adapters(bot)).extracting(Adapter::getClass)
                .containsExactly(TelegramPollingAdapter.class, TwitchAdapter.class);
    }

    @Test
    void reportsTheProblemsOfEveryPlatformTogether() {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "not-a-token", "TWITCH_CLIENT_ID", "client",
                "CHORUS_WEBHOOK_PORT", "http");

        List<String> problems = problems(() -> HelloBot.build(env));

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
    void reportsABadDiscordVariableBesideTheOtherPlatformsProblems() {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", "not-a-token",
                "DISCORD_BOT_TOKEN", "MTAwMDAwMDAwMDAwMDAwMDAx.GChrus.FakeTokenForChorusDiscordTests_0123",
                "DISCORD_MODE", "webhook");

        List<String> problems = problems(() -> HelloBot.build(env));

        assertThat(problems).contains(
                "TELEGRAM_BOT_TOKEN is not a bot token: expected the form <digits>:<letters, digits, _ or ->",
                "DISCORD_MODE must be 'gateway' or 'interactions', was 'webhook'");
        assertThat(String.join(" ", problems)).doesNotContain("FakeTokenForChorusDiscordTests");
    }

    @Test
    void servesTelegramAndTwitchEventSubInOneFunction() {
        Bot bot = new HelloBotFactory(env(TELEGRAM, EVENTSUB)).create();

        assertThat(adapters(bot)).extracting(Adapter::getClass)
                .containsExactly(TelegramAdapter.class, TwitchEventSubAdapter.class);
    }

    @Test
    void refusesTwitchIrcInAFunctionTogetherWithOtherProblems() {
        List<String> problems = problems(() -> new HelloBotFactory(
                env(IRC, Map.of("TELEGRAM_BOT_TOKEN", "123456:ABC", "TELEGRAM_WEBHOOK_SECRET", "no spaces allowed")))
                .create());

        assertThat(problems).containsExactly(
                "TWITCH_USERNAME switches on Twitch chat over IRC, which needs a long-running process: a function"
                        + " serves twitch through Twitch chat through EventSub (TWITCH_CLIENT_ID), so unset"
                        + " TWITCH_USERNAME",
                "TELEGRAM_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
    }
}
