package dev.chorusbot.twitch.eventsub;

import dev.chorusbot.core.Api;
import dev.chorusbot.twitch.TwitchException;

/**
 * Twitch's API or OAuth server refused a request. Carries Twitch's own status, error name and
 * message ({@code {"error":"Unauthorized","status":401,"message":"Invalid OAuth token"}}): the
 * status is {@link #code()} (as text) and {@link #status()}, the message {@link #reason()}. Never a
 * token or secret. {@link AppTokenRefusedException} is the kind for refused client credentials.
 */
@Api(Api.Status.STABLE)
public class TwitchApiException extends TwitchException {
    /** The HTTP status of the refusal, such as 401. */
    private final int status;
    /** Twitch's error name, such as {@code Unauthorized}; empty when Twitch sent none. */
    private final String error;

    /**
     * An exception for one refused request.
     *
     * @param status the HTTP status
     * @param error Twitch's error name ({@code Unauthorized}), or empty
     * @param reason Twitch's message ({@code Invalid OAuth token}), or empty
     */
    public TwitchApiException(int status, String error, String reason) {
        super(Integer.toString(status), reason, text(status, error, reason));
        this.status = status;
        this.error = error == null ? "" : error;
    }

    private static String text(int status, String error, String reason) {
        StringBuilder text = new StringBuilder("Twitch answered ").append(status);
        if (error != null && !error.isEmpty()) {
            text.append(' ').append(error);
        }
        if (reason != null && !reason.isEmpty()) {
            text.append(": ").append(reason);
        }
        return text.toString();
    }

    /**
     * The HTTP status.
     *
     * @return the status code Twitch answered with, such as 400, 401 or 429
     */
    public int status() {
        return status;
    }

    /**
     * Twitch's error name, such as {@code Unauthorized}; may be empty.
     *
     * @return the {@code error} field of Twitch's answer, or empty; never null
     */
    public String error() {
        return error;
    }
}
