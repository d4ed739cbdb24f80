package dev.chorusbot.core.webhook;

import dev.chorusbot.core.Api;

/**
 * A genuine webhook request whose body is not what the platform sends: {@link WebhookDispatch}
 * answers it with 400 and the message, {@code Bad Request: <message>}.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class MalformedWebhookException extends Exception {

    /**
     * A body that cannot be read, for the given reason.
     *
     * @param message one sentence naming what is wrong, such as {@code the update has no integer
     *     update_id}; it is sent back to the caller, so it must not carry a secret
     */
    public MalformedWebhookException(String message) {
        super(message);
    }
}
