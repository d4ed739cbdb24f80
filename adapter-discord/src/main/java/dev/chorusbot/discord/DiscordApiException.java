package dev.chorusbot.discord;

import dev.chorusbot.core.Api;
import java.util.List;

/**
 * Discord answered a REST call with an error: the HTTP status, Discord's JSON error {@code code}
 * and {@code message}, and, for a form error (code 50035), each field's complaint from
 * {@code errors}. {@link #code()} is the JSON code as text and {@link #reason()} the message.
 * Never contains the bot token.
 *
 * <pre>{@code
 * catch (DiscordApiException e) {
 *     if (e.errorCode() == 10003) { ... } // Unknown Channel
 * }
 * }</pre>
 */
@Api(Api.Status.STABLE)
public final class DiscordApiException extends DiscordException {
    /** The HTTP status. */
    private final int status;
    /** Discord's JSON {@code code}; 0 for a general error. */
    private final int errorCode;
    /** Discord's JSON {@code message}. */
    private final String errorMessage;
    /** The complaints of {@code errors}, one per field, as {@code path: CODE message}. */
    private final List<String> errors;

    /**
     * An error answer to {@code route}.
     *
     * @param route the method and path template, such as {@code POST /channels/{channel.id}/messages}
     * @param status the HTTP status, such as 400, 403, 404 or 429
     * @param errorCode Discord's JSON {@code code}, such as 50035; 0 when Discord gave a general
     *     error or none
     * @param errorMessage Discord's JSON {@code message}, such as {@code Invalid Form Body}
     * @param errors each complaint of the {@code errors} object as {@code field.path: CODE message};
     *     empty when there were none
     * @throws NullPointerException when {@code errorMessage} or {@code errors} is null
     */
    public DiscordApiException(String route, int status, int errorCode, String errorMessage, List<String> errors) {
        super(route, Integer.toString(errorCode), errorMessage, route + " failed: HTTP " + status + ", Discord error "
                + errorCode + " " + errorMessage + (errors.isEmpty() ? "" : " (" + String.join("; ", errors) + ")"));
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.errors = List.copyOf(errors);
    }

    /**
     * The HTTP status Discord answered with.
     *
     * @return a status such as 400 (bad request), 401 (bad token), 403 (missing permission), 404
     *     (unknown resource) or 429 (rate limited)
     */
    public int status() {
        return status;
    }

    /**
     * Discord's JSON error code.
     *
     * @return the code, such as 10003 (Unknown Channel), 50001 (Missing Access), 50013 (missing
     *     permissions) or 50035 (Invalid Form Body); 0 for a general error
     */
    public int errorCode() {
        return errorCode;
    }

    /**
     * Discord's JSON error message.
     *
     * @return the message as Discord wrote it, such as {@code Unknown Channel}
     */
    public String errorMessage() {
        return errorMessage;
    }

    /**
     * What Discord said about each field of a form error (code 50035).
     *
     * @return one entry per complaint, as {@code content: BASE_TYPE_MAX_LENGTH Must be 2000 or fewer
     *     in length.}; empty when Discord gave none
     */
    public List<String> errors() {
        return errors;
    }
}
