package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;

/**
 * A special part of a message text (the Bot API's {@code MessageEntity}): a command, a mention, a
 * link. Offsets and lengths count UTF-16 code units, as Java strings do.
 *
 * @param type such as {@code bot_command}, {@code mention}, {@code url}
 * @param offset where it starts, in UTF-16 code units
 * @param length how long it is, in UTF-16 code units
 */
@Api(Api.Status.EXPERIMENTAL)
public record TelegramEntity(String type, int offset, int length) {

    /**
     * The part of {@code text} this entity marks; empty when it lies outside the text.
     *
     * @param text the text (or caption) of the message the entity came with; not null
     * @return the marked substring, or the empty string when the offset or length is out of range
     */
    public String textIn(String text) {
        if (offset < 0 || length < 0 || offset > text.length() || length > text.length() - offset) { // no int overflow
            return "";
        }
        return text.substring(offset, offset + length);
    }
}
