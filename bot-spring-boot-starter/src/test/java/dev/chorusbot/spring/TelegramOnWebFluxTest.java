package dev.chorusbot.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The webhooks on a reactive application's own port (WebFlux on Netty), with the same answers. */
class TelegramOnWebFluxTest {
    private static final String SECRET = "flux_secret_7";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Command hello() {
            return Command.named("hello").description("Say hello")
                    .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build();
        }
    }

    @Test
    void helloIsAnsweredAndTheRulesHold() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                        .web(WebApplicationType.REACTIVE)
                        .properties("server.port=0",
                                "chorus.telegram.token=" + telegram.token(),
                                "chorus.telegram.api-url=" + telegram.apiUrl(),
                                "chorus.telegram.webhook-url=https://bot.example.org/telegram",
                                "chorus.telegram.webhook-secret=" + SECRET)
                        .run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            URI webhook = URI.create("http://127.0.0.1:" + port + "/telegram");
            telegram.awaitCalls("setWebhook", 1); // made in the background: the bot listens first
            FakeUser ada = telegram.user("Ada", "Lovelace", "ada");

            assertThat(telegram.deliver(webhook, telegram.message(FakeChat.privateWith(ada), ada, "/hello")).status())
                    .isEqualTo(200);
            assertThat(telegram.awaitSentMessages(1).get(0).text()).isEqualTo("hello Ada Lovelace!");

            byte[] update = telegram.message(FakeChat.privateWith(ada), ada, "/hello").json()
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(telegram.deliver(webhook, Optional.of("wrong_secret"), update).status()).isEqualTo(401);

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(webhook).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(get.headers().firstValue("Allow")).contains("POST");
            // Sent chunked, so only reading tells the size.
            HttpResponse<String> tooLarge = client.send(HttpRequest.newBuilder(webhook)
                            .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                            .POST(HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new java.io.ByteArrayInputStream(new byte[(1 << 20) + 1]))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).isEqualTo("Payload Too Large: the limit is 1048576 bytes");
        }
    }
}
