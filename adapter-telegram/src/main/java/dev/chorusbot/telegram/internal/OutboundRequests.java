package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Format;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes an {@link Outbound} as sendMessage parameters. */
public final class OutboundRequests {
    /** Bot API, InlineKeyboardButton: callback_data is 1-64 bytes. */
    public static final int MAX_CALLBACK_DATA_BYTES = 64;

    private OutboundRequests() {}

    /**
     * The sendMessage parameters for {@code message}, sent to {@code chatId} (which differs from the
     * message's chat after a group migrated to a supergroup).
     *
     * @throws IllegalArgumentException when a button's data exceeds 64 bytes, which Telegram would
     *     refuse with BUTTON_DATA_INVALID
     */
    public static ObjectNode sendMessage(Outbound message, long chatId) {
        ObjectNode p = JsonTrees.object();
        p.put("chat_id", chatId);
        Chat chat = message.chat();
        chat.threadId().ifPresent(thread -> p.put("message_thread_id", Long.parseLong(thread)));
        p.put("text", message.text());
        if (message.format() == Format.HTML) {
            p.put("parse_mode", "HTML");
        } else if (message.format() == Format.MARKDOWN) {
            p.put("parse_mode", "MarkdownV2");
        }
        boolean replying = message.replyToId().isPresent() && chat.kind() != Chat.Kind.PRIVATE;
        // Quote the command in groups so it is clear whom the bot answers; a private chat has one
        // person in it. allow_sending_without_reply: the answer still goes out if it was deleted.
        if (replying) {
            p.putObject("reply_parameters")
                    .put("message_id", messageId(message.replyToId().get()))
                    .put("allow_sending_without_reply", true);
        }
        if (message.question() && message.buttons().isEmpty() && chat.kind() == Chat.Kind.GROUP) {
            // A bot in privacy mode sees in a group only commands and replies to its own messages:
            // force_reply opens the reply interface, so the answer is such a reply. selective aims it
            // at the sender of the message replied to (Bot API, ForceReply); not allowed in channels.
            ObjectNode markup = p.putObject("reply_markup").put("force_reply", true);
            if (replying) {
                markup.put("selective", true);
            }
        }
        if (!message.buttons().isEmpty()) {
            ArrayNode rows = p.putObject("reply_markup").putArray("inline_keyboard");
            for (List<Button> row : message.buttons()) {
                ArrayNode r = rows.addArray();
                for (Button button : row) {
                    int bytes = button.data().getBytes(StandardCharsets.UTF_8).length;
                    if (bytes > MAX_CALLBACK_DATA_BYTES) {
                        throw new IllegalArgumentException("button '" + button.label() + "' has " + bytes
                                + " bytes of data; Telegram allows at most " + MAX_CALLBACK_DATA_BYTES
                                + " bytes of callback_data, so shorten the command line it runs");
                    }
                    r.addObject().put("text", button.label()).put("callback_data", button.data());
                }
            }
        }
        return p;
    }

    /** The message id in a reply-to id; edits carry {@code <message_id>:<edit_date>}. */
    static long messageId(String id) {
        int colon = id.indexOf(':');
        return Long.parseLong(colon < 0 ? id : id.substring(0, colon));
    }
}
