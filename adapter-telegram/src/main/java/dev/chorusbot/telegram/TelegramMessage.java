package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a Telegram {@code Message} the adapter uses; the whole object is in
 * {@link TelegramUpdate#json()}.
 *
 * @param messageId the message id, unique in its chat
 * @param messageThreadId the forum topic (or reply thread) it belongs to, if any
 * @param isTopicMessage whether it was sent in a forum topic
 * @param from the sender; empty in channels
 * @param senderChat the chat it was sent on behalf of (a channel, an anonymous admin), if any
 * @param chat where it was sent
 * @param date when it was sent, in Unix seconds
 * @param editDate when it was last edited, in Unix seconds, if edited
 * @param text the text, or the caption of a media message, or empty
 * @param entities the entities of the text (or caption)
 * @param replyToMessageId the message it answers, if any
 */
@Api(Api.Status.EXPERIMENTAL)
public record TelegramMessage(long messageId, Optional<Long> messageThreadId, boolean isTopicMessage,
        Optional<TelegramUser> from, Optional<TelegramChat> senderChat, TelegramChat chat, long date,
        Optional<Long> editDate, String text, List<TelegramEntity> entities, Optional<Long> replyToMessageId) {

    /**
     * Validates and copies the components.
     *
     * @param messageId the message id, unique in its chat
     * @param messageThreadId the forum topic (or reply thread) it belongs to, if any
     * @param isTopicMessage whether it was sent in a forum topic
     * @param from the sender; empty in channels
     * @param senderChat the chat it was sent on behalf of (a channel, an anonymous admin), if any
     * @param chat where it was sent
     * @param date when it was sent, in Unix seconds
     * @param editDate when it was last edited, in Unix seconds, if edited
     * @param text the text, or the caption of a media message, or empty
     * @param entities the entities of the text (or caption); copied, must not be null
     * @param replyToMessageId the message it answers, if any
     */
    public TelegramMessage {
        entities = List.copyOf(entities);
    }

    /**
     * The command at the start of the text, as Telegram marked it with a {@code bot_command}
     * entity at offset 0 ({@code /start} or {@code /hello@my_bot}); empty otherwise.
     *
     * @return the command with its {@code /} and any {@code @botname}, as written in the text
     */
    public Optional<String> command() {
        for (TelegramEntity entity : entities) {
            if (entity.offset() == 0 && entity.type().equals("bot_command")) {
                String command = entity.textIn(text);
                return command.isEmpty() ? Optional.empty() : Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
