package dev.chorusbot.testkit.twitch.eventsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Api;
import dev.chorusbot.testkit.internal.Await;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Delivers EventSub messages to a webhook the way Twitch does
 * (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/): a JSON POST with the
 * {@code Twitch-Eventsub-Message-Id}, {@code -Retry}, {@code -Type}, {@code -Signature},
 * {@code -Timestamp}, {@code Twitch-Eventsub-Subscription-Type} and {@code -Version} headers, signed
 * {@code sha256=} + hex(HMAC-SHA256(secret, id + timestamp + body)). A delivery that is not answered
 * with 2xx is delivered again with the same message id, up to {@link Builder#maxAttempts(int)}
 * times.
 *
 * <pre>{@code
 * try (FakeEventSubSender twitch = FakeEventSubSender.builder()
 *         .callback(URI.create("http://127.0.0.1:8080/twitch")).secret("s3cre7-for-tests").start()) {
 *     assertThat(twitch.verifyChatSubscription("141981764", "129546453").verified()).isTrue();
 *     twitch.chatMessage(ChatMessageNotification.builder().text("!hello"));
 * }
 * }</pre>
 *
 * <p>Like every fake of the testkit: {@link #start(URI)} for the defaults, {@link #builder()} for
 * options, {@link #close()} after the test, and every delivery recorded ({@link #deliveries()}).
 */
@Api(Api.Status.EXPERIMENTAL)
public final class FakeEventSubSender implements AutoCloseable {
    private final DeliveryPoster poster;
    private final String botUserId;
    private final List<Delivery> deliveries = new ArrayList<>();
    private volatile boolean closed;

    private FakeEventSubSender(Builder b) {
        this.poster = new DeliveryPoster(b.callback, b.secret, b.clock, b.maxAttempts, b.retryDelay);
        this.botUserId = b.botUserId;
    }

    /**
     * A sender delivering to {@code callback} with Twitch's defaults.
     *
     * @param callback the webhook URL every delivery is POSTed to; not null
     * @return the sender; it holds no connection between deliveries
     */
    public static FakeEventSubSender start(URI callback) {
        return builder().callback(callback).start();
    }

    /**
     * A builder, for the secret, clock, attempts and bot id.
     *
     * @return a builder with Twitch's defaults; set {@link Builder#callback(URI)}, then
     *     {@link Builder#start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One HTTP attempt of a delivery and the webhook's answer.
     *
     * @param status the webhook's HTTP status, or 0 when it could not be reached or did not answer
     * @param body the webhook's response body, or a description of the failure when status is 0
     * @param requestHeaders the {@code Twitch-Eventsub-*} headers sent with this attempt
     */
    public record Attempt(int status, String body, Map<String, String> requestHeaders) {}

    /**
     * A delivery: what was sent and every attempt.
     *
     * @param messageId the {@code Twitch-Eventsub-Message-Id}
     * @param messageType {@code notification}, {@code webhook_callback_verification} or {@code revocation}
     * @param body the JSON body sent
     * @param challenge the challenge of a verification, else empty
     * @param attempts every attempt, in order
     */
    public record Delivery(String messageId, String messageType, String body, String challenge,
            List<Attempt> attempts) {
        /**
         * The status of the last attempt.
         *
         * @return the HTTP status, or 0 when the webhook could not be reached
         */
        public int status() {
            return attempts.get(attempts.size() - 1).status();
        }

        /**
         * The webhook's body in the last attempt.
         *
         * @return the response body, or a description of the failure when there was no answer
         */
        public String responseBody() {
            return attempts.get(attempts.size() - 1).body();
        }

        /**
         * True when the last attempt was answered with 2xx.
         *
         * @return whether Twitch would count the delivery as received
         */
        public boolean accepted() {
            return status() >= 200 && status() < 300;
        }

        /**
         * For a verification: true when the webhook answered 200 with exactly the challenge.
         *
         * @return whether Twitch would enable the subscription; false for other message types
         */
        public boolean verified() {
            return status() == 200 && responseBody().equals(challenge);
        }
    }

    private FakeSubscription chatSubscription(String status, String broadcasterId, String userId) {
        return FakeSubscription.of(UUID.randomUUID().toString(), status, "channel.chat.message",
                Map.of("broadcaster_user_id", broadcasterId, "user_id", userId), poster.callback().toString(),
                poster.clock().instant());
    }

    /**
     * Sends the {@code webhook_callback_verification} of a new chat subscription.
     *
     * @param broadcasterId the channel's user id, the {@code broadcaster_user_id} condition
     * @param userId the bot's user id, the {@code user_id} condition
     * @return the delivery; {@link Delivery#verified()} tells whether the webhook passed
     * @throws IllegalStateException when the sender was closed
     */
    public Delivery verifyChatSubscription(String broadcasterId, String userId) {
        return verify(chatSubscription("webhook_callback_verification_pending", broadcasterId, userId));
    }

    /**
     * Sends the {@code webhook_callback_verification} for {@code subscription}, with a random
     * challenge.
     *
     * @param subscription the subscription, usually with the status
     *     {@code webhook_callback_verification_pending}
     * @return the delivery; {@link Delivery#verified()} tells whether the webhook passed
     * @throws IllegalStateException when the sender was closed
     */
    public Delivery verify(FakeSubscription subscription) {
        String challenge = "pogchamp-kappa-" + UUID.randomUUID();
        ObjectNode body = EventSubJson.object();
        body.put("challenge", challenge);
        body.set("subscription", subscription.json());
        return deliver("webhook_callback_verification", subscription, body.toString(), challenge);
    }

    /**
     * Delivers a {@code channel.chat.message} notification for {@code message}.
     *
     * @param message the chat message; its subscription names its broadcaster and the bot
     * @return the delivery, with every attempt
     * @throws IllegalStateException when the sender was closed
     */
    public Delivery chatMessage(ChatMessageNotification message) {
        return notification(chatSubscription("enabled", message.broadcasterId(), botUserId), message.toEventJson());
    }

    /**
     * Delivers a {@code notification} of {@code subscription} with the given {@code event} JSON.
     *
     * @param subscription the subscription the event belongs to
     * @param eventJson the {@code event} object as JSON text
     * @return the delivery, with every attempt
     * @throws IllegalArgumentException when {@code eventJson} is not JSON
     * @throws IllegalStateException when the sender was closed
     */
    public Delivery notification(FakeSubscription subscription, String eventJson) {
        ObjectNode body = EventSubJson.object();
        body.set("subscription", subscription.json());
        body.set("event", EventSubJson.read(eventJson));
        return deliver("notification", subscription, body.toString(), "");
    }

    /**
     * Delivers a {@code revocation} of {@code subscription}, whose status carries the reason.
     *
     * @param subscription the subscription, with a status such as {@code authorization_revoked}
     * @return the delivery, with every attempt
     * @throws IllegalStateException when the sender was closed
     */
    public Delivery revocation(FakeSubscription subscription) {
        ObjectNode body = EventSubJson.object();
        body.set("subscription", subscription.json());
        return deliver("revocation", subscription, body.toString(), "");
    }

    /**
     * Delivers {@code delivery} once more: same message id and body, a fresh timestamp and
     * signature.
     *
     * @param delivery an earlier delivery of this sender
     * @return the new delivery, with its own attempts; their retry header continues from the
     *     earlier delivery's attempts, as Twitch counts the tries of one message
     * @throws IllegalArgumentException when the earlier body is not JSON
     * @throws IllegalStateException when the sender was closed
     */
    public Delivery redeliver(Delivery delivery) {
        JsonNode subscription = EventSubJson.read(delivery.body()).path("subscription");
        return send(delivery.messageId(), delivery.attempts().size(), delivery.messageType(),
                subscription.path("type").asText(), subscription.path("version").asText(), delivery.body(),
                delivery.challenge());
    }

    /**
     * Sends a raw, signed delivery with every header Twitch sends: for tests of bodies Twitch would
     * never send (malformed JSON, unknown message types).
     *
     * @param messageType the {@code Twitch-Eventsub-Message-Type} header, sent as given
     * @param subscriptionType the {@code Twitch-Eventsub-Subscription-Type} header, sent as given
     * @param body the body, sent and signed as given
     * @return the delivery, with every attempt; its subscription version header is {@code 1}
     * @throws IllegalStateException when the sender was closed
     */
    public Delivery raw(String messageType, String subscriptionType, String body) {
        return send(UUID.randomUUID().toString(), 0, messageType, subscriptionType, "1", body, "");
    }

    /**
     * Every delivery so far, in order.
     *
     * @return a copy, each with all its attempts
     */
    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /**
     * Waits up to 10 seconds until at least {@code count} deliveries were made (by other threads).
     *
     * @param count how many deliveries to wait for
     * @return every delivery so far, at least {@code count}
     * @throws AssertionError naming the count and the message types seen, when fewer were made in
     *     time
     */
    public List<Delivery> awaitDeliveries(int count) {
        return awaitDeliveries(count, Await.DEFAULT_TIMEOUT);
    }

    /**
     * Waits up to {@code timeout} until at least {@code count} deliveries were made (by other
     * threads), and returns them all.
     *
     * @param count how many deliveries to wait for
     * @param timeout how long to wait at most
     * @return every delivery so far, at least {@code count}
     * @throws AssertionError naming the count and the message types seen, when fewer were made in
     *     time
     */
    public List<Delivery> awaitDeliveries(int count, Duration timeout) {
        return Await.until(count + " EventSub deliveries", timeout, this::deliveries, l -> l.size() >= count,
                l -> l.size() + ": " + l.stream().map(Delivery::messageType).toList());
    }

    /**
     * Twitch's signature: {@code sha256=} + hex(HMAC-SHA256(secret, id + timestamp + body)).
     *
     * @param secret the subscription's secret, used as UTF-8 bytes
     * @param messageId the {@code Twitch-Eventsub-Message-Id} header
     * @param timestamp the {@code Twitch-Eventsub-Message-Timestamp} header, exactly as sent
     * @param body the raw request body
     * @return the {@code Twitch-Eventsub-Message-Signature} value, in lower-case hex
     */
    public static String sign(String secret, String messageId, String timestamp, byte[] body) {
        return DeliveryPoster.sign(secret, messageId, timestamp, body);
    }

    /** Refuses further deliveries; the recorded ones stay readable. */
    @Override
    public void close() {
        closed = true;
    }

    private Delivery deliver(String messageType, FakeSubscription subscription, String body, String challenge) {
        return send(UUID.randomUUID().toString(), 0, messageType, subscription.type(), subscription.version(), body,
                challenge);
    }

    private Delivery send(String messageId, int earlierAttempts, String messageType, String subscriptionType,
            String version, String body, String challenge) {
        if (closed) {
            throw new IllegalStateException("the fake EventSub sender was closed; start another to deliver");
        }
        Delivery delivery = poster.send(messageId, earlierAttempts, messageType, subscriptionType, version, body,
                challenge);
        synchronized (deliveries) {
            deliveries.add(delivery);
        }
        return delivery;
    }

    /** Configures a {@link FakeEventSubSender}. */
    public static final class Builder {
        private URI callback;
        private String secret = "chorus-eventsub-test-secret";
        private Clock clock = Clock.systemUTC();
        private int maxAttempts = 3;
        private Duration retryDelay = Duration.ZERO;
        private String botUserId = "129546453";

        private Builder() {}

        /**
         * The webhook URL every delivery is POSTed to; required.
         *
         * @param value the callback URL; not null
         * @return this builder, for chaining
         */
        public Builder callback(URI value) {
            this.callback = Objects.requireNonNull(value, "callback");
            return this;
        }

        /**
         * The secret to sign with (the subscription's {@code transport.secret}).
         *
         * @param value the secret; Twitch takes 10 to 100 ASCII characters; not null
         * @return this builder, for chaining
         */
        public Builder secret(String value) {
            this.secret = Objects.requireNonNull(value, "secret");
            return this;
        }

        /**
         * The clock for {@code Twitch-Eventsub-Message-Timestamp}; a past clock makes stale
         * deliveries.
         *
         * @param value the clock for timestamps and {@code created_at}; not null
         * @return this builder, for chaining
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * How many times a delivery is attempted while it is not answered with 2xx; default 3.
         *
         * @param value the most attempts per delivery, at least 1
         * @return this builder, for chaining
         * @throws IllegalArgumentException when {@code value} is less than 1
         */
        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        /**
         * The pause between attempts; default none (Twitch waits longer).
         *
         * @param value the pause before each repeated attempt; zero for none; not null
         * @return this builder, for chaining
         */
        public Builder retryDelay(Duration value) {
            this.retryDelay = Objects.requireNonNull(value, "retryDelay");
            return this;
        }

        /**
         * The bot's user id: the {@code condition.user_id} chat subscriptions read as.
         *
         * @param value the bot's numeric Twitch user id, as text; not null
         * @return this builder, for chaining
         */
        public Builder botUserId(String value) {
            this.botUserId = Objects.requireNonNull(value, "botUserId");
            return this;
        }

        /**
         * The sender.
         *
         * @return a sender with this configuration; it holds no open connections
         * @throws IllegalStateException when no {@link #callback(URI)} was given
         */
        public FakeEventSubSender start() {
            if (callback == null) {
                throw new IllegalStateException("a fake EventSub sender needs a callback URL: call callback(URI)");
            }
            return new FakeEventSubSender(this);
        }
    }
}
