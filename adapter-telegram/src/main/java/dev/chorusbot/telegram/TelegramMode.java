package dev.chorusbot.telegram;

/** How the adapter receives updates. */
public enum TelegramMode {
    /** Telegram POSTs each update to the bot's webhook; see {@link TelegramAdapter}. */
    WEBHOOK,
    /** The bot asks for updates with getUpdates; see {@link TelegramPollingAdapter}. */
    POLLING
}
