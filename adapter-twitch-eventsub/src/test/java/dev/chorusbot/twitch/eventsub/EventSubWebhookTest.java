package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.PlatformEvent;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeSubscription;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EventSubWebhookTest {

    @Test
    void answersHelloAsAThreadedReplyThroughHelixBeforeTheDeliveryReturns() {
        try (EventSubHarness h = new EventSubHarness()) {
            ChatMessageNotification message = ChatMessageNotification.builder()
                    .chatter("129546453", "viktor", "Viktor").text("!hello");

            FakeEventSubSender.Delivery delivery = h.twitch.chatMessage(message);

            assertThat(delivery.status()).isEqualTo(200);
            // The webhook answered only after the reply went out: a serverless host may freeze right after.
            assertThat(h.helix.sentMessages()).containsExactly(new FakeHelixApi.SentChatMessage(
                    "141981764", EventSubHarness.BOT_ID, "hello Viktor!", Optional.of(message.messageId()), true));
            FakeHelixApi.RecordedRequest send = h.helix.requests(r -> r.path().equals("/helix/chat/messages")).get(0);
            assertThat(send.headers()).containsEntry("client-id", h.helix.clientId());
            assertThat(send.headers().get("authorization")).startsWith("Bearer fakeapptoken");
        }
    }

    @Test
    void answersTheVerificationHandshakeWithTheRawChallengeAsPlainText() throws Exception {
        try (EventSubHarness h = new EventSubHarness()) {
            FakeEventSubSender.Delivery delivery = h.twitch.verifyChatSubscription("141981764", EventSubHarness.BOT_ID);

            assertThat(delivery.verified()).isTrue();
            assertThat(delivery.responseBody()).isEqualTo(delivery.challenge());
            // The same handshake by hand, to see the Content-Type.
            HttpResponse<String> raw = HttpClient.newHttpClient().send(signed(h, "webhook_callback_verification",
                    delivery.body()), HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.headers().firstValue("Content-Type")).hasValue("text/plain");
            assertThat(raw.body()).isEqualTo(delivery.challenge());
        }
    }

    @Test
    void refusesAWrongSignatureWith403AndProcessesNothing() {
        try (EventSubHarness h = new EventSubHarness()) {
            FakeEventSubSender forger = FakeEventSubSender.builder().callback(h.webhook()).secret("not-the-right-secret").maxAttempts(1)
                    .start();

            FakeEventSubSender.Delivery delivery = forger.chatMessage(ChatMessageNotification.builder().text("!hello"));
            FakeEventSubSender.Delivery verification = forger.verifyChatSubscription("141981764", "1");

            assertThat(delivery.status()).isEqualTo(403);
            assertThat(delivery.responseBody())
                    .isEqualTo("Forbidden: the Twitch-Eventsub-Message-Signature does not match the body");
            assertThat(verification.status()).isEqualTo(403);
            assertThat(verification.responseBody()).doesNotContain(verification.challenge());
            assertThat(h.helix.sentMessages()).isEmpty();
            assertThat(h.helix.tokensIssued()).isZero();
        }
    }

    @Test
    void refusesARequestWithoutTheEventSubHeaders() throws Exception {
        try (EventSubHarness h = new EventSubHarness()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(h.webhook())
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).isEqualTo("Forbidden: missing Twitch-Eventsub-Message-Id,"
                    + " Twitch-Eventsub-Message-Timestamp, Twitch-Eventsub-Message-Signature, Twitch-Eventsub-Message-Type");
        }
    }

    @Test
    void refusesADeliveryOlderThanTenMinutes() {
        try (EventSubHarness h = new EventSubHarness()) {
            FakeEventSubSender replayer = FakeEventSubSender.builder().callback(h.webhook()).secret(EventSubHarness.SECRET)
                    .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-11))).maxAttempts(1).start();

            FakeEventSubSender.Delivery stale = replayer.chatMessage(ChatMessageNotification.builder().text("!hello"));

            assertThat(stale.status()).isEqualTo(403);
            assertThat(stale.responseBody()).isEqualTo("Forbidden: the message is older than 10 minutes");
            assertThat(h.helix.sentMessages()).isEmpty();
        }
    }

    @Test
    void handlesADeliveredAgainMessageIdOnlyOnce() {
        try (EventSubHarness h = new EventSubHarness()) {
            FakeEventSubSender.Delivery first = h.twitch.chatMessage(ChatMessageNotification.builder().text("!hello"));

            FakeEventSubSender.Delivery again = h.twitch.redeliver(first);

            assertThat(again.messageId()).isEqualTo(first.messageId());
            assertThat(again.status()).isEqualTo(200);
            assertThat(h.helix.sentMessages()).hasSize(1);
        }
    }

    @Test
    void logsARevocationWithItsReasonAndRaisesItAsAnEvent() {
        List<PlatformEvent> revocations = new CopyOnWriteArrayList<>();
        try (LogCapture log = new LogCapture();
                EventSubHarness h = new EventSubHarness(Scheduler.system(),
                        b -> { }, b -> b.onEvent("revocation", event -> {
                            revocations.add(event);
                            return Reply.none();
                        }))) {
            FakeEventSubSender.Delivery delivery = h.twitch.revocation(FakeSubscription.of(
                    "f1c2a387-161a-49f9-a165-0f21d7a4e1c4", "authorization_revoked", "channel.chat.message",
                    Map.of("broadcaster_user_id", "141981764", "user_id", EventSubHarness.BOT_ID),
                    h.webhook().toString(), Instant.now()));

            assertThat(delivery.status()).isEqualTo(200);
            assertThat(log.text()).contains("Twitch revoked EventSub subscription f1c2a387-161a-49f9-a165-0f21d7a4e1c4"
                    + " (channel.chat.message for broadcaster 141981764): authorization_revoked");
            assertThat(revocations).singleElement().satisfies(e -> {
                EventSubNotification raw = (EventSubNotification) e.raw();
                assertThat(raw.subscription().status()).isEqualTo("authorization_revoked");
                assertThat(raw.messageType()).isEqualTo("revocation");
            });
        }
    }

    @Test
    void refusesMalformedJsonWith400() {
        try (EventSubHarness h = new EventSubHarness()) {
            FakeEventSubSender.Delivery delivery = h.twitch.raw("notification", "channel.chat.message",
                    "{\"subscription\": {\"type\": \"channel.chat.message\"");

            assertThat(delivery.status()).isEqualTo(400);
            assertThat(delivery.responseBody()).startsWith("Bad Request: the body is not valid JSON");
        }
    }

    @Test
    void refusesAChatEventWithoutItsIdsWith400() {
        try (EventSubHarness h = new EventSubHarness()) {
            String body = "{\"subscription\":{\"id\":\"x\",\"type\":\"channel.chat.message\",\"version\":\"1\"},"
                    + "\"event\":{\"broadcaster_user_login\":\"twitchdev\",\"message\":{\"text\":\"!hello\"}}}";

            FakeEventSubSender.Delivery delivery = h.twitch.raw("notification", "channel.chat.message", body);

            assertThat(delivery.status()).isEqualTo(400);
            assertThat(delivery.responseBody())
                    .isEqualTo("Bad Request: the channel.chat.message event has no \"broadcaster_user_id\"");
        }
    }

    @Test
    void refusesABodyOverOneMebibyteWith413() {
        try (EventSubHarness h = new EventSubHarness()) {
            byte[] huge = new byte[(1 << 20) + 1];
            java.util.Arrays.fill(huge, (byte) ' ');
            WebhookRequest request = WebhookRequest.post("/twitch", Map.of("Twitch-Eventsub-Message-Type",
                    "notification"), huge);

            // Through the bot's routes (what every host uses) and through the endpoint alone.
            for (WebhookResponse response : List.of(h.bot.webhookRoutes().handle(request),
                    h.adapter.endpoint().handle(request))) {
                assertThat(response.status()).isEqualTo(413);
                assertThat(response.bodyText()).isEqualTo("Payload Too Large: the limit is 1048576 bytes");
            }
        }
    }

    @Test
    void ignoresTheBotsOwnMessages() {
        try (EventSubHarness h = new EventSubHarness()) {
            FakeEventSubSender.Delivery own = h.twitch.chatMessage(ChatMessageNotification.builder()
                    .chatter(EventSubHarness.BOT_ID, EventSubHarness.BOT_LOGIN, "ChorusBot").text("!hello"));

            assertThat(own.status()).isEqualTo(200);
            assertThat(h.helix.sentMessages()).isEmpty();
        }
    }

    @Test
    void answers503WhileTheBotIsNotReceivingSoTwitchDeliversAgain() {
        try (EventSubHarness h = new EventSubHarness()) {
            assertThat(h.adapter.isReady()).isTrue();
            h.adapter.stopReceiving();
            assertThat(h.adapter.isReady()).as("ready after stopReceiving").isFalse();
            FakeEventSubSender once = FakeEventSubSender.builder().callback(h.webhook()).secret(EventSubHarness.SECRET).maxAttempts(2)
                    .start();

            FakeEventSubSender.Delivery refused = once.chatMessage(ChatMessageNotification.builder().text("!hello"));

            assertThat(refused.attempts()).extracting(FakeEventSubSender.Attempt::status).containsExactly(503, 503);
            assertThat(refused.attempts()).extracting(a -> a.requestHeaders().get("Twitch-Eventsub-Message-Retry"))
                    .containsExactly("0", "1");
            assertThat(refused.responseBody()).isEqualTo("Service Unavailable: the bot is not running");
        }
    }

    @Test
    void answersUnknownMessageTypesWith200SoTwitchDoesNotRetryThem() {
        try (EventSubHarness h = new EventSubHarness()) {
            FakeEventSubSender.Delivery delivery = h.twitch.raw("something_new", "channel.chat.message",
                    "{\"subscription\":{\"id\":\"x\",\"type\":\"channel.chat.message\"}}");

            assertThat(delivery.status()).isEqualTo(200);
            assertThat(h.helix.requests()).isEmpty();
        }
    }

    private static HttpRequest signed(EventSubHarness h, String type, String body) {
        String id = java.util.UUID.randomUUID().toString();
        String timestamp = Instant.now().atOffset(ZoneOffset.UTC).toString();
        return HttpRequest.newBuilder(h.webhook())
                .header("Twitch-Eventsub-Message-Id", id)
                .header("Twitch-Eventsub-Message-Timestamp", timestamp)
                .header("Twitch-Eventsub-Message-Signature", FakeEventSubSender.sign(EventSubHarness.SECRET, id,
                        timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .header("Twitch-Eventsub-Message-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

}
