package dev.chorusbot.twitch.eventsub.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PlatformEvent;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.core.webhook.MalformedWebhookException;
import dev.chorusbot.core.webhook.WebhookDelivery;
import dev.chorusbot.core.webhook.WebhookOutcome;
import dev.chorusbot.core.webhook.WebhookProtocol;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventSub's side of the core webhook dispatch
 * (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/). Every request must carry a valid
 * {@code Twitch-Eventsub-Message-Signature}, else it gets 403 and nothing is processed; a delivery
 * whose {@code Twitch-Eventsub-Message-Timestamp} is more than ten minutes old is refused as a
 * replay (403). Then, by {@code Twitch-Eventsub-Message-Type}:
 * <ul>
 *   <li>{@code webhook_callback_verification}: 200, {@code text/plain}, the raw {@code challenge};</li>
 *   <li>{@code revocation}: logged with its reason (the subscription's status), raised as a
 *       {@code revocation} platform event, 200 (also while the bot is not running: Twitch does not
 *       send a revocation again);</li>
 *   <li>{@code notification}: handed to the bot; the response waits until every reply of the
 *       delivery was sent through Helix (a serverless host may freeze right after), then 200.</li>
 * </ul>
 * A body that is not a delivery gets 400, and a notification while the bot is not running or
 * stopping 503 (Twitch delivers it again). A {@code Twitch-Eventsub-Message-Id} delivered again is
 * dropped by the bot's de-duplication and answered 200: a notification's event id is the chat
 * message's id, a revocation's the message id, and the bot remembers them for its de-duplication
 * window (ten minutes by default, as long as the replay window).
 */
public final class EventSubWebhook implements WebhookProtocol {
    private static final Logger log = LoggerFactory.getLogger(EventSubWebhook.class);

    private final Platform platform;

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
    private final Scheduler time;

    /**
     * The webhook protocol for {@code config}.
     *
     * @param sender sends one reply and completes when Twitch accepted it
     * @param onChat told about every chat message (the adapter learns channel ids from them)
     * @param time the clock of the replay window
     */
    public EventSubWebhook(TwitchEventSubConfig config, Platform platform,
            Function<Outbound, CompletableFuture<Void>> sender, Consumer<ChatMessageEvent> onChat, Scheduler time) {
        this.config = config;
        this.time = time;
        this.signature = new Signature(config.eventSubSecret());
        this.deliveries = new Deliveries(platform);
        this.platform = platform;
        this.sender = sender;
        this.onChat = onChat;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public Optional<WebhookResponse> authenticate(WebhookRequest request) {
        List<String> missing = new ArrayList<>();
        for (String header : List.of(MESSAGE_ID, TIMESTAMP, SIGNATURE, TYPE)) {
            if (request.header(header).map(String::isBlank).orElse(true)) {
                missing.add(header);
            }
        }
        if (!missing.isEmpty()) {
            log.debug("Refused an EventSub request without {}", missing);
            return forbidden("missing " + String.join(", ", missing));
        }
        String id = request.header(MESSAGE_ID).orElseThrow();
        String timestamp = request.header(TIMESTAMP).orElseThrow();
        if (!signature.verify(id, timestamp, request.body(), request.header(SIGNATURE).orElseThrow())) {
            log.debug("Refused EventSub message {}: the signature does not match", id);
            return forbidden("the " + SIGNATURE + " does not match the body");
        }
        Optional<Instant> sentAt = sentAt(request);
        if (sentAt.isEmpty()) {
            return forbidden(TIMESTAMP + " is not an RFC 3339 time");
        }
        if (sentAt.get().isBefore(time.now().minus(REPLAY_WINDOW))) {
            log.debug("Refused EventSub message {} sent at {}: older than {}", id, sentAt.get(), REPLAY_WINDOW);
            return forbidden("the message is older than 10 minutes");
        }
        return Optional.empty();
    }

    @Override
    public WebhookDelivery read(WebhookRequest request) throws MalformedWebhookException {
        String id = request.header(MESSAGE_ID).orElseThrow();
        Instant sentAt = sentAt(request).orElseThrow();
        JsonNode root;
        try {
            root = Deliveries.parse(request.body());
        } catch (Deliveries.MalformedDeliveryException e) {
            throw new MalformedWebhookException(e.getMessage());
        }
        String type = request.header(TYPE).orElseThrow().strip();
        switch (type) {
            case "webhook_callback_verification":
                return WebhookDelivery.answer(verification(root));
            case "revocation":
                EventSubSubscription subscription = Deliveries.subscription(root);
                log.warn("Twitch revoked EventSub subscription {} ({} for broadcaster {}): {}", subscription.id(),
                        subscription.type(), subscription.broadcasterUserId().orElse("-"), subscription.status());
                return WebhookDelivery.dispatch(deliveries.revocation(root, id, sentAt));
            case "notification":
                InboundEvent event;
                try {
                    event = deliveries.event(root, id, sentAt);
                } catch (Deliveries.MalformedDeliveryException e) {
                    throw new MalformedWebhookException(e.getMessage());
                }
                if (event.raw() instanceof ChatMessageEvent chat) {
                    onChat.accept(chat);
                }
                return WebhookDelivery.dispatch(event);
            default:
                log.debug("Ignored EventSub message {} of unknown type '{}'", id, type);
                return WebhookDelivery.answer(WebhookResponse.ok()); // any 2xx: Twitch does not retry it
        }
    }

    @Override
    public CompletableFuture<Void> send(Outbound message) {
        return sender.apply(message); // the reply queue keeps one chat's messages in order
    }

    /**
     * 503 for a notification the bot did not take (Twitch delivers it again); 200 for everything
     * else, including a revocation the bot did not take, since Twitch sends none again, and a
     * failed handler, whose redelivery the bot's de-duplication would drop anyway.
     */
    @Override
    public WebhookResponse answer(WebhookOutcome outcome) {
        if (outcome instanceof WebhookOutcome.NotTaken && isRevocation(outcome.event())) {
            return WebhookResponse.ok();
        }
        return WebhookProtocol.super.answer(outcome);
    }

    private static boolean isRevocation(InboundEvent event) {
        return event instanceof PlatformEvent platformEvent && platformEvent.type().equals("revocation");
    }

    private static WebhookResponse verification(JsonNode root) throws MalformedWebhookException {
        String challenge = Json.text(root, "challenge");
        if (challenge.isEmpty()) {
            throw new MalformedWebhookException("the verification has no \"challenge\"");
        }
        EventSubSubscription subscription = Deliveries.subscription(root);
        log.info("Twitch verified EventSub subscription {} ({} for broadcaster {})", subscription.id(),
                subscription.type(), subscription.broadcasterUserId().orElse("-"));
        // Twitch: answer 200 with the raw challenge string as the body, nothing else.
        return new WebhookResponse(200, Map.of("Content-Type", "text/plain"),
                challenge.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Instant> sentAt(WebhookRequest request) {
        try {
            return Optional.of(OffsetDateTime.parse(request.header(TIMESTAMP).orElseThrow().strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<WebhookResponse> forbidden(String reason) {
        return Optional.of(WebhookResponse.text(403, "Forbidden: " + reason));
    }
}
