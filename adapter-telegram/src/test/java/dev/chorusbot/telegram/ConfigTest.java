package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.ConfigurationException;
import java.net.URI;
import java.time.Duration;
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
        assertThat(TelegramConfig.builder().token(TOKEN).build().mode()).isEqualTo(TelegramMode.POLLING);
        assertThat(TelegramConfig.builder().token(TOKEN).webhookPort(8080).build().mode()).isEqualTo(TelegramMode.WEBHOOK);
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
                        "TELEGRAM_MODE must be 'webhook' or 'polling', was 'push'",
                        "TELEGRAM_BOT_TOKEN is not set: put the token BotFather gave you in it",
                        "TELEGRAM_API_URL must be an http or https URL such as https://api.telegram.org, was 'ftp://x'",
                        "TELEGRAM_WEBHOOK_PORT must be a port number from 0 to 65535, was 99999",
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
    void aWebhookUrlMakesWebhookTheDefaultMode() {
        TelegramConfig config = TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_WEBHOOK_URL", "https://bot.example.org/hook"));

        assertThat(config.mode()).isEqualTo(TelegramMode.WEBHOOK);
        assertThat(TelegramConfig.builder().token(TOKEN).webhookUrl(URI.create("https://bot.example.org/hook")).build()
                .mode()).isEqualTo(TelegramMode.WEBHOOK);
    }

    @Test
    void neverShowsTheTokenOrTheSecret() {
        TelegramConfig config = TelegramConfig.builder().token(TOKEN).webhookSecret("very_secret_value").build();

        assertThat(config.toString()).doesNotContain(TOKEN).doesNotContain("AAHdqTcv")
                .doesNotContain("very_secret_value").contains("token=<hidden>");
        assertThat(new TelegramBotApi(config).toString()).doesNotContain(TOKEN);
        assertThat(config.adapter().toString()).doesNotContain(TOKEN);
    }

    @Test
    void hidesTheTokenInAWebhookUrlThatUsesItAsASecretPath() {
        // A common way to keep a webhook URL unguessable is a path holding the bot token.
        TelegramConfig config = TelegramConfig.builder().token(TOKEN).mode(TelegramMode.WEBHOOK)
                .webhookUrl(URI.create("https://bot.example.org/" + TOKEN)).build();

        assertThat(config.toString()).doesNotContain("AAHdqTcv").contains("webhookUrl=https://bot.example.org/<token>");
        assertThatThrownBy(() -> TelegramConfig.builder().token(TOKEN).webhookUrl(URI.create("http://bot.example.org/" + TOKEN))
                .build()).isInstanceOf(ConfigurationException.class).message().doesNotContain("AAHdqTcv")
                .contains("webhookUrl must be an https URL (Telegram delivers webhooks over HTTPS only), was"
                        + " 'http://bot.example.org/<token>'");
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

    @Test
    void givesThePollingAdapterFromTheEnvironmentEvenWithAPort() {
        TelegramPollingAdapter adapter = TelegramPollingAdapter.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_WEBHOOK_PORT", "8080"));

        assertThat(adapter.platform()).isEqualTo(TelegramPollingAdapter.PLATFORM);
        assertThatThrownBy(() -> TelegramPollingAdapter.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_MODE",
                "webhook"))).isInstanceOf(ConfigurationException.class)
                .hasMessage("TELEGRAM_MODE is webhook, but this adapter polls: set TELEGRAM_MODE=polling or use"
                        + " TelegramConfig.fromEnv().adapter()");
    }

    @Test
    void theBuilderListsEveryProblemNamingItsSetter() {
        assertThatThrownBy(() -> TelegramConfig.builder()
                .apiUrl(URI.create("ftp://x"))
                .webhookPort(70000)
                .webhookPath("/a b")
                .webhookSecret("has spaces!")
                .username("not a name")
                .pollingTimeoutSeconds(51)
                .retries(0, Duration.ofSeconds(2), Duration.ofSeconds(1))
                .requestTimeout(Duration.ZERO)
                .build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "token is not set: put the token BotFather gave you in it",
                        "apiUrl must be an http or https URL such as https://api.telegram.org, was 'ftp://x'",
                        "webhookPort must be a port number from 0 to 65535, was 70000",
                        "webhookPath must start with '/' and contain no spaces, was '/a b'",
                        "webhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -",
                        "username must be the bot's username (letters, digits and _), was 'not a name'",
                        "pollingTimeoutSeconds must be from 0 to 50, was 51",
                        "retries attempts must be at least 1, was 0",
                        "retries backoff must not be negative and the longest at least the first, were PT2S and PT1S",
                        "requestTimeout must be positive, was PT0S"));
    }

    @Test
    void refusesASpaceInTheWebhookPathFromTheBuilderAndFromTheEnvironmentAlike() {
        assertThatThrownBy(() -> TelegramConfig.builder().token(TOKEN).webhookPath("/tele gram").build())
                .hasMessage("webhookPath must start with '/' and contain no spaces, was '/tele gram'");
        assertThatThrownBy(() -> TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_WEBHOOK_PATH", "/tele gram")))
                .hasMessage("TELEGRAM_WEBHOOK_PATH must start with '/' and contain no spaces, was '/tele gram'");
    }

    @Test
    void namesAVariableThatIsNotANumber() {
        assertThatThrownBy(() -> TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_WEBHOOK_PORT", "eighty", "TELEGRAM_API_URL", "http://bad host")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "TELEGRAM_API_URL is not a URL: Illegal character in authority.",
                        "TELEGRAM_WEBHOOK_PORT must be a port number from 0 to 65535, was 'eighty'"));
    }

    @Test
    void documentsItsDefaults() {
        TelegramConfig config = TelegramConfig.builder().token(TOKEN).build();

        assertThat(config.apiUrl()).isEqualTo(TelegramConfig.DEFAULT_API_URL);
        assertThat(config.mode()).isEqualTo(TelegramMode.POLLING);
        assertThat(config.webhookPort()).isEmpty();
        assertThat(config.webhookPath()).isEqualTo("/telegram");
        assertThat(config.webhookSecret()).isEmpty();
        assertThat(config.webhookUrl()).isEmpty();
        assertThat(config.username()).isEmpty();
        assertThat(config.inlineReplies()).isTrue();
        assertThat(config.editedMessages()).isFalse();
        assertThat(config.publishCommands()).isFalse();
        assertThat(config.pollingTimeoutSeconds()).isEqualTo(30);
        assertThat(config.allowedUpdates()).isEmpty();
        assertThat(config.adminCacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.maxAttempts()).isEqualTo(5);
        assertThat(config.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.webhookTimeout()).isEqualTo(Duration.ofSeconds(55));
        assertThat(config.closeTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void neverRepeatsTheTokenOrTheSecretInAProblem() {
        String secret = "a_secret_with_a bad_char";
        String token = "123:has spaces so malformed";

        assertThatThrownBy(() -> TelegramConfig.builder().token(token).webhookSecret(secret).build())
                .isInstanceOf(ConfigurationException.class).message()
                .doesNotContain(secret).doesNotContain(token).doesNotContain("malformed");
        assertThatThrownBy(() -> TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", token,
                "TELEGRAM_WEBHOOK_SECRET", secret))).message().doesNotContain(secret).doesNotContain("malformed");
    }

    @Test
    void takesAUsernameWithOrWithoutTheAtSign() {
        assertThat(TelegramConfig.builder().token(TOKEN).username("@my_bot").build().username()).contains("my_bot");
        assertThat(TelegramConfig.builder().token(TOKEN).username("my_bot").build().username()).contains("my_bot");
    }

    @Test
    void readsTheSendLimitsFromTheEnvironment() {
        TelegramConfig paid = TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_SEND_LIMITS", " 1000/s, 1/s ,20/min"));
        TelegramConfig unset = TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN));

        assertThat(paid.limits()).isEqualTo(new SendLimits(1000, 1, 20));
        assertThat(unset.limits()).isEqualTo(SendLimits.telegramDefaults()).isEqualTo(new SendLimits(30, 1, 20));
    }

    @Test
    void refusesMalformedSendLimitsInOneSentenceNamingTheVariable() {
        for (String bad : new String[] {"30/s,1/s", "30/s,1/s,20/s", "30,1,20", "0/s,1/s,20/min", "-5/s,1/s,20/min",
                "30/s,1/s,20/min,5/s", "thirty/s,1/s,20/min", "9999999999/s,1/s,20/min", "30/s;1/s;20/min"}) {
            assertThatThrownBy(() -> TelegramConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                    "TELEGRAM_SEND_LIMITS", bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                            "TELEGRAM_SEND_LIMITS must be three rates 'overall/s,private chat/s,group/min' such as"
                                    + " '30/s,1/s,20/min', with whole numbers from 1, was '" + bad + "'"));
        }
    }
}
