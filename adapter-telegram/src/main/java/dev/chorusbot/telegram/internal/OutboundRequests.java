package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Format;
import dev.chorusbot.core.MediaFile;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Writes an {@link Outbound} as the Bot API call that sends it: sendMessage, sendPhoto or
 * sendDocument (with the file as a URL, a file id, or an upload), editMessageText or
 * editMessageReplyMarkup.
 */
public final class OutboundRequests {
    /** Bot API, InlineKeyboardButton: callback_data is 1-64 bytes. */
    public static final int MAX_CALLBACK_DATA_BYTES = 64;

    private OutboundRequests() {}

    /**
     * One Bot API call: its method, its parameters, and the file to upload with them, if any (then
     * it goes as {@code multipart/form-data}, the file as the parameter {@code field}).
     *
     * @param method the Bot API method
     * @param params the parameters, without the uploaded file
     * @param upload the file to upload and the parameter it fills, if any
     */
    public record Request(String method, ObjectNode params, Optional<Upload> upload) {}

    /**
     * A file to upload as the parameter {@code field}.
     *
     * @param field {@code photo} or {@code document}
     * @param file the bytes, name and type
     */
    public record Upload(String field, MediaFile.Upload file) {}

    /**
     * The call that sends {@code message} to {@code chatId} (which differs from the message's chat
     * after a group migrated to a supergroup).
     *
     * @throws IllegalArgumentException when a button's data exceeds 64 bytes, which Telegram would
     *     refuse with BUTTON_DATA_INVALID
     */
    public static Request of(Outbound message, long chatId) {
        if (message.editId().isPresent()) {
            ObjectNode p = JsonTrees.object();
            p.put("chat_id", chatId);
            p.put("message_id", messageId(message.editId().get()));
            if (message.isKeyboardEdit()) {
                // Without reply_markup Telegram removes the keyboard, which is what no buttons mean.
                keyboard(p, message.buttons());
                return new Request("editMessageReplyMarkup", p, Optional.empty());
            }
            p.put("text", message.text());
            parseMode(p, message.format());
            keyboard(p, message.buttons());
            return new Request("editMessageText", p, Optional.empty());
        }
        if (message.media().isPresent()) {
            return media(message, message.media().get(), chatId);
        }
        return new Request("sendMessage", sendMessage(message, chatId), Optional.empty());
    }

    private static Request media(Outbound message, MediaFile file, long chatId) {
        String field = file.kind() == MediaFile.Kind.PHOTO ? "photo" : "document";
        String method = file.kind() == MediaFile.Kind.PHOTO ? "sendPhoto" : "sendDocument";
        ObjectNode p = JsonTrees.object();
        p.put("chat_id", chatId);
        Chat chat = message.chat();
        chat.threadId().ifPresent(thread -> p.put("message_thread_id", Long.parseLong(thread)));
        Optional<Upload> upload = Optional.empty();
        if (file.source() instanceof MediaFile.Url url) {
            p.put(field, url.uri().toString());
        } else if (file.source() instanceof MediaFile.FileId id) {
            p.put(field, id.id());
        } else {
            upload = Optional.of(new Upload(field, (MediaFile.Upload) file.source()));
        }
        if (!message.text().isEmpty()) {
            p.put("caption", message.text());
            parseMode(p, message.format());
        }
        replyParameters(p, message);
        keyboard(p, message.buttons());
        return new Request(method, p, upload);
    }

    /**
     * The sendMessage parameters for {@code message}, sent to {@code chatId}.
     *
     * @throws IllegalArgumentException when a button's data exceeds 64 bytes
     */
    public static ObjectNode sendMessage(Outbound message, long chatId) {
        ObjectNode p = JsonTrees.object();
        p.put("chat_id", chatId);
        Chat chat = message.chat();
        chat.threadId().ifPresent(thread -> p.put("message_thread_id", Long.parseLong(thread)));
        p.put("text", message.text());
        parseMode(p, message.format());
        replyParameters(p, message);
        forceReply(p, message);
        keyboard(p, message.buttons());
        return p;
    }

    private static void parseMode(ObjectNode p, Format format) {
        if (format == Format.HTML) {
            p.put("parse_mode", "HTML");
        } else if (format == Format.MARKDOWN) {
            p.put("parse_mode", "MarkdownV2");
        }
    }

    /**
     * Quote the command in groups so it is clear whom the bot answers; a private chat has one
     * person in it. allow_sending_without_reply: the answer still goes out if it was deleted.
     */
    private static void replyParameters(ObjectNode p, Outbound message) {
        if (replying(message)) {
            p.putObject("reply_parameters")
                    .put("message_id", messageId(message.replyToId().get()))
                    .put("allow_sending_without_reply", true);
        }
    }

    private static boolean replying(Outbound message) {
        return message.replyToId().isPresent() && message.chat().kind() != Chat.Kind.PRIVATE;
    }

    /**
     * A question in a group asks for a reply: a bot in privacy mode sees in a group only commands
     * and replies to its own messages, and force_reply opens the reply interface, so the answer is
     * such a reply. selective aims it at the sender of the message replied to (Bot API,
     * ForceReply); not allowed in channels, and not beside an inline keyboard.
     */
    private static void forceReply(ObjectNode p, Outbound message) {
        if (message.question() && message.buttons().isEmpty() && message.chat().kind() == Chat.Kind.GROUP) {
            ObjectNode markup = p.putObject("reply_markup").put("force_reply", true);
            if (replying(message)) {
                markup.put("selective", true);
            }
        }
    }

    private static void keyboard(ObjectNode p, List<List<Button>> buttons) {
        if (buttons.isEmpty()) {
            return;
        }
        ArrayNode rows = p.putObject("reply_markup").putArray("inline_keyboard");
        for (List<Button> row : buttons) {
            ArrayNode r = rows.addArray();
            for (Button button : row) {
                int bytes = button.data().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > MAX_CALLBACK_DATA_BYTES) {
                    throw new IllegalArgumentException("button '" + button.label() + "' has " + bytes
                            + " bytes of data; Telegram allows at most " + MAX_CALLBACK_DATA_BYTES
                            + " bytes of callback_data, so shorten the command line it runs (replies of a"
                            + " handler keep longer data in the state store by themselves)");
                }
                r.addObject().put("text", button.label()).put("callback_data", button.data());
            }
        }
    }

    /** The message id in a reply-to id; edits carry {@code <message_id>:<edit_date>}. */
    static long messageId(String id) {
        int colon = id.indexOf(':');
        return Long.parseLong(colon < 0 ? id : id.substring(0, colon));
    }
}
