package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;

/** How the adapter receives updates. */
@Api(Api.Status.STABLE)
public enum TelegramMode {
    /** Telegram POSTs each update to the bot's webhook; see {@link TelegramAdapter}. */
    WEBHOOK,
    /** The bot asks for updates with getUpdates; see {@link TelegramPollingAdapter}. */
    POLLING
}
