package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.chorusbot.core.Attachment;
import dev.chorusbot.telegram.TelegramCallbackQuery;
import dev.chorusbot.telegram.TelegramChat;
import dev.chorusbot.telegram.TelegramEntity;
import dev.chorusbot.telegram.TelegramMessage;
import dev.chorusbot.telegram.TelegramUser;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a message or button-press update straight from Jackson's streaming parser into the
 * adapter's records, without a JSON tree: the tree of a 1 KB update is about ten kilobytes of
 * short-lived objects, the largest share of what a webhook update allocates, and most handlers
 * never look at it ({@code TelegramUpdate.json()} builds it when asked).
 *
 * <p>This is the fast path only. It reads exactly what {@link UpdateReader}'s tree reader reads,
 * for the value types Telegram sends; on anything else (other kinds, a value of an unexpected type,
 * JSON that is malformed or nested deeper than {@link UpdateReader#MAX_DEPTH}, content after the
 * update) it gives up with {@link #FALLBACK}, and the tree reader decides, so results and error
 * messages are the tree reader's in every case. Skipped fields are still tokenised, so the whole
 * body is checked to be JSON either way.
 */
final class UpdateStream {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Signals "let the tree reader decide"; shared and without a stack trace, since it is not an error. */
    static final RuntimeException FALLBACK = new RuntimeException("read with the tree reader", null, false, false) {};

    private static final String[] FILE_FIELDS = {
        "photo", "document", "audio", "video", "voice", "animation", "sticker", "video_note",
    };
    private static final Attachment.Kind[] FILE_KINDS = {
        Attachment.Kind.PHOTO, Attachment.Kind.DOCUMENT, Attachment.Kind.AUDIO, Attachment.Kind.VIDEO,
        Attachment.Kind.VOICE, Attachment.Kind.ANIMATION, Attachment.Kind.STICKER, Attachment.Kind.VIDEO_NOTE,
    };

    private UpdateStream() {}

    /** What the stream read: the update's parts; {@code attachments} only for the message kinds. */
    record Parts(long updateId, String kind, Optional<TelegramMessage> message,
            Optional<TelegramCallbackQuery> callbackQuery, List<Attachment> attachments) {}

    /**
     * Reads a message ({@code message}, {@code edited_message}, {@code channel_post}, {@code
     * edited_channel_post}) or {@code callback_query} update.
     *
     * @throws RuntimeException {@link #FALLBACK} for anything the tree reader should decide
     */
    static Parts read(byte[] body) {
        try (JsonParser p = FACTORY.createParser(body)) {
            return update(p);
        } catch (IOException e) {
            throw FALLBACK; // malformed JSON: the tree reader says where
        }
    }

    private static Parts update(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        long id = 0;
        boolean haveId = false;
        String kind = null;
        Optional<TelegramMessage> message = Optional.empty();
        Optional<TelegramCallbackQuery> callback = Optional.empty();
        List<Attachment> attachments = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("update_id")) {
                id = requiredLong(p, t);
                haveId = true;
            } else if (kind == null) {
                // The first field besides update_id is the payload: "at most one of the optional
                // parameters can be present in any given update". Other kinds go to the tree reader.
                kind = name;
                expect(t, JsonToken.START_OBJECT);
                switch (name) {
                    case "message", "edited_message", "channel_post", "edited_channel_post" -> {
                        MessageParts m = message(p, 1);
                        message = Optional.of(m.message);
                        attachments = m.attachments;
                    }
                    case "callback_query" -> callback = Optional.of(callbackQuery(p, 1));
                    default -> throw FALLBACK;
                }
            } else {
                throw FALLBACK; // a second payload field: the tree reader's rules pick the kind
            }
        }
        if (!haveId || kind == null || p.nextToken() != null) {
            throw FALLBACK;
        }
        return new Parts(id, kind, message, callback, attachments);
    }

    private record MessageParts(TelegramMessage message, List<Attachment> attachments) {}

    /** A {@code Message} object, the parser at its START_OBJECT at {@code depth}. */
    private static MessageParts message(JsonParser p, int depth) throws IOException {
        long messageId = 0;
        boolean haveMessageId = false;
        Optional<Long> threadId = Optional.empty();
        boolean topic = false;
        Optional<TelegramUser> from = Optional.empty();
        Optional<TelegramChat> senderChat = Optional.empty();
        TelegramChat chat = null;
        long date = 0;
        Optional<Long> editDate = Optional.empty();
        boolean hasText = false;
        String text = null;
        String caption = null;
        List<TelegramEntity> entities = null;
        List<TelegramEntity> captionEntities = null;
        Optional<Long> replyTo = Optional.empty();
        Attachment[] files = null;
        boolean animation = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "message_id" -> {
                    messageId = requiredLong(p, t);
                    haveMessageId = true;
                }
                case "message_thread_id" -> threadId = Optional.of(requiredLong(p, t));
                case "is_topic_message" -> topic = bool(t);
                case "from" -> from = Optional.of(user(p, t, depth + 1));
                case "sender_chat" -> senderChat = Optional.of(chat(p, t, depth + 1));
                case "chat" -> chat = chat(p, t, depth + 1);
                case "date" -> {
                    date = requiredLong(p, t);
                    if (date < Instant.MIN.getEpochSecond() || date > Instant.MAX.getEpochSecond()) {
                        throw FALLBACK;
                    }
                }
                case "edit_date" -> editDate = Optional.of(requiredLong(p, t));
                case "text" -> {
                    hasText = true;
                    text = string(p, t);
                }
                case "caption" -> caption = string(p, t);
                case "entities" -> entities = entities(p, t, depth + 1);
                case "caption_entities" -> captionEntities = entities(p, t, depth + 1);
                case "reply_to_message" -> replyTo = replyId(p, t, depth + 1);
                default -> {
                    int file = fileField(name);
                    if (file < 0) {
                        skip(p, t, depth + 1);
                    } else {
                        if (files == null) {
                            files = new Attachment[FILE_FIELDS.length];
                        }
                        animation |= file == 5;
                        files[file] = file == 0 ? largestPhoto(p, t, depth + 1) : file(p, t, FILE_KINDS[file], depth + 1);
                    }
                }
            }
        }
        if (!haveMessageId || chat == null) {
            throw FALLBACK;
        }
        String body = hasText ? text : caption;
        List<TelegramEntity> marks = hasText ? entities : captionEntities;
        TelegramMessage m = new TelegramMessage(messageId, threadId, topic, from, senderChat, chat, date, editDate,
                body == null ? "" : body, marks == null ? List.of() : marks, replyTo);
        return new MessageParts(m, attachments(files, animation));
    }

    private static int fileField(String name) {
        for (int i = 0; i < FILE_FIELDS.length; i++) {
            if (FILE_FIELDS[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** In the tree reader's order; a message with an animation also carries it as a document, listed once. */
    private static List<Attachment> attachments(Attachment[] files, boolean animation) {
        if (files == null) {
            return List.of();
        }
        List<Attachment> found = new ArrayList<>(1);
        for (int i = 0; i < files.length; i++) {
            if (files[i] != null && !(i == 1 && animation)) {
                found.add(files[i]);
            }
        }
        return found;
    }

    /** The last (largest) of the sizes Telegram sends, smallest first; null for none. */
    private static Attachment largestPhoto(JsonParser p, JsonToken t, int depth) throws IOException {
        expect(t, JsonToken.START_ARRAY);
        Attachment last = null;
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            last = file(p, next, Attachment.Kind.PHOTO, depth + 1);
        }
        return last;
    }

    /** A file object ({@code PhotoSize}, {@code Document}, …) at {@code depth}; null when it has no file id. */
    private static Attachment file(JsonParser p, JsonToken t, Attachment.Kind kind, int depth) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        String id = "";
        OptionalLong size = OptionalLong.empty();
        Optional<String> name = Optional.empty();
        Optional<String> mime = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "file_id" -> id = string(p, v);
                case "file_size" -> size = v == JsonToken.VALUE_NULL ? OptionalLong.empty() : OptionalLong.of(requiredLong(p, v));
                case "file_name" -> name = v == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(string(p, v));
                case "mime_type" -> mime = v == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(string(p, v));
                default -> skip(p, v, depth + 1); // a thumbnail, a duration, …
            }
        }
        return id.isBlank() ? null : new Attachment(kind, id, size, name, mime);
    }

    private static Optional<Long> replyId(JsonParser p, JsonToken t, int depth) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            skip(p, t, depth);
            return Optional.empty(); // as the tree reader: a reply that is not an object has no id
        }
        Optional<Long> id = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("message_id")) {
                id = Optional.of(requiredLong(p, v));
            } else {
                skip(p, v, depth + 1);
            }
        }
        return id;
    }

    private static List<TelegramEntity> entities(JsonParser p, JsonToken t, int depth) throws IOException {
        expect(t, JsonToken.START_ARRAY);
        List<TelegramEntity> entities = new ArrayList<>(2);
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(e, JsonToken.START_OBJECT);
            String type = "";
            int offset = -1;
            int length = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "type" -> type = entityType(string(p, v));
                    case "offset" -> offset = integer(p, v);
                    case "length" -> length = integer(p, v);
                    default -> skip(p, v, depth + 2);
                }
            }
            entities.add(new TelegramEntity(type, offset, length));
        }
        return entities;
    }

    private static TelegramUser user(JsonParser p, JsonToken t, int depth) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        long id = 0;
        boolean haveId = false;
        boolean bot = false;
        String first = "";
        Optional<String> last = Optional.empty();
        Optional<String> username = Optional.empty();
        Optional<String> language = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> {
                    id = requiredLong(p, v);
                    haveId = true;
                }
                case "is_bot" -> bot = bool(v);
                case "first_name" -> first = string(p, v);
                case "last_name" -> last = Optional.of(string(p, v));
                case "username" -> username = Optional.of(string(p, v));
                case "language_code" -> language = Optional.of(string(p, v));
                default -> skip(p, v, depth + 1);
            }
        }
        if (!haveId) {
            throw FALLBACK;
        }
        return new TelegramUser(id, bot, first, last, username, language);
    }

    private static TelegramChat chat(JsonParser p, JsonToken t, int depth) throws IOException {
        expect(t, JsonToken.START_OBJECT);
        long id = 0;
        boolean haveId = false;
        String type = "private";
        String title = "";
        String first = null;
        String last = null;
        Optional<String> username = Optional.empty();
        boolean forum = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> {
                    id = requiredLong(p, v);
                    haveId = true;
                }
                case "type" -> type = chatType(string(p, v));
                case "title" -> title = string(p, v);
                case "first_name" -> first = string(p, v);
                case "last_name" -> last = string(p, v);
                case "username" -> username = Optional.of(string(p, v));
                case "is_forum" -> forum = bool(v);
                default -> skip(p, v, depth + 1);
            }
        }
        if (!haveId) {
            throw FALLBACK;
        }
        if (title.isEmpty() && first != null) {
            title = last != null ? first + " " + last : first;
        }
        return new TelegramChat(id, type, title, username, forum);
    }

    private static TelegramCallbackQuery callbackQuery(JsonParser p, int depth) throws IOException {
        String id = "";
        TelegramUser from = null;
        Optional<TelegramMessage> message = Optional.empty();
        Optional<String> inline = Optional.empty();
        Optional<String> data = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> id = string(p, v);
                case "from" -> from = user(p, v, depth + 1);
                case "message" -> {
                    expect(v, JsonToken.START_OBJECT);
                    message = Optional.of(message(p, depth + 1).message);
                }
                case "inline_message_id" -> inline = Optional.of(string(p, v));
                case "data" -> data = Optional.of(string(p, v));
                default -> skip(p, v, depth + 1);
            }
        }
        if (from == null) {
            throw FALLBACK;
        }
        return new TelegramCallbackQuery(id, from, message, inline, data);
    }

    /** Chat types as shared constants: every update names one, and the queue keeps chats a while. */
    private static String chatType(String type) {
        return switch (type) {
            case "private" -> "private";
            case "group" -> "group";
            case "supergroup" -> "supergroup";
            case "channel" -> "channel";
            default -> type;
        };
    }

    private static String entityType(String type) {
        return type.equals("bot_command") ? "bot_command" : type;
    }

    /** Gives up with {@link #FALLBACK} unless the value at hand starts with {@code wanted}. */
    private static void expect(JsonToken t, JsonToken wanted) {
        if (t != wanted) {
            throw FALLBACK;
        }
    }

    private static long requiredLong(JsonParser p, JsonToken t) throws IOException {
        // Beyond a long, a number would wrap silently and name another chat or user.
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw FALLBACK;
        }
        return p.getLongValue();
    }

    private static int integer(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw FALLBACK;
        }
        return p.getIntValue();
    }

    private static String string(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw FALLBACK;
        }
        return p.getText();
    }

    private static boolean bool(JsonToken t) {
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw FALLBACK;
    }

    /**
     * Skips the value at {@code t}, whose container depth (the update object being 0) is {@code
     * depth}; nesting as deep as the tree reader refuses goes to it.
     */
    private static void skip(JsonParser p, JsonToken t, int depth) throws IOException {
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
            return;
        }
        int open = 0;
        JsonToken next = t;
        do {
            if (next == JsonToken.START_OBJECT || next == JsonToken.START_ARRAY) {
                if ((long) depth + open >= UpdateReader.MAX_DEPTH) {
                    throw FALLBACK;
                }
                open++;
            } else if (next == JsonToken.END_OBJECT || next == JsonToken.END_ARRAY) {
                open--;
            } else if (next == null) {
                throw FALLBACK;
            }
            if (open == 0) {
                return;
            }
            next = p.nextToken();
        } while (true);
    }
}
