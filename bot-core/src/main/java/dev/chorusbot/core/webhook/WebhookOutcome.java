package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.EventNotTakenException;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import java.time.Duration;
import java.util.List;

/**
 * How the bot dealt with an event that arrived by webhook; {@link WebhookDispatch} decides it and
 * asks the {@link WebhookProtocol} for the HTTP answer to each.
 *
 * <ul>
 *   <li>{@link Handled}: handled within the deadline, and its messages were sent (or one travels
 *       in the answer). A redelivery that the bot's de-duplication dropped is handled too, with no
 *       messages.</li>
 *   <li>{@link NotTaken}: the bot is not running or is stopping and did not take the event;
 *       answer so that the platform delivers it again (by default 503).</li>
 *   <li>{@link Failed}: the bot took the event and an error escaped its handling (an {@link
 *       Error} in a handler); delivering it again would only repeat that.</li>
 *   <li>{@link TimedOut}: the bot is still handling the event when the deadline passed; its
 *       messages follow in the background.</li>
 * </ul>
 */
@Api(Api.Status.EXPERIMENTAL)
public sealed interface WebhookOutcome {

    /**
     * The event the outcome is about.
     *
     * @return the event the request carried
     */
    InboundEvent event();

    /**
     * Handled within the deadline.
     *
     * @param event the event
     * @param outbound the messages the bot answered with, in order; empty for none
     */
    record Handled(InboundEvent event, List<Outbound> outbound) implements WebhookOutcome {
        /**
         * Validates and copies the components.
         *
         * @param event the event; not null
         * @param outbound the messages, in order; copied
         * @throws NullPointerException if a component is null
         */
        public Handled {
            notNull(event, "event");
            outbound = List.copyOf(notNull(outbound, "outbound"));
        }
    }

    /**
     * The bot did not take the event: it was not running, or its {@link EventSink#dispatch} failed
     * with an {@link EventNotTakenException}. Nothing was handled, nothing is marked as seen.
     *
     * @param event the event
     * @param reason why, such as {@code the bot is stopping}
     */
    record NotTaken(InboundEvent event, String reason) implements WebhookOutcome {
        /**
         * Validates the components.
         *
         * @param event the event; not null
         * @param reason why the event was not taken; not null
         * @throws NullPointerException if a component is null
         */
        public NotTaken {
            notNull(event, "event");
            notNull(reason, "reason");
        }
    }

    /**
     * The bot took the event and its handling failed past the bot's error handling.
     *
     * @param event the event
     * @param cause what escaped, such as an {@link InternalError}
     */
    record Failed(InboundEvent event, Throwable cause) implements WebhookOutcome {
        /**
         * Validates the components.
         *
         * @param event the event; not null
         * @param cause the failure; not null
         * @throws NullPointerException if a component is null
         */
        public Failed {
            notNull(event, "event");
            notNull(cause, "cause");
        }
    }

    /**
     * The deadline passed while the bot was handling the event; its messages are sent in the
     * background when it finishes.
     *
     * @param event the event
     * @param deadline how long the dispatch waited
     */
    record TimedOut(InboundEvent event, Duration deadline) implements WebhookOutcome {
        /**
         * Validates the components.
         *
         * @param event the event; not null
         * @param deadline how long the dispatch waited; not null
         * @throws NullPointerException if a component is null
         */
        public TimedOut {
            notNull(event, "event");
            notNull(deadline, "deadline");
        }
    }
}
