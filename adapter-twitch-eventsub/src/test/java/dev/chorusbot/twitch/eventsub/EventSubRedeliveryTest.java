package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeSubscription;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * EventSub delivers at least once, sometimes a message twice at the same moment: copies of one
 * {@code Twitch-Eventsub-Message-Id} are handled once, through the bot's de-duplication.
 */
class EventSubRedeliveryTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void answersTwentyConcurrentCopiesOfOneChatMessageWithOneReply() throws Exception {
        try (EventSubHarness h = new EventSubHarness()) {
            ChatMessageNotification message = ChatMessageNotification.builder().text("!hello");
            ObjectNode body = envelope(h, "channel.chat.message", "enabled",
                    Map.of("broadcaster_user_id", message.broadcasterId(), "user_id", EventSubHarness.BOT_ID));
            body.set("event", new ObjectMapper().readTree(message.toEventJson()));

            List<Integer> statuses = sendCopies(h, "notification", body.toString(), 20);

            assertThat(statuses).hasSize(20).containsOnly(200);
            assertThat(h.helix.sentMessages()).hasSize(1);
        }
    }

    @Test
    void raisesTwentyConcurrentCopiesOfOneRevocationOnce() throws Exception {
        AtomicInteger revocations = new AtomicInteger();
        try (EventSubHarness h = new EventSubHarness(Scheduler.system(),
                b -> { }, b -> b.onEvent("revocation", event -> {
                    revocations.incrementAndGet();
                    return Reply.none();
                }))) {
            ObjectNode body = envelope(h, "channel.chat.message", "authorization_revoked",
                    Map.of("broadcaster_user_id", "141981764", "user_id", EventSubHarness.BOT_ID));

            List<Integer> statuses = sendCopies(h, "revocation", body.toString(), 20);

            assertThat(statuses).hasSize(20).containsOnly(200);
            assertThat(revocations).hasValue(1);
        }
    }

    private static ObjectNode envelope(EventSubHarness h, String type, String status, Map<String, String> condition)
            throws Exception {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.set("subscription", new ObjectMapper().readTree(FakeSubscription.of(UUID.randomUUID().toString(), status,
                type, condition, h.webhook().toString(), Instant.now()).toJson()));
        return body;
    }

    /** Sends {@code count} copies of one signed delivery (one message id) at once; their statuses. */
    private List<Integer> sendCopies(EventSubHarness h, String type, String body, int count) throws Exception {
        String id = UUID.randomUUID().toString();
        String timestamp = Instant.now().atOffset(ZoneOffset.UTC).toString();
        HttpRequest request = HttpRequest.newBuilder(h.webhook())
                .header("Twitch-Eventsub-Message-Id", id)
                .header("Twitch-Eventsub-Message-Timestamp", timestamp)
                .header("Twitch-Eventsub-Message-Signature", FakeEventSubSender.sign(EventSubHarness.SECRET, id,
                        timestamp, body.getBytes(StandardCharsets.UTF_8)))
                .header("Twitch-Eventsub-Message-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        List<CompletableFuture<HttpResponse<String>>> copies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            copies.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> copy : copies) {
            statuses.add(copy.get(10, TimeUnit.SECONDS).statusCode());
        }
        return statuses;
    }
}
