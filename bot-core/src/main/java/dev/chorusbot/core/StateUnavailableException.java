package dev.chorusbot.core;

/**
 * A {@link StateStore} could not be reached or could not answer (Redis is down, the connection
 * timed out, the store's file cannot be written). Stores throw it for an outage, never for a wrong
 * argument or a wrong value, which are {@link IllegalArgumentException} and {@link
 * IllegalStateException}.
 *
 * <p>The bot does not answer an event whose handling met an outage: the event counts as not taken
 * ({@link EventNotTakenException}), so a webhook is answered 503 and the platform delivers it again
 * (Telegram repeats a non-2xx answer), and long polling leaves it unconfirmed. The message names
 * the store and its host, never a password.
 */
@Api(Api.Status.EXPERIMENTAL)
public class StateUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An outage of the state store.
     *
     * @param message one sentence naming the store and what failed, without secrets
     * @param cause the client's failure, or null; its message must hold no secret either
     */
    public StateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
