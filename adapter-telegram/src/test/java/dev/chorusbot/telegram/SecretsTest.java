package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.telegram.Failure;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The token never reaches logs or exception messages. Runs last (see junit-platform.properties),
 * so the log file it scans holds the whole run of this module's tests, at debug level.
 */
@Order(Integer.MAX_VALUE)
class SecretsTest {

    @Test
    void keepsTheTokenOutOfExceptionMessagesWhenTheServerCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TelegramBotApi api = new TelegramBotApi(URI.create("http://127.0.0.1:" + closedPort),
                FakeTelegramServer.DEFAULT_TOKEN, Duration.ofSeconds(2));

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> api.getMe().get(5, TimeUnit.SECONDS));

        assertThat(e.getCause()).isInstanceOf(TelegramNetworkException.class).hasMessageStartingWith("getMe failed: ");
        assertThat(e.getCause().getCause()).isNull(); // the HTTP client's own exception may hold the URL
        assertThat(stackTrace(e)).doesNotContain(FakeTelegramServer.DEFAULT_TOKEN);
    }

    @Test
    void keepsTheTokenOutOfTheErrorOfAMethodNameThatIsNoUrlPath() throws Exception {
        // The token and the method name make up one URL; a name the URL parser refuses must not
        // bring the whole URL, token included, into the exception message.
        TelegramBotApi api = new TelegramBotApi(URI.create("http://127.0.0.1:9"), FakeTelegramServer.DEFAULT_TOKEN,
                Duration.ofSeconds(2));

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> api.call("send Message", TelegramBotApi.params()).get(5, TimeUnit.SECONDS));

        assertThat(e.getCause()).isInstanceOf(TelegramNetworkException.class)
                .hasMessageStartingWith("send Message failed: ");
        assertThat(stackTrace(e)).doesNotContain(FakeTelegramServer.DEFAULT_TOKEN);
    }

    @Test
    void masksTheTokenAndTheSecretWhereTheyAreThePathOrPartOfAUrl() throws Exception {
        // Telegram suggests the token as the webhook path; with no secret set, start-up warns about
        // that path at the default level. Neither the path nor a URL may show the token then.
        String token = FakeTelegramServer.DEFAULT_TOKEN;
        String secret = "path-secret_42";
        try (FakeTelegramServer telegram = FakeTelegramServer.start()) {
            TelegramConfig tokenPath = TelegramConfig.builder().token(token).apiUrl(telegram.apiUrl())
                    .username("chorus_test_bot").webhookPath("/" + token)
                    .webhookUrl(URI.create("https://bot.example.org/" + token)).build();
            TelegramConfig secretPath = TelegramConfig.builder().token(token).apiUrl(telegram.apiUrl())
                    .username("chorus_test_bot").webhookSecret(secret).webhookPath("/hook/" + secret)
                    .webhookUrl(URI.create("https://bot.example.org/hook/" + secret)).build();
            TelegramConfig passwordApi = TelegramConfig.builder().token(token)
                    .apiUrl(URI.create("https://chorus:api-password@bot-api.example.org")).build();
            List<Object> shown = new ArrayList<>(List.of(tokenPath, secretPath, passwordApi,
                    new TelegramAdapter(tokenPath), new TelegramAdapter(secretPath), new TelegramPollingAdapter(passwordApi),
                    new TelegramBotApi(tokenPath)));
            for (TelegramConfig config : List.of(tokenPath, secretPath)) {
                WebhookServer server = WebhookServer.builder()
                        .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
                TelegramAdapter adapter = new TelegramAdapter(config);
                Bot bot = Bot.builder().command(WebhookTest.hello()).adapter(adapter).webhookServer(server).build();
                bot.start();
                try {
                    URI webhook = URI.create("http://127.0.0.1:" + server.port() + config.webhookPath());
                    FakeUser anna = telegram.user("Anna", null, "anna");
                    Optional<String> header = config.webhookSecret();
                    assertThat(telegram.deliver(webhook, header, "{\"update_id\":".getBytes(StandardCharsets.UTF_8))
                            .status()).isEqualTo(400);
                    assertThat(telegram.deliver(webhook, header, telegram.message(FakeChat.privateWith(anna), anna,
                            "/hello").json().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
                    shown.add(bot.adapters().values().iterator().next());
                } finally {
                    bot.stop();
                }
            }
            for (Object each : shown) {
                assertThat(each.toString()).as("toString of %s", each.getClass().getSimpleName())
                        .doesNotContain(token, token.substring(token.indexOf(':') + 1), secret, "api-password");
            }
            assertThat(tokenPath.toString()).contains("webhookPath=/<token>", "webhookUrl=https://bot.example.org/<token>");
            assertThat(secretPath.toString()).contains("webhookPath=/hook/<secret>");
        }

        String log = Files.readString(Path.of("target", "telegram-tests.log"));
        assertThat(log).contains("The Telegram webhook /<token> has no secret token");
        assertThat(log).doesNotContain(token, token.substring(token.indexOf(':') + 1), secret, "api-password");
    }

    @Test
    void keepsTheTokenOutOfConfigurationErrors() {
        String token = FakeTelegramServer.DEFAULT_TOKEN;
        assertThatThrownBy(() -> TelegramConfig.builder().token(token).webhookPath("/" + token + " x")
                .apiUrl(URI.create("ftp://chorus:api-password@example.org")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("webhookPath must start with '/' and contain no spaces, was '/<token> x'")
                .hasMessageNotContaining(token.substring(token.indexOf(':') + 1))
                .hasMessageNotContaining("api-password");
    }

    @Test
    void keepsTheTokenOutOfTheWholeTestLog() throws Exception {
        // Provoke every failure path once more, so this check does not depend on which tests ran.
        try (FakeTelegramServer telegram = FakeTelegramServer.start()) {
            FakeUser anna = telegram.user("Anna", null, "anna");
            telegram.blockedBy(anna).addChat(FakeChat.privateWith(anna));
            telegram.failNext("sendMessage", Failure.dropConnection());
            TelegramAdapter adapter = SchedulerSink.start(new TelegramAdapter(TelegramConfig.builder().token(telegram.token())
                    .apiUrl(telegram.apiUrl()).username("chorus_test_bot")
                    .retries(2, Duration.ofMillis(1), Duration.ofMillis(1)).build()), Scheduler.system());
            try {
                adapter.send(Outbound.text(Chat.of(Long.toString(anna.id()), Chat.Kind.PRIVATE, "A"), "hi"))
                        .handle((ok, failure) -> null).get(5, TimeUnit.SECONDS);
            } finally {
                adapter.close();
            }
        }

        String log = Files.readString(Path.of("target", "telegram-tests.log"));
        assertThat(log).contains("Gave up a message to Telegram chat"); // the log is really there
        assertThat(log).doesNotContain(FakeTelegramServer.DEFAULT_TOKEN)
                .doesNotContain(FakeTelegramServer.DEFAULT_TOKEN.substring(FakeTelegramServer.DEFAULT_TOKEN.indexOf(':')));
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    @SuppressWarnings("unused")
    private static final Class<?> ORDERER = ClassOrderer.OrderAnnotation.class;
}
