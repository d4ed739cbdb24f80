package dev.chorusbot.core;

import java.time.Duration;

/**
 * Hears what happens on the way out of a bot and at its webhooks, for metrics: messages delivered,
 * sends repeated and why, time waited for the platform's limits, reconnects, webhook answers.
 * Adapters and the webhook dispatch report here through {@link EventSink#observer()}; events,
 * commands and handler failures are seen by a {@link Middleware} instead. Register one with
 * {@code Bot.Builder.observer(...)}; the {@code bot-micrometer} module's {@code ChorusMetrics} is
 * one.
 *
 * <p>Every method has an empty default, so an observer implements only what it records. Methods
 * are called on the adapters' and the webhook host's threads, several at once: implementations
 * must be thread-safe and quick, and must not throw (what they throw is logged and dropped).
 */
@Api(Api.Status.EXPERIMENTAL)
public interface BotObserver {
    /** An observer that records nothing. */
    BotObserver NONE = new BotObserver() {};

    /** Why a send is being repeated. */
    enum RetryReason {
        /** The platform said the bot sends too fast (HTTP 429, Twitch's rate-limit notice). */
        RATE_LIMITED,
        /** The platform failed (HTTP 5xx). */
        SERVER_ERROR,
        /** The connection failed or no answer came in time. */
        NETWORK
    }

    /**
     * A message reached the platform: the platform accepted it, or it was written to the
     * connection (IRC) or into a webhook answer.
     *
     * @param platform the platform
     */
    default void messageSent(Platform platform) {}

    /**
     * A send failed and will be repeated.
     *
     * @param platform the platform
     * @param reason why it failed
     */
    default void sendRetried(Platform platform, RetryReason reason) {}

    /**
     * A message waited in the adapter's queue before it was sent: for the platform's limits, a
     * 429's retry-after, or the chat's earlier messages.
     *
     * @param platform the platform
     * @param waited how long, from queueing to sending
     */
    default void sendWaited(Platform platform, Duration waited) {}

    /**
     * A connection to the platform was lost and the adapter connects again.
     *
     * @param platform the platform
     */
    default void reconnecting(Platform platform) {}

    /**
     * A webhook request was answered.
     *
     * @param platform the platform whose endpoint answered
     * @param status the HTTP status
     */
    default void webhookAnswered(Platform platform, int status) {}
}
