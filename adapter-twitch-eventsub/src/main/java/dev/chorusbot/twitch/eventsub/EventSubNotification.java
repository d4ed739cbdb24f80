package dev.chorusbot.twitch.eventsub;

import static java.util.Objects.requireNonNull;

import dev.chorusbot.core.Api;
import java.time.Instant;

/**
 * One verified EventSub delivery of the {@code notification} or {@code revocation} kind. It is the
 * platform object of every {@code PlatformEvent} the adapter raises; reach it with
 * {@code event.raw()} and parse {@link #eventJson()} with the JSON library of your choice.
 *
 * @param messageId the delivery's {@code Twitch-Eventsub-Message-Id}
 * @param messageType {@code notification} or {@code revocation}
 * @param sentAt the delivery's {@code Twitch-Eventsub-Message-Timestamp}
 * @param subscription the subscription the delivery belongs to
 * @param eventJson the {@code event} object as JSON, or {@code null} for a revocation
 */
@Api(Api.Status.EXPERIMENTAL)
public record EventSubNotification(
        String messageId, String messageType, Instant sentAt, EventSubSubscription subscription, String eventJson) {

    /**
     * Validates the components.
     *
     * @param messageId the delivery's {@code Twitch-Eventsub-Message-Id}; never null
     * @param messageType {@code notification} or {@code revocation}; never null
     * @param sentAt when Twitch sent the delivery; never null
     * @param subscription the subscription the delivery belongs to; never null
     * @param eventJson the {@code event} object as JSON, or {@code null} for a revocation
     * @throws NullPointerException if a component other than {@code eventJson} is null
     */
    public EventSubNotification {
        requireNonNull(messageId, "messageId");
        requireNonNull(messageType, "messageType");
        requireNonNull(sentAt, "sentAt");
        requireNonNull(subscription, "subscription");
    }
}
