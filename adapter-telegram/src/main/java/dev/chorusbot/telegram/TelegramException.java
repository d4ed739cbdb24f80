package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.PlatformException;

/**
 * A Telegram Bot API call failed: the base of {@link TelegramApiException} (Telegram answered
 * {@code "ok": false}) and {@link TelegramNetworkException} (no Bot API answer at all). Like every
 * {@link PlatformException} it carries the platform's code and reason and never the bot token.
 */
@Api(Api.Status.STABLE)
public abstract class TelegramException extends PlatformException {
    /** The Bot API method that failed. */
    private final String method;

    TelegramException(String method, String code, String reason, String message) {
        super(TelegramAdapter.PLATFORM, code, reason, message, null);
        this.method = method;
    }

    /**
     * The Bot API method that failed.
     *
     * @return the method name as called, such as {@code sendMessage}
     */
    public String method() {
        return method;
    }
}
