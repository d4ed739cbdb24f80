package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint called directly, as a host without the embedded server's own checks calls it. */
class EndpointWithoutServerTest {
    final FakeTelegramServer telegram = FakeTelegramServer.start();
    final TelegramAdapter adapter = new TelegramAdapter(TelegramConfig.builder().token(telegram.token())
            .apiUrl(telegram.apiUrl()).username("chorus_test_bot").webhookSecret("abc").build());
    final FakeUser anna = telegram.user("Anna", null, "anna");
    Bot bot;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
        adapter.close();
        telegram.close();
    }

    WebhookResponse post(byte[] body, Map<String, String> headers) {
        return adapter.endpoint().handle(WebhookRequest.post("/telegram", headers, body));
    }

    byte[] hello() {
        return telegram.message(FakeChat.privateWith(anna), anna, "/hello").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void answers503BeforeTheBotStarted() {
        WebhookResponse response = post(hello(), Map.of("X-Telegram-Bot-Api-Secret-Token", "abc"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyText()).isEqualTo("Service Unavailable: the bot is not running");
    }

    @Test
    void refusesABodyOverOneMebibyteWith413() {
        bot = Bot.builder().command(WebhookTest.hello()).adapter(adapter).build();
        bot.hostWebhooks();
        bot.start();
        byte[] huge = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(huge, (byte) ' ');

        WebhookResponse response = post(huge, Map.of("X-Telegram-Bot-Api-Secret-Token", "abc"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.bodyText()).isEqualTo("Payload Too Large: the limit is 1048576 bytes");
    }

    @Test
    void checksTheSecretBeforeReadingTheBody() {
        bot = Bot.builder().command(WebhookTest.hello()).adapter(adapter).build();
        bot.hostWebhooks();
        bot.start();

        // The method and size rules come first, as in every host's routes: a signature over the
        // body (EventSub's HMAC, Discord's Ed25519) can only be checked on a body within the limit.
        assertThat(post("not json".getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(401);
        assertThat(post(hello(), Map.of("X-Telegram-Bot-Api-Secret-Token", "abd")).status()).isEqualTo(401);
        assertThat(telegram.calls()).isEmpty();
        assertThat(post(new byte[(1 << 20) + 1], Map.of()).status()).isEqualTo(413);
        assertThat(adapter.endpoint().handle(new WebhookRequest("GET", "/telegram",
                Map.of("X-Telegram-Bot-Api-Secret-Token", List.of("abc")), new byte[0])).status()).isEqualTo(405);
    }

    @Test
    void needsNoPortAndStartsNoPollingWhenHostedByAFunction() {
        bot = Bot.builder().command(WebhookTest.hello()).adapter(adapter).build();
        bot.hostWebhooks();
        bot.start();

        WebhookResponse response = bot.webhookRoutes().handle(WebhookRequest.post("/telegram",
                Map.of("X-Telegram-Bot-Api-Secret-Token", "abc"), hello()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        assertThat(response.bodyText()).isEqualTo(
                "{\"method\":\"sendMessage\",\"chat_id\":" + anna.id() + ",\"text\":\"hello Anna!\"}");
        assertThat(telegram.calls()).isEmpty(); // no getMe, no getUpdates, no sendMessage
    }

    @Test
    void refusesAnIdBeyondTheLongRangeInsteadOfWrappingItToAnotherChat() {
        bot = Bot.builder().command(WebhookTest.hello()).adapter(adapter).build();
        bot.hostWebhooks();
        bot.start();
        // 2^64 + 1: read as a long it would wrap to 1 and the answer would go to chat 1.
        String body = "{\"update_id\":9,\"message\":{\"message_id\":1,\"date\":1,\"text\":\"/hello\","
                + "\"from\":{\"id\":" + anna.id() + ",\"is_bot\":false,\"first_name\":\"Anna\"},"
                + "\"chat\":{\"id\":18446744073709551617,\"type\":\"private\",\"first_name\":\"Anna\"}}}";

        WebhookResponse response = post(body.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Telegram-Bot-Api-Secret-Token", "abc"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText())
                .isEqualTo("Bad Request: the message of update 9 is malformed: id is missing or not an integer");
        assertThat(telegram.calls()).isEmpty();
    }

    @Test
    void refusesADateBeyondTheTimeLineWith400InsteadOfFailing() {
        bot = Bot.builder().command(WebhookTest.hello()).adapter(adapter).build();
        bot.hostWebhooks();
        bot.start();
        // A long, but more seconds than java.time.Instant can hold.
        String body = "{\"update_id\":10,\"message\":{\"message_id\":1,\"date\":99999999999999999,"
                + "\"text\":\"/hello\",\"from\":{\"id\":" + anna.id() + ",\"is_bot\":false,\"first_name\":\"Anna\"},"
                + "\"chat\":{\"id\":" + anna.id() + ",\"type\":\"private\",\"first_name\":\"Anna\"}}}";

        WebhookResponse response = post(body.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Telegram-Bot-Api-Secret-Token", "abc"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText())
                .isEqualTo("Bad Request: the message of update 10 is malformed: date is not a time in Unix seconds");
        assertThat(telegram.calls()).isEmpty();
    }
}
