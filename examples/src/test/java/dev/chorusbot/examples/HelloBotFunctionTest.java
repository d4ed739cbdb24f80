package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.serverless.ServerlessBot;
import dev.chorusbot.serverless.YandexFunctionHandler;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeSubscription;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hello bot behind a function entry point, as hello-bot-lambda.jar deploys it. */
class HelloBotFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "hello-bot-secret";
    private static final String EVENTSUB_SECRET = "hello-bot-eventsub-secret";
    private static final String BOT_USER_ID = "900000001";

    @Test
    void answersHelloInsideTheWebhookResponse() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start()) {
            ServerlessBot bot = ServerlessBot.of(new HelloBotFactory(Map.of(
                    "TELEGRAM_BOT_TOKEN", telegram.token(),
                    "TELEGRAM_API_URL", telegram.apiUrl().toString(),
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
    void answersTelegramAndTwitchEventSubFromOneFunction() throws Exception {
        try (FakeTelegramServer telegram = FakeTelegramServer.start();
                FakeHelixApi helix = FakeHelixApi.start()) {
            ServerlessBot bot = ServerlessBot.of(new HelloBotFactory(Map.of(
                    "TELEGRAM_BOT_TOKEN", telegram.token(),
                    "TELEGRAM_API_URL", telegram.apiUrl().toString(),
                    "TELEGRAM_WEBHOOK_SECRET", SECRET,
                    "TWITCH_CLIENT_ID", helix.clientId(),
                    "TWITCH_CLIENT_SECRET", helix.clientSecret(),
                    "TWITCH_EVENTSUB_SECRET", EVENTSUB_SECRET,
                    "TWITCH_BOT_USER_ID", BOT_USER_ID,
                    "TWITCH_API_URL", helix.baseUrl().toString(),
                    "TWITCH_AUTH_URL", helix.baseUrl().toString())));
            try {
                YandexFunctionHandler function = new YandexFunctionHandler(bot);
                FakeUser viktor = FakeUser.of(42, "Viktor", null, "viktor");
                ChatMessageNotification anna = ChatMessageNotification.builder()
                        .chatter("129546453", "anna", "Anna").text("!hello");

                Map<String, Object> fromTelegram = function.apply(event("/telegram",
                        Map.of("Content-Type", "application/json", "X-Telegram-Bot-Api-Secret-Token", SECRET),
                        telegram.message(FakeChat.privateWith(viktor), viktor, "/hello").toString()));
                Map<String, Object> fromTwitch = function.apply(signedTwitchNotification(anna, EVENTSUB_SECRET));

                assertThat(fromTelegram.get("statusCode")).isEqualTo(200);
                assertThat(JSON.readTree((String) fromTelegram.get("body")).path("text").asText())
                        .isEqualTo("hello Viktor!");
                assertThat(fromTwitch.get("statusCode")).isEqualTo(200);
                assertThat(helix.sentMessages()).containsExactly(new FakeHelixApi.SentChatMessage(
                        "141981764", BOT_USER_ID, "hello Anna!", Optional.of(anna.messageId()), true));
            } finally {
                bot.stop();
            }
        }
    }

    @Test
    void servesTwitchEventSubAloneAtAnyPath() throws Exception {
        try (FakeHelixApi helix = FakeHelixApi.start()) {
            ServerlessBot bot = ServerlessBot.of(new HelloBotFactory(Map.of(
                    "TWITCH_CLIENT_ID", helix.clientId(),
                    "TWITCH_CLIENT_SECRET", helix.clientSecret(),
                    "TWITCH_EVENTSUB_SECRET", EVENTSUB_SECRET,
                    "TWITCH_BOT_USER_ID", BOT_USER_ID,
                    "TWITCH_API_URL", helix.baseUrl().toString(),
                    "TWITCH_AUTH_URL", helix.baseUrl().toString())));
            try {
                ChatMessageNotification anna = ChatMessageNotification.builder()
                        .chatter("129546453", "anna", "Anna").text("!hello");
                Map<String, Object> event = signedTwitchNotification(anna, EVENTSUB_SECRET);
                event.put("path", "/");

                Map<String, Object> response = new YandexFunctionHandler(bot).apply(event);

                assertThat(bot.bot().adapters()).hasSize(1);
                assertThat(response.get("statusCode")).isEqualTo(200);
                assertThat(helix.sentMessages()).extracting(FakeHelixApi.SentChatMessage::message)
                        .containsExactly("hello Anna!");
            } finally {
                bot.stop();
            }
        }
    }

    @Test
    void namesEveryPlatformVariableWhenNoneIsSet() {
        ServerlessBot bot = ServerlessBot.of(new HelloBotFactory(Map.of()));

        assertThatThrownBy(bot::bot)
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).isEqualTo(List.of(
                        "neither DISCORD_BOT_TOKEN, TELEGRAM_BOT_TOKEN nor TWITCH_CLIENT_ID is set: a function serves"
                                + " Discord (DISCORD_BOT_TOKEN), Telegram (TELEGRAM_BOT_TOKEN) and/or Twitch chat through"
                                + " EventSub (TWITCH_CLIENT_ID), so set at least one of them")));
    }

    @Test
    void reportsTheMissingTwitchVariablesOfAFunction() {
        ServerlessBot bot = ServerlessBot.of(new HelloBotFactory(Map.of("TWITCH_CLIENT_ID", "client")));

        assertThatThrownBy(bot::bot)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("TWITCH_CLIENT_SECRET is not set")
                .hasMessageContaining("TWITCH_EVENTSUB_SECRET is not set")
                .hasMessageContaining("TWITCH_BOT_USER_ID is not set");
    }

    private static Map<String, Object> event(String path, Map<String, String> headers, String body) {
        Map<String, Object> event = new HashMap<>();
        event.put("httpMethod", "POST");
        event.put("path", path);
        event.put("headers", headers);
        event.put("multiValueHeaders", Map.of());
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    /** A {@code channel.chat.message} notification for {@code /twitch}, signed as Twitch signs it. */
    private static Map<String, Object> signedTwitchNotification(ChatMessageNotification message, String secret)
            throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.set("subscription", JSON.readTree(FakeSubscription.of("f1c2a387-161a-49f9-a165-0f21d7a4e1c4", "enabled",
                "channel.chat.message", Map.of("broadcaster_user_id", message.broadcasterId(), "user_id", BOT_USER_ID),
                "https://example.com/twitch", Instant.now()).toJson()));
        body.set("event", JSON.readTree(message.toEventJson()));
        String json = body.toString();
        String id = UUID.randomUUID().toString();
        String timestamp = Instant.now().toString();
        return event("/twitch", Map.of(
                "Content-Type", "application/json",
                "Twitch-Eventsub-Message-Id", id,
                "Twitch-Eventsub-Message-Retry", "0",
                "Twitch-Eventsub-Message-Type", "notification",
                "Twitch-Eventsub-Message-Timestamp", timestamp,
                "Twitch-Eventsub-Message-Signature",
                        FakeEventSubSender.sign(secret, id, timestamp, json.getBytes(StandardCharsets.UTF_8)),
                "Twitch-Eventsub-Subscription-Type", "channel.chat.message",
                "Twitch-Eventsub-Subscription-Version", "1"), json);
    }
}
