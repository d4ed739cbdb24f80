package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.BotEnvironment;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.PushAdapter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Telegram switched on by {@code TELEGRAM_BOT_TOKEN} through its provider, in a process and in a function. */
class TelegramFromEnvTest {
    private static final String TOKEN = "123456:ABC-def_ghi";

    private static Map<String, String> telegram(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
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
    void pollsWithoutAWebhookPort() {
        BotEnvironment environment = BotEnvironment.process(telegram());

        assertThat(environment.adapters()).singleElement().isInstanceOf(TelegramPollingAdapter.class);
        assertThat(environment.webhookPort()).isEmpty();
    }

    @Test
    void receivesWebhooksAtTelegramOnChorusWebhookPort() {
        BotEnvironment environment = BotEnvironment.process(telegram("CHORUS_WEBHOOK_PORT", "8080"));

        assertThat(environment.adapters()).singleElement().isInstanceOf(TelegramAdapter.class)
                .extracting(a -> ((PushAdapter) a).webhookPath()).isEqualTo("/telegram");
        assertThat(environment.webhookPort()).isEqualTo(OptionalInt.of(8080));
    }

    @Test
    void honoursTelegramWebhookPortForTheServer() {
        BotEnvironment environment = BotEnvironment.process(telegram("TELEGRAM_WEBHOOK_PORT", "8443"));

        assertThat(environment.adapters()).singleElement().isInstanceOf(TelegramAdapter.class);
        assertThat(environment.webhookPort()).isEqualTo(OptionalInt.of(8443));
    }

    @Test
    void keepsPollingWhenTelegramModeSaysSoAndThenNeedsNoServer() {
        BotEnvironment environment = BotEnvironment.process(
                telegram("CHORUS_WEBHOOK_PORT", "8080", "TELEGRAM_MODE", "polling"));

        assertThat(environment.adapters()).singleElement().isInstanceOf(TelegramPollingAdapter.class);
        assertThat(environment.webhookPort()).isEmpty();
    }

    @Test
    void refusesPortsThatDisagree() {
        List<String> problems = problems(() -> BotEnvironment.process(
                telegram("CHORUS_WEBHOOK_PORT", "8080", "TELEGRAM_WEBHOOK_PORT", "8443")));

        assertThat(problems).containsExactly("CHORUS_WEBHOOK_PORT is 8080 but TELEGRAM_WEBHOOK_PORT is 8443: one"
                + " webhook server serves every push platform, so set only CHORUS_WEBHOOK_PORT");
    }

    @Test
    void reportsAMalformedTelegramWebhookPortOnce() {
        List<String> problems = problems(() -> BotEnvironment.process(telegram("TELEGRAM_WEBHOOK_PORT", "http")));

        assertThat(problems).containsExactly("TELEGRAM_WEBHOOK_PORT must be a port number from 0 to 65535, was 'http'");
    }

    @Test
    void namesTheBadTokenWithoutRepeatingIt() {
        List<String> problems = problems(() -> BotEnvironment.process(
                Map.of("TELEGRAM_BOT_TOKEN", "not-a-token", "CHORUS_WEBHOOK_PORT", "http")));

        assertThat(problems).containsExactlyInAnyOrder(
                "CHORUS_WEBHOOK_PORT must be a port number from 0 to 65535, was 'http'",
                "TELEGRAM_BOT_TOKEN is not a bot token: expected the form <digits>:<letters, digits, _ or ->");
        assertThat(String.join(" ", problems)).doesNotContain("not-a-token");
    }

    @Test
    void aWebhookUrlAloneMakesTelegramAWebhookThatNeedsItsServer() {
        // A webhook URL makes webhook Telegram's default mode (TelegramConfig's one rule), so what is
        // missing is the server that receives the webhooks, not a mode.
        List<String> problems = problems(() -> BotEnvironment.process(
                telegram("TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram")));

        assertThat(problems).containsExactly("telegram receives webhooks, which need the embedded webhook server:"
                + " set CHORUS_WEBHOOK_PORT to its port");
    }

    @Test
    void receivesWebhooksByDefaultInAFunction() {
        BotEnvironment environment = BotEnvironment.function(telegram());

        assertThat(environment.adapters()).singleElement().isInstanceOf(TelegramAdapter.class);
        assertThat(environment.webhookServer()).isEmpty();
    }

    @Test
    void refusesPollingInAFunction() {
        List<String> problems = problems(() -> BotEnvironment.function(telegram("TELEGRAM_MODE", "polling")));

        assertThat(problems).containsExactly("TELEGRAM_BOT_TOKEN switches on Telegram, which is configured to pull"
                + " events on its own threads, and a function is frozen between requests: configure it to receive"
                + " webhooks");
    }

    @Test
    void reportsTheTelegramVariablesOfAFunction() {
        List<String> problems = problems(() -> BotEnvironment.function(
                telegram("TELEGRAM_WEBHOOK_SECRET", "no spaces allowed")));

        assertThat(problems).containsExactly("TELEGRAM_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
    }

    @Test
    void namesTelegramWhenAFunctionHasNoPlatform() {
        List<String> problems = problems(() -> BotEnvironment.function(Map.of()));

        assertThat(problems).containsExactly("TELEGRAM_BOT_TOKEN is not set: a function serves Telegram"
                + " (TELEGRAM_BOT_TOKEN), so set at least one of them");
    }
}
