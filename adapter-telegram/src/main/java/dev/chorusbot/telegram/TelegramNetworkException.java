package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;

/**
 * The Bot API could not be reached or answered something that is not a Bot API answer: a refused
 * or dropped connection, a timeout, a proxy's error page. The message names the method and the
 * cause, never the URL (it holds the bot token). It has no {@link #code()}; {@link #reason()} is
 * what went wrong.
 */
@Api(Api.Status.STABLE)
public final class TelegramNetworkException extends TelegramException {
    /**
     * A failure of {@code method} described by {@code message} (already free of the token).
     *
     * @param method the Bot API method, such as {@code getUpdates}
     * @param message what went wrong, such as a refused connection or a timeout; must not contain
     *     the token or the request URL
     */
    public TelegramNetworkException(String method, String message) {
        super(method, "", message, method + " failed: " + message);
    }
}
