package dev.chorusbot.telegram;

import dev.chorusbot.core.Message;

/** Telegram's own marking of commands, shared by the webhook and the polling adapter. */
final class TelegramCommands {
    private TelegramCommands() {}

    /**
     * False only for a message whose text starts with {@code /} while Telegram put no
     * {@code bot_command} entity at offset 0. A message without the original update (built by
     * hand) is given the benefit of the doubt.
     */
    static boolean mayBeCommand(Message message) {
        if (!message.text().startsWith("/")) {
            return true;
        }
        return message.unwrap(TelegramUpdate.class)
                .flatMap(TelegramUpdate::message)
                .map(m -> m.command().isPresent())
                .orElse(true);
    }
}
