package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.ConfigurationException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Test
    void readsEveryVariable() {
        TelegramConfig config = TelegramConfig.fromEnv(Map.of(
                "TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", "http://127.0.0.1:8081",
                "TELEGRAM_MODE", "webhook",
                "TELEGRAM_WEBHOOK_PORT", "8443",
                "TELEGRAM_WEBHOOK_PATH", "/hook",
                "TELEGRAM_WEBHOOK_SECRET", "abc_DEF-123",
                "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/hook",
                "TELEGRAM_BOT_USERNAME", "@my_bot"));

        assertThat(config.token()).isEqualTo(TOKEN);
        assertThat(config.botId()).isEqualTo(123456789L);
        assertThat(config.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(config.mode()).isEqualTo(TelegramMode.WEBHOOK);
        assertThat(config.webhookPort()).hasValue(8443);
        assertThat(config.webhookPath()).isEqualTo("/hook");
        assertThat(config.webhookSecret()).contains("abc_DEF-123");
        assertThat(config.webhookUrl()).contains(URI.create("https://bot.example.org/hook"));
        assertThat(config.username()).contains("my_bot");
        assertThat(config.adapter()).isInstanceOf(TelegramAdapter.class);
    }

    @Test
    void defaultsToWebhookWhenAPortIsSetAndToPollingOtherwise() {
        assertThat(TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_PORT", "8080")).mode())
                .isEqualTo(TelegramMode.WEBHOOK);
        TelegramConfig polling = TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));
        assertThat(polling.mode()).isEqualTo(TelegramMode.POLLING);
        assertThat(polling.adapter()).isInstanceOf(TelegramPollingAdapter.class);
        assertThat(polling.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(polling.webhookPath()).isEqualTo("/telegram");
    }

    @Test
    void listsEveryProblemNamingTheVariable() {
        assertThatThrownBy(() -> TelegramConfig.fromEnv(Map.of(
                "TELEGRAM_API_URL", "ftp://x",
                "TELEGRAM_MODE", "push",
                "TELEGRAM_WEBHOOK_PORT", "99999",
                "TELEGRAM_WEBHOOK_PATH", "telegram",
                "TELEGRAM_WEBHOOK_SECRET", "has spaces!",
                "TELEGRAM_WEBHOOK_URL", "http://insecure.example.org")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "TELEGRAM_BOT_TOKEN is not set: put the token BotFather gave you in it",
                        "TELEGRAM_API_URL must be an http or https URL such as https://api.telegram.org, was 'ftp://x'",
                        "TELEGRAM_WEBHOOK_PORT must be a port number from 0 to 65535, was '99999'",
                        "TELEGRAM_MODE must be 'webhook' or 'polling', was 'push'",
                        "TELEGRAM_WEBHOOK_PATH must start with '/' and contain no spaces, was 'telegram'",
                        "TELEGRAM_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -",
                        "TELEGRAM_WEBHOOK_URL must be an https URL (Telegram delivers webhooks over HTTPS only), was"
                                + " 'http://insecure.example.org'"))
                .hasMessageStartingWith("7 configuration problems:");
    }

    @Test
    void refusesAMalformedTokenWithoutRepeatingIt() {
        String bad = "not-a-token-but-secret-anyway";

        assertThatThrownBy(() -> TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", bad)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("TELEGRAM_BOT_TOKEN is not a bot token: expected the form <digits>:<letters, digits, _ or ->")
                .message().doesNotContain(bad);
    }

    @Test
    void refusesAWebhookUrlInPollingMode() {
        assertThatThrownBy(() -> TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_MODE", "polling",
                "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/hook")))
                .hasMessage("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_MODE is polling: Telegram refuses getUpdates"
                        + " while a webhook is set; unset one of them");
    }

    @Test
    void namesTheVariablesWhenAWebhookUrlMeetsTheDefaultPollingMode() {
        assertThatThrownBy(() -> TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/hook")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("TELEGRAM_WEBHOOK_URL is set but Telegram is polled (TELEGRAM_MODE is unset and so is"
                        + " TELEGRAM_WEBHOOK_PORT): Telegram refuses getUpdates while a webhook is set; set"
                        + " TELEGRAM_MODE=webhook or unset TELEGRAM_WEBHOOK_URL");
    }

    @Test
    void neverShowsTheTokenOrTheSecret() {
        TelegramConfig config = TelegramConfig.builder(TOKEN).webhookSecret("very_secret_value").build();

        assertThat(config.toString()).doesNotContain(TOKEN).doesNotContain("AAHdqTcv")
                .doesNotContain("very_secret_value").contains("token=<hidden>");
        assertThat(new TelegramBotApi(config).toString()).doesNotContain(TOKEN);
        assertThat(config.adapter().toString()).doesNotContain(TOKEN);
    }

    @Test
    void hidesTheTokenInAWebhookUrlThatUsesItAsASecretPath() {
        // A common way to keep a webhook URL unguessable is a path holding the bot token.
        TelegramConfig config = TelegramConfig.builder(TOKEN).mode(TelegramMode.WEBHOOK)
                .webhookUrl(URI.create("https://bot.example.org/" + TOKEN)).build();

        assertThat(config.toString()).doesNotContain("AAHdqTcv").contains("webhookUrl=https://bot.example.org/<token>");
        assertThatThrownBy(() -> TelegramConfig.builder(TOKEN).webhookUrl(URI.create("http://bot.example.org/" + TOKEN))
                .build()).isInstanceOf(ConfigurationException.class).message().doesNotContain("AAHdqTcv")
                .contains("webhookUrl must be an https URL, was 'http://bot.example.org/<token>'");
        assertThatThrownBy(() -> TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_WEBHOOK_URL", "http://bot.example.org/" + TOKEN))).message().doesNotContain("AAHdqTcv")
                .contains("was 'http://bot.example.org/<token>'");
    }

    @Test
    void givesAFunctionHostTheWebhookAdapterWithoutAPort() {
        TelegramAdapter adapter = TelegramAdapter.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_WEBHOOK_SECRET", "abc", "TELEGRAM_BOT_USERNAME", "my_bot"));

        assertThat(adapter.webhookPath()).isEqualTo("/telegram");
        assertThatThrownBy(() -> TelegramAdapter.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_MODE", "polling")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("TELEGRAM_MODE is polling, but this adapter receives webhooks: set TELEGRAM_MODE=webhook"
                        + " or use TelegramConfig.fromEnv().adapter()");
    }
}
