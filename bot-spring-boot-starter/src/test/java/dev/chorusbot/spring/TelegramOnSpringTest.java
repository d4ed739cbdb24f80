package dev.chorusbot.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.BotCommand;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Middleware;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.User;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.SentMessage;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter end to end: a Spring Boot application on a random port, the Bot API played by
 * {@link FakeTelegramServer}, updates delivered to Spring's own port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = TelegramOnSpringTest.App.class)
class TelegramOnSpringTest {
    private static final String SECRET = "spring_secret_42";
    private static final FakeTelegramServer telegram = FakeTelegramServer.start();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        static final List<String> seen = new CopyOnWriteArrayList<>();

        @Bean
        Command hello() {
            return Command.named("hello").description("Say hello")
                    .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build();
        }

        @Bean
        Dice dice() {
            return new Dice();
        }

        @Bean
        Middleware recorder() {
            return (invocation, chain) -> {
                seen.add(invocation.command().map(call -> call.command().name()).orElse("-"));
                return chain.proceed(invocation);
            };
        }
    }

    /** A bean with an annotated command method. */
    static class Dice {
        @BotCommand(description = "Roll a die")
        String roll(User user) {
            return user.displayName() + " rolled 4";
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("chorus.telegram.token", telegram::token);
        registry.add("chorus.telegram.api-url", () -> telegram.apiUrl().toString());
        registry.add("chorus.telegram.webhook-url", () -> "https://bot.example.org/hooks/telegram");
        registry.add("chorus.telegram.webhook-path", () -> "/hooks/telegram");
        registry.add("chorus.telegram.webhook-secret", () -> SECRET);
        registry.add("management.endpoints.web.exposure.include", () -> "health,prometheus");
        registry.add("management.endpoint.health.show-components", () -> "always");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @AfterAll
    static void stopFake() {
        telegram.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Bot bot;

    @org.junit.jupiter.api.BeforeEach
    void awaitTheWebhook() {
        // The adapter listens first and calls setWebhook (which gives the fake its secret) in the background.
        telegram.awaitCalls("setWebhook", 1);
    }

    private URI webhook() {
        return URI.create("http://127.0.0.1:" + port + "/hooks/telegram");
    }

    @Test
    void helloArrivesThroughSpringsPortAndIsAnswered() {
        // The adapter listens first and calls setWebhook in the background.
        telegram.awaitCalls("setWebhook", 1);
        assertThat(telegram.webhookUrl()).isEqualTo("https://bot.example.org/hooks/telegram");
        FakeUser ada = telegram.user("Ada", "Lovelace", "ada");
        WebhookDelivery delivery = telegram.deliver(webhook(),
                telegram.message(FakeChat.privateWith(ada), ada, "/hello"));

        assertThat(delivery.status()).isEqualTo(200);
        List<SentMessage> sent = telegram.awaitSentMessages(1);
        assertThat(sent.get(0).text()).isEqualTo("hello Ada Lovelace!");
        assertThat(App.seen).contains("hello");
    }

    @Test
    void actuatorsPrometheusEndpointShowsTheBotsMeters() throws Exception {
        FakeUser bob = telegram.user("Bob", "Stone", "bob");
        assertThat(telegram.deliver(webhook(), telegram.message(FakeChat.privateWith(bob), bob, "/roll")).status())
                .isEqualTo(200);
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("chorus_commands_total{command=\"roll\",outcome=\"success\",platform=\"telegram\"} 1")
                .contains("chorus_webhook_responses_total{platform=\"telegram\",status=\"200\"}")
                .contains("chorus_send_queue{platform=\"telegram\"}");
    }

    @Test
    void actuatorsHealthHasTheBot() throws Exception {
        // Ready once the background setWebhook succeeded.
        telegram.awaitCalls("setWebhook", 1);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!bot.isReady() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(20).toNanos());
        }
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"chorus\":{").contains("\"telegram\":\"ready\"");
        assertThat(bot.isReady()).isTrue();
    }

    @Test
    void beansWithBotCommandMethodsAreRegistered() {
        assertThat(bot.commands()).extracting(Command::name).contains("hello", "roll", "help");
    }

    @Test
    void aWrongSecretIs401AsOnTheEmbeddedHost() {
        FakeUser ada = telegram.user("Ada", "Lovelace", "ada");
        byte[] body = telegram.message(FakeChat.privateWith(ada), ada, "/hello").json()
                .getBytes(StandardCharsets.UTF_8);
        WebhookDelivery delivery = telegram.deliver(webhook(), Optional.of("wrong_secret"), body);
        assertThat(delivery.status()).isEqualTo(401);
    }

    @Test
    void theRoutesRulesHoldOnSpringsPort() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(webhook()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");

        byte[] huge = new byte[(1 << 20) + 1];
        HttpResponse<String> tooLarge = client.send(HttpRequest.newBuilder(webhook())
                        .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).isEqualTo("Payload Too Large: the limit is 1048576 bytes");

        HttpResponse<String> notJson = client.send(HttpRequest.newBuilder(webhook())
                        .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                        .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void otherPathsAreLeftToTheApplication() throws Exception {
        HttpResponse<String> other = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/other")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
    }
}
