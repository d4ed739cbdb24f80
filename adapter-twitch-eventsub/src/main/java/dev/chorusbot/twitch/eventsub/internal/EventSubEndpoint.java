package dev.chorusbot.twitch.eventsub.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PlatformEvent;
import dev.chorusbot.core.webhook.WebhookEndpoint;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.core.webhook.WebhookRoutes;
import dev.chorusbot.twitch.eventsub.ChatMessageEvent;
import dev.chorusbot.twitch.eventsub.EventSubSubscription;
import dev.chorusbot.twitch.eventsub.TwitchEventSubConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EventSub webhook (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/). Every request
 * must carry a valid {@code Twitch-Eventsub-Message-Signature}, else it gets 403 and nothing is
 * processed; a delivery whose {@code Twitch-Eventsub-Message-Timestamp} is more than ten minutes old
 * is refused as a replay (403); a {@code Twitch-Eventsub-Message-Id} already handled gets 200 again
 * without being handled twice. Then, by {@code Twitch-Eventsub-Message-Type}:
 * <ul>
 *   <li>{@code webhook_callback_verification}: 200, {@code text/plain}, the raw {@code challenge};</li>
 *   <li>{@code revocation}: logged with its reason (the subscription's status), raised as a
 *       {@code revocation} platform event, 200;</li>
 *   <li>{@code notification}: handed to the bot; the response waits until every reply of the
 *       delivery was sent through Helix (a serverless host may freeze right after), then 200.</li>
 * </ul>
 * A body that is not a delivery gets 400, one over 1 MiB 413, and a notification while the bot is
 * not running 503 (Twitch delivers it again).
 */
public final class EventSubEndpoint implements WebhookEndpoint {
    private static final Logger log = LoggerFactory.getLogger(EventSubEndpoint.class);

    static final String MESSAGE_ID = "Twitch-Eventsub-Message-Id";
    static final String TIMESTAMP = "Twitch-Eventsub-Message-Timestamp";
    static final String SIGNATURE = "Twitch-Eventsub-Message-Signature";
    static final String TYPE = "Twitch-Eventsub-Message-Type";
    /** Twitch: "make sure the value in the Twitch-Eventsub-Message-Timestamp header isn't older than 10 minutes". */
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);

    private final TwitchEventSubConfig config;
    private final Signature signature;
    private final Deliveries deliveries;
    private final Function<Outbound, CompletableFuture<Void>> sender;
    private final Consumer<ChatMessageEvent> onChat;
    private final SeenMessages seen = new SeenMessages(100_000, REPLAY_WINDOW.plusMinutes(1));
    private volatile EventSink sink;

    /**
     * An endpoint for {@code config}.
     *
     * @param sender sends one reply and completes when Twitch accepted it
     * @param onChat told about every chat message (the adapter learns channel ids from them)
     */
    public EventSubEndpoint(TwitchEventSubConfig config, Platform platform,
            Function<Outbound, CompletableFuture<Void>> sender, Consumer<ChatMessageEvent> onChat) {
        this.config = config;
        this.signature = new Signature(config.eventSubSecret());
        this.deliveries = new Deliveries(platform);
        this.sender = sender;
        this.onChat = onChat;
    }

    /** Starts handing notifications to {@code eventSink}. */
    public void open(EventSink eventSink) {
        this.sink = eventSink;
    }

    /** Stops taking notifications; they get 503 and Twitch delivers them again later. */
    public void shut() {
        this.sink = null;
    }

    @Override
    public WebhookResponse handle(WebhookRequest request) {
        if (!request.method().equals("POST")) {
            return new WebhookResponse(405, Map.of("Allow", "POST"), new byte[0]);
        }
        if (request.body().length > WebhookRoutes.DEFAULT_MAX_BODY_BYTES) {
            return WebhookResponse.text(413, "Payload Too Large: the limit is " + WebhookRoutes.DEFAULT_MAX_BODY_BYTES
                    + " bytes");
        }
        List<String> missing = new ArrayList<>();
        for (String header : List.of(MESSAGE_ID, TIMESTAMP, SIGNATURE, TYPE)) {
            if (request.header(header).map(String::isBlank).orElse(true)) {
                missing.add(header);
            }
        }
        if (!missing.isEmpty()) {
            log.debug("Refused an EventSub request without {}", missing);
            return WebhookResponse.text(403, "Forbidden: missing " + String.join(", ", missing));
        }
        String id = request.header(MESSAGE_ID).orElseThrow();
        String timestamp = request.header(TIMESTAMP).orElseThrow();
        if (!signature.verify(id, timestamp, request.body(), request.header(SIGNATURE).orElseThrow())) {
            log.debug("Refused EventSub message {}: the signature does not match", id);
            return WebhookResponse.text(403, "Forbidden: the " + SIGNATURE + " does not match the body");
        }
        Instant sentAt;
        try {
            sentAt = OffsetDateTime.parse(timestamp.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return WebhookResponse.text(403, "Forbidden: " + TIMESTAMP + " is not an RFC 3339 time");
        }
        Instant now = config.clock().instant();
        if (sentAt.isBefore(now.minus(REPLAY_WINDOW))) {
            log.debug("Refused EventSub message {} sent at {}: older than {}", id, sentAt, REPLAY_WINDOW);
            return WebhookResponse.text(403, "Forbidden: the message is older than 10 minutes");
        }
        JsonNode root;
        try {
            root = Deliveries.parse(request.body());
        } catch (Deliveries.MalformedDeliveryException e) {
            log.debug("Refused EventSub message {}: {}", id, e.getMessage());
            return WebhookResponse.text(400, "Bad Request: " + e.getMessage());
        }
        String type = request.header(TYPE).orElseThrow().strip();
        switch (type) {
            case "webhook_callback_verification":
                return verification(root);
            case "revocation":
                return revocation(root, id, sentAt, now);
            case "notification":
                return notification(root, id, sentAt, now);
            default:
                log.debug("Ignored EventSub message {} of unknown type '{}'", id, type);
                return noContent();
        }
    }

    private WebhookResponse verification(JsonNode root) {
        String challenge = Json.text(root, "challenge");
        if (challenge.isEmpty()) {
            return WebhookResponse.text(400, "Bad Request: the verification has no \"challenge\"");
        }
        EventSubSubscription subscription = Deliveries.subscription(root);
        log.info("Twitch verified EventSub subscription {} ({} for broadcaster {})", subscription.id(),
                subscription.type(), subscription.broadcasterUserId().orElse("-"));
        // Twitch: answer 200 with the raw challenge string as the body, nothing else.
        return new WebhookResponse(200, Map.of("Content-Type", "text/plain"),
                challenge.getBytes(StandardCharsets.UTF_8));
    }

    private WebhookResponse revocation(JsonNode root, String id, Instant sentAt, Instant now) {
        if (!seen.add(id, now)) {
            return noContent();
        }
        EventSubSubscription subscription = Deliveries.subscription(root);
        log.warn("Twitch revoked EventSub subscription {} ({} for broadcaster {}): {}", subscription.id(),
                subscription.type(), subscription.broadcasterUserId().orElse("-"), subscription.status());
        EventSink current = sink;
        if (current != null) {
            PlatformEvent event = deliveries.revocation(root, id, sentAt);
            awaitHandled(event, current.dispatch(event), id);
        }
        return noContent();
    }

    private WebhookResponse notification(JsonNode root, String id, Instant sentAt, Instant now) {
        EventSink current = sink;
        if (current == null) {
            return WebhookResponse.text(503, "Service Unavailable: the bot is not running");
        }
        InboundEvent event;
        try {
            event = deliveries.event(root, id, sentAt);
        } catch (Deliveries.MalformedDeliveryException e) {
            log.debug("Refused EventSub notification {}: {}", id, e.getMessage());
            return WebhookResponse.text(400, "Bad Request: " + e.getMessage());
        }
        if (!seen.add(id, now)) {
            log.debug("EventSub message {} was delivered again; already handled", id);
            return noContent();
        }
        if (event.raw() instanceof ChatMessageEvent chat) {
            onChat.accept(chat);
        }
        CompletableFuture<Handled> dispatched;
        try {
            dispatched = current.dispatch(event);
        } catch (RuntimeException e) {
            seen.forget(id);
            return WebhookResponse.text(503, "Service Unavailable: the bot is stopping");
        }
        return awaitHandled(event, dispatched, id);
    }

    private WebhookResponse awaitHandled(InboundEvent event, CompletableFuture<Handled> dispatched, String id) {
        long deadline = System.nanoTime() + config.replyTimeout().toNanos();
        Handled handled;
        try {
            handled = dispatched.get(config.replyTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("EventSub message {} took longer than {} to handle; answering Twitch now, replies follow when"
                    + " ready", id, config.replyTimeout());
            dispatched.thenAccept(h -> h.outbound().forEach(sender::apply));
            return noContent();
        } catch (ExecutionException e) {
            // The bot is stopping and did not take the event: let Twitch deliver it again later.
            seen.forget(id);
            return WebhookResponse.text(503, "Service Unavailable: the bot is stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            seen.forget(id);
            return WebhookResponse.text(503, "Service Unavailable: interrupted");
        }
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (Outbound out : handled.outbound()) {
            sends.add(sender.apply(out)); // the reply queue keeps one chat's messages in order
        }
        for (CompletableFuture<Void> send : sends) {
            long left = deadline - System.nanoTime();
            try {
                send.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // the reply queue logged why it gave up
            } catch (TimeoutException e) {
                log.warn("Sending the replies to EventSub message {} took longer than {}; they continue in the"
                        + " background", id, config.replyTimeout());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return noContent();
    }

    private static WebhookResponse noContent() {
        return WebhookResponse.ok(); // any 2xx tells Twitch the delivery arrived
    }
}
