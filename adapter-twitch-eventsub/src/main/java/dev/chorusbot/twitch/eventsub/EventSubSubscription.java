package dev.chorusbot.twitch.eventsub;

import static java.util.Objects.requireNonNull;

import dev.chorusbot.core.Api;
import java.util.Map;
import java.util.Optional;

/**
 * One EventSub subscription, as Helix's {@code eventsub/subscriptions} endpoints and every delivery
 * describe it.
 *
 * @param id the subscription's id
 * @param status {@code enabled}, {@code webhook_callback_verification_pending}, or a revocation
 *     reason such as {@code authorization_revoked}, {@code user_removed},
 *     {@code notification_failures_exceeded} or {@code version_removed}
 * @param type the subscription type, such as {@code channel.chat.message}
 * @param version the subscription type's version, such as {@code 1}
 * @param condition the condition's fields ({@code broadcaster_user_id}, {@code user_id})
 * @param callback the webhook URL deliveries go to; empty for other transports
 * @param createdAt when it was created, as Twitch wrote it (RFC 3339), or empty
 * @param cost how much it counts against the application's subscription limit
 */
@Api(Api.Status.EXPERIMENTAL)
public record EventSubSubscription(
        String id,
        String status,
        String type,
        String version,
        Map<String, String> condition,
        String callback,
        String createdAt,
        int cost) {

    /**
     * Validates and copies the components.
     *
     * @param id the subscription's id
     * @param status {@code enabled}, {@code webhook_callback_verification_pending}, or a revocation
     *     reason
     * @param type the subscription type, such as {@code channel.chat.message}
     * @param version the subscription type's version, such as {@code 1}
     * @param condition the condition's fields; copied
     * @param callback the webhook URL deliveries go to; empty for other transports
     * @param createdAt when it was created (RFC 3339), or empty
     * @param cost how much it counts against the application's subscription limit
     * @throws NullPointerException if a component is null
     */
    public EventSubSubscription {
        requireNonNull(id, "id");
        requireNonNull(status, "status");
        requireNonNull(type, "type");
        requireNonNull(version, "version");
        condition = Map.copyOf(requireNonNull(condition, "condition"));
        requireNonNull(callback, "callback");
        requireNonNull(createdAt, "createdAt");
    }

    /**
     * The broadcaster the subscription is about, if its condition names one.
     *
     * @return the condition's {@code broadcaster_user_id}, or empty when it has none
     */
    public Optional<String> broadcasterUserId() {
        return Optional.ofNullable(condition.get("broadcaster_user_id"));
    }
}
