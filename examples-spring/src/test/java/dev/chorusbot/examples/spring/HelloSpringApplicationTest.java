package dev.chorusbot.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The example application answers {@code /hello} on Spring's port and exposes the bot's meters. */
class HelloSpringApplicationTest {
    @Test
    void answersHelloAndShowsItsMeters() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(HelloSpringApplication.class)
                        .properties("server.port=0",
                                "chorus.telegram.token=" + telegram.token(),
                                "chorus.telegram.api-url=" + telegram.apiUrl(),
                                "chorus.telegram.webhook-url=https://bot.example.org/telegram",
                                "chorus.telegram.webhook-secret=example_secret")
                        .run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            telegram.awaitCalls("setWebhook", 1); // made in the background: the bot listens first
            FakeUser ada = telegram.user("Ada", "Lovelace", "ada");
            assertThat(telegram.deliver(URI.create("http://127.0.0.1:" + port + "/telegram"),
                    telegram.message(FakeChat.privateWith(ada), ada, "/hello")).status()).isEqualTo(200);
            assertThat(telegram.awaitSentMessages(1).get(0).text()).isEqualTo("hello Ada Lovelace!");

            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.body()).contains("chorus_commands_total{command=\"hello\",outcome=\"success\"");
        }
    }
}
