package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Telegram answered a Bot API call with {@code "ok": false}. Carries the platform's own
 * {@code error_code} and {@code description} and, from {@code parameters}, {@code retry_after}
 * and {@code migrate_to_chat_id}; {@link #code()} is the {@code error_code} as text and
 * {@link #reason()} the {@code description}. Never contains the bot token.
 */
@Api(Api.Status.STABLE)
public final class TelegramApiException extends TelegramException {
    /** Telegram's {@code error_code}. */
    private final int errorCode;
    /** Telegram's {@code description}. */
    private final String description;
    /** {@code parameters.retry_after} in seconds, or -1 when not given (a plain int serializes). */
    private final int retryAfter;
    /** {@code parameters.migrate_to_chat_id}, or null when not given. */
    private final Long migrateToChatId;

    /**
     * An error of {@code method}.
     *
     * @param method the Bot API method, such as {@code sendMessage}
     * @param errorCode Telegram's {@code error_code} (an HTTP status such as 400, 403, 429)
     * @param description Telegram's {@code description}, such as {@code Bad Request: chat not found}
     * @param retryAfter {@code parameters.retry_after} in seconds, if given
     * @param migrateToChatId {@code parameters.migrate_to_chat_id}, if given
     */
    public TelegramApiException(String method, int errorCode, String description, OptionalInt retryAfter,
            Optional<Long> migrateToChatId) {
        super(method, Integer.toString(errorCode), description, method + " failed: " + errorCode + " " + description);
        this.errorCode = errorCode;
        this.description = description;
        this.retryAfter = retryAfter.orElse(-1);
        this.migrateToChatId = migrateToChatId.orElse(null);
    }

    /**
     * Telegram's {@code error_code}.
     *
     * @return an HTTP status such as 400 (bad request), 403 (blocked) or 429 (too many requests)
     */
    public int errorCode() {
        return errorCode;
    }

    /**
     * Telegram's {@code description}.
     *
     * @return the description as Telegram wrote it, such as
     *     {@code Forbidden: bot was blocked by the user}
     */
    public String description() {
        return description;
    }

    /**
     * Seconds to wait before repeating the call ({@code parameters.retry_after}), on 429.
     *
     * @return the wait in seconds; empty when Telegram gave none
     */
    public OptionalInt retryAfter() {
        return retryAfter < 0 ? OptionalInt.empty() : OptionalInt.of(retryAfter);
    }

    /**
     * The supergroup a group was upgraded to ({@code parameters.migrate_to_chat_id}).
     *
     * @return the new chat id to send to instead; empty when Telegram gave none
     */
    public Optional<Long> migrateToChatId() {
        return Optional.ofNullable(migrateToChatId);
    }
}
