package dev.chorusbot.testkit.twitch.eventsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
 * FakeEventSubSender twitch = FakeEventSubSender.to(URI.create("http://127.0.0.1:8080/twitch"))
 *         .secret("s3cre7-for-tests").build();
 * assertThat(twitch.verifyChatSubscription("141981764", "129546453").verified()).isTrue();
 * twitch.chatMessage(ChatMessageNotification.builder().text("!hello"));
 * }</pre>
 */
public final class FakeEventSubSender {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Twitch's timestamps: RFC 3339 in UTC with nanoseconds. */
    private static final DateTimeFormatter RFC3339_NANOS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    private final URI callback;
    private final String secret;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final String botUserId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FakeEventSubSender(Builder b) {
        this.callback = b.callback;
        this.secret = b.secret;
        this.clock = b.clock;
        this.maxAttempts = b.maxAttempts;
        this.retryDelay = b.retryDelay;
        this.botUserId = b.botUserId;
    }

    /**
     * A sender delivering to {@code callback}.
     *
     * @param callback the webhook URL every delivery is POSTed to; not null
     * @return a builder with Twitch's defaults, to finish with {@link Builder#build()}
     */
    public static Builder to(URI callback) {
        return new Builder(callback);
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

    /**
     * A subscription object as deliveries carry it, with version {@code 1}, cost 0 and the
     * {@code webhook} transport.
     *
     * @param id the subscription id, a UUID on Twitch
     * @param status such as {@code enabled}, {@code webhook_callback_verification_pending}, or a
     *     revocation reason such as {@code user_removed}
     * @param type the subscription type, such as {@code channel.chat.message}
     * @param condition the {@code condition} fields, such as {@code broadcaster_user_id}
     * @param callbackUrl the webhook URL in {@code transport.callback}
     * @param createdAt the {@code created_at} instant, written in RFC 3339 with nanoseconds
     * @return a new JSON object, free to modify
     */
    public static ObjectNode subscription(String id, String status, String type, Map<String, String> condition,
            String callbackUrl, Instant createdAt) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id);
        s.put("status", status);
        s.put("type", type);
        s.put("version", "1");
        s.put("cost", 0);
        ObjectNode c = s.putObject("condition");
        condition.forEach(c::put);
        s.putObject("transport").put("method", "webhook").put("callback", callbackUrl);
        s.put("created_at", RFC3339_NANOS.format(createdAt));
        return s;
    }

    private ObjectNode chatSubscription(String id, String status, String broadcasterId, String userId) {
        return subscription(id, status, "channel.chat.message",
                Map.of("broadcaster_user_id", broadcasterId, "user_id", userId), callback.toString(), clock.instant());
    }

    /**
     * Sends the {@code webhook_callback_verification} of a new chat subscription.
     *
     * @param broadcasterId the channel's user id, the {@code broadcaster_user_id} condition
     * @param userId the bot's user id, the {@code user_id} condition
     * @return the delivery; {@link Delivery#verified()} tells whether the webhook passed
     */
    public Delivery verifyChatSubscription(String broadcasterId, String userId) {
        return verify(chatSubscription(UUID.randomUUID().toString(), "webhook_callback_verification_pending",
                broadcasterId, userId));
    }

    /**
     * Sends the {@code webhook_callback_verification} for {@code subscription}, with a random
     * challenge.
     *
     * @param subscription the subscription object, as built by {@link #subscription}
     * @return the delivery; {@link Delivery#verified()} tells whether the webhook passed
     */
    public Delivery verify(ObjectNode subscription) {
        String challenge = "pogchamp-kappa-" + UUID.randomUUID();
        ObjectNode body = JSON.createObjectNode();
        body.put("challenge", challenge);
        body.set("subscription", subscription);
        return deliver("webhook_callback_verification", subscription, body.toString(), challenge);
    }

    /**
     * Delivers a {@code channel.chat.message} notification for {@code message}.
     *
     * @param message the chat message; its subscription names its broadcaster and the bot
     * @return the delivery, with every attempt
     */
    public Delivery chatMessage(ChatMessageNotification message) {
        ObjectNode subscription = chatSubscription(UUID.randomUUID().toString(), "enabled", message.broadcasterId(),
                botUserId);
        return notification(subscription, message.toEventJson());
    }

    /**
     * Delivers a {@code notification} of {@code subscription} with the given {@code event} JSON.
     *
     * @param subscription the subscription object, as built by {@link #subscription}
     * @param eventJson the {@code event} object as JSON text
     * @return the delivery, with every attempt
     * @throws IllegalArgumentException when {@code eventJson} is not JSON
     */
    public Delivery notification(ObjectNode subscription, String eventJson) {
        ObjectNode body = JSON.createObjectNode();
        body.set("subscription", subscription);
        body.set("event", read(eventJson));
        return deliver("notification", subscription, body.toString(), "");
    }

    /**
     * Delivers a {@code revocation} of {@code subscription}, whose status carries the reason.
     *
     * @param subscription the subscription object, with a status such as
     *     {@code authorization_revoked}
     * @return the delivery, with every attempt
     */
    public Delivery revocation(ObjectNode subscription) {
        ObjectNode body = JSON.createObjectNode();
        body.set("subscription", subscription);
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
     */
    public Delivery redeliver(Delivery delivery) {
        JsonNode subscription = read(delivery.body()).path("subscription");
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
     */
    public Delivery raw(String messageType, String subscriptionType, String body) {
        return send(UUID.randomUUID().toString(), 0, messageType, subscriptionType, "1", body, "");
    }

    private Delivery deliver(String messageType, JsonNode subscription, String body, String challenge) {
        return send(UUID.randomUUID().toString(), 0, messageType, subscription.path("type").asText(),
                subscription.path("version").asText(), body, challenge);
    }

    private Delivery send(String messageId, int earlierAttempts, String messageType, String subscriptionType,
            String version, String body, String challenge) {
        List<Attempt> attempts = new ArrayList<>();
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            if (attempt > 0 && !retryDelay.isZero()) {
                sleep(retryDelay);
            }
            Attempt result = post(messageId, earlierAttempts + attempt, messageType, subscriptionType, version, body);
            attempts.add(result);
            if (result.status() >= 200 && result.status() < 300) {
                break;
            }
        }
        return new Delivery(messageId, messageType, body, challenge, List.copyOf(attempts));
    }

    private Attempt post(String messageId, int retry, String messageType, String subscriptionType, String version,
            String body) {
        String timestamp = RFC3339_NANOS.format(clock.instant());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(
                "Twitch-Eventsub-Message-Id", messageId,
                "Twitch-Eventsub-Message-Retry", Integer.toString(retry),
                "Twitch-Eventsub-Message-Type", messageType,
                "Twitch-Eventsub-Message-Signature", sign(secret, messageId, timestamp, bytes),
                "Twitch-Eventsub-Message-Timestamp", timestamp,
                "Twitch-Eventsub-Subscription-Type", subscriptionType,
                "Twitch-Eventsub-Subscription-Version", version);
        HttpRequest.Builder request = HttpRequest.newBuilder(callback)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Attempt(response.statusCode(), response.body(), headers);
        } catch (IOException e) {
            return new Attempt(0, e.toString(), headers); // no answer: Twitch counts it as a failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, "interrupted", headers);
        }
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(messageId.getBytes(StandardCharsets.UTF_8));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures a {@link FakeEventSubSender}. */
    public static final class Builder {
        private final URI callback;
        private String secret = "chorus-eventsub-test-secret";
        private Clock clock = Clock.systemUTC();
        private int maxAttempts = 3;
        private Duration retryDelay = Duration.ZERO;
        private String botUserId = "129546453";

        private Builder(URI callback) {
            this.callback = Objects.requireNonNull(callback, "callback");
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
         */
        public FakeEventSubSender build() {
            return new FakeEventSubSender(this);
        }
    }
}
