package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.InboundEvent;

/**
 * What a {@link WebhookProtocol} read from a genuine request: an event for the bot, or an answer
 * the platform needs at once without the bot (EventSub's verification challenge, Discord's PONG,
 * 200 for a kind of update the bot does not handle).
 */
@Api(Api.Status.EXPERIMENTAL)
public sealed interface WebhookDelivery {

    /**
     * An event to hand to the bot.
     *
     * @param event the event; not null
     * @return a delivery that {@link WebhookDispatch} dispatches
     */
    static WebhookDelivery dispatch(InboundEvent event) {
        return new Dispatch(event);
    }

    /**
     * An answer sent back at once; the bot is not involved.
     *
     * @param response the answer; not null
     * @return a delivery that {@link WebhookDispatch} answers with {@code response}
     */
    static WebhookDelivery answer(WebhookResponse response) {
        return new Answer(response);
    }

    /**
     * An event to hand to the bot.
     *
     * @param event the event
     */
    record Dispatch(InboundEvent event) implements WebhookDelivery {
        /**
         * Validates the event.
         *
         * @param event the event; not null
         * @throws NullPointerException if {@code event} is null
         */
        public Dispatch {
            notNull(event, "event");
        }
    }

    /**
     * An answer sent back at once.
     *
     * @param response the answer
     */
    record Answer(WebhookResponse response) implements WebhookDelivery {
        /**
         * Validates the response.
         *
         * @param response the answer; not null
         * @throws NullPointerException if {@code response} is null
         */
        public Answer {
            notNull(response, "response");
        }
    }
}
