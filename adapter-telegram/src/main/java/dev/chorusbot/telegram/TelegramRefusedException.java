package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;

/**
 * Telegram refused what an adapter needs to run, so the adapter stops instead of retrying: a
 * rejected token (401 or 404), long polling while a webhook is set or while another instance polls
 * (409), or another refusal of getUpdates. The message says what to fix in one sentence;
 * {@link #code()} is Telegram's {@code error_code} and {@link #reason()} its {@code description}.
 * {@code Bot.run()} reports it as the cause of an {@code AdapterStoppedException}. Never contains
 * the bot token.
 */
@Api(Api.Status.STABLE)
public final class TelegramRefusedException extends TelegramException {
    /**
     * A refusal of {@code method}.
     *
     * @param method the Bot API method Telegram refused, such as {@code getMe}
     * @param errorCode Telegram's {@code error_code}, such as 401 or 409
     * @param description Telegram's {@code description}, such as {@code Unauthorized}
     * @param message one sentence saying what was refused and what to fix; never the token
     */
    public TelegramRefusedException(String method, int errorCode, String description, String message) {
        super(method, Integer.toString(errorCode), description, message);
    }
}
