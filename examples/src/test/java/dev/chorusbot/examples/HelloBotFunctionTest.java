package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.serverless.ServerlessBot;
import dev.chorusbot.serverless.YandexFunctionHandler;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hello bot behind a function entry point, as hello-bot-lambda.jar deploys it. */
class HelloBotFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "hello-bot-secret";

    @Test
    void answersHelloInsideTheWebhookResponse() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start()) {
            ServerlessBot bot = ServerlessBot.of(new HelloBotFactory(Map.of(
                    "TELEGRAM_BOT_TOKEN", telegram.token(),
                    "TELEGRAM_API_URL", telegram.apiUrl().toString(),
                    "TELEGRAM_MODE", "webhook",
                    "TELEGRAM_WEBHOOK_SECRET", SECRET)));
            try {
                FakeUser viktor = FakeUser.of(42, "Viktor", null, "viktor");
                Map<String, Object> event = new HashMap<>();
                event.put("httpMethod", "POST");
                event.put("headers", Map.of("Content-Type", "application/json", "X-Telegram-Bot-Api-Secret-Token", SECRET));
                event.put("multiValueHeaders", Map.of());
                event.put("body", telegram.message(FakeChat.privateWith(viktor), viktor, "/hello").toString());
                event.put("isBase64Encoded", false);

                Map<String, Object> response = new YandexFunctionHandler(bot).apply(event);

                assertThat(response.get("statusCode")).isEqualTo(200);
                JsonNode reply = JSON.readTree((String) response.get("body"));
                assertThat(reply.path("method").asText()).isEqualTo("sendMessage");
                assertThat(reply.path("text").asText()).isEqualTo("hello Viktor!");
            } finally {
                bot.stop();
            }
        }
    }

    @Test
    void failsWithOneSentencePerMissingVariable() {
        ServerlessBot bot = ServerlessBot.of(new HelloBotFactory(Map.of()));

        assertThatThrownBy(bot::bot)
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems())
                        .isEqualTo(List.of("TELEGRAM_BOT_TOKEN is not set: put the token BotFather gave you in it")));
    }
}
