package dev.chorusbot.telegram;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Telegram answered a Bot API call with {@code "ok": false}. Carries the platform's own
 * {@code error_code} and {@code description} and, from {@code parameters}, {@code retry_after}
 * and {@code migrate_to_chat_id}. Never contains the bot token.
 */
public final class TelegramApiException extends RuntimeException {
    private final String method;
    private final int errorCode;
    private final String description;
    private final OptionalInt retryAfter;
    private final Optional<Long> migrateToChatId;

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
        super(method + " failed: " + errorCode + " " + description);
        this.method = method;
        this.errorCode = errorCode;
        this.description = description;
        this.retryAfter = retryAfter;
        this.migrateToChatId = migrateToChatId;
    }

    /** The Bot API method that failed. */
    public String method() {
        return method;
    }

    /** Telegram's {@code error_code}. */
    public int errorCode() {
        return errorCode;
    }

    /** Telegram's {@code description}. */
    public String description() {
        return description;
    }

    /** Seconds to wait before repeating the call ({@code parameters.retry_after}), on 429. */
    public OptionalInt retryAfter() {
        return retryAfter;
    }

    /** The supergroup a group was upgraded to ({@code parameters.migrate_to_chat_id}). */
    public Optional<Long> migrateToChatId() {
        return migrateToChatId;
    }
}
