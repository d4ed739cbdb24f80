package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeSubscription;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every serverless entry point does: start the bot without a server, hand each HTTP request to
 * {@code bot.webhookRoutes().handle(...)} on the calling thread and return the answer — after which
 * the container may be frozen. The reply must already have reached Helix by then.
 */
class ServerlessContractTest {

    @Test
    void theReplyHasReachedHelixWhenTheRoutesReturn() {
        try (FakeHelixApi helix = FakeHelixApi.start()) {
            Bot bot = Bot.builder().command(EventSubHarness.hello())
                    .adapter(new TwitchEventSubAdapter(EventSubHarness.config(helix).build())).build();
            bot.hostWebhooks();
            bot.start();
            try {
                ChatMessageNotification hello = ChatMessageNotification.builder().text("!hello");
                String body = "{\"subscription\":" + FakeSubscription.of("s-1", "enabled",
                        "channel.chat.message", Map.of("broadcaster_user_id", "141981764", "user_id",
                                EventSubHarness.BOT_ID), "https://example.com/twitch", Instant.now()).toJson()
                        + ",\"event\":" + hello.toEventJson() + "}";

                WebhookResponse response = bot.webhookRoutes().handle(signed(body, "notification"));

                assertThat(response.status()).isEqualTo(200);
                assertThat(helix.sentMessages()).containsExactly(new FakeHelixApi.SentChatMessage("141981764",
                        EventSubHarness.BOT_ID, "hello Viktor!", Optional.of(hello.messageId()), true));
            } finally {
                bot.stop();
            }
        }
    }

    @Test
    void answersTheVerificationWithoutContactingTwitch() {
        try (FakeHelixApi helix = FakeHelixApi.start()) {
            Bot bot = Bot.builder().command(EventSubHarness.hello())
                    .adapter(new TwitchEventSubAdapter(EventSubHarness.config(helix).build())).build();
            bot.hostWebhooks();
            bot.start();
            try {
                String body = "{\"challenge\":\"abc-123\",\"subscription\":" + FakeSubscription.of("s-1",
                        "webhook_callback_verification_pending", "channel.chat.message", Map.of(),
                        "https://example.com/twitch", Instant.now()).toJson() + "}";

                WebhookResponse response = bot.webhookRoutes().handle(signed(body, "webhook_callback_verification"));

                assertThat(response.bodyText()).isEqualTo("abc-123");
                assertThat(helix.requests()).isEmpty();
            } finally {
                bot.stop();
            }
        }
    }

    private static WebhookRequest signed(String body, String type) {
        String id = UUID.randomUUID().toString();
        String timestamp = Instant.now().toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return WebhookRequest.post("/twitch", Map.of(
                "Twitch-Eventsub-Message-Id", id,
                "Twitch-Eventsub-Message-Timestamp", timestamp,
                "Twitch-Eventsub-Message-Signature", FakeEventSubSender.sign(EventSubHarness.SECRET, id, timestamp, bytes),
                "Twitch-Eventsub-Message-Type", type), bytes);
    }
}
