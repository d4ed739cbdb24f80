package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.telegram.TelegramCallbackQuery;
import dev.chorusbot.telegram.TelegramChat;
import dev.chorusbot.telegram.TelegramChatMember;
import dev.chorusbot.telegram.TelegramEntity;
import dev.chorusbot.telegram.TelegramMessage;
import dev.chorusbot.telegram.TelegramUpdate;
import dev.chorusbot.telegram.TelegramUser;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Bot API JSON into the adapter's records by hand. No data binding: binding introspects
 * every record by reflection on first use, which dominates a cold start, and reading by hand
 * ignores the fields Telegram adds in every release without any configuration.
 *
 * <p>A webhook body with a message or a button press is read straight from the streaming parser
 * ({@link UpdateStream}); its JSON tree is built only if a handler asks for it. Other kinds, and
 * anything unusual, are read from a tree, which decides every error message.
 */
public final class UpdateReader {
    /**
     * The update kinds of the Bot API's {@code Update} object (Bot API 9). Any other field is a kind
     * this version does not know yet: such updates are accepted and ignored.
     */
    public static final Set<String> KNOWN_KINDS = Set.of(
            "message", "edited_message", "channel_post", "edited_channel_post", "business_connection",
            "business_message", "edited_business_message", "deleted_business_messages", "message_reaction",
            "message_reaction_count", "inline_query", "chosen_inline_result", "callback_query", "shipping_query",
            "pre_checkout_query", "purchased_paid_media", "poll", "poll_answer", "my_chat_member", "chat_member",
            "chat_join_request", "chat_boost", "removed_chat_boost");

    private static final Set<String> MESSAGE_KINDS =
            Set.of("message", "edited_message", "channel_post", "edited_channel_post");

    /** The deepest nesting accepted, as {@link JsonTrees#read} accepts it. */
    static final int MAX_DEPTH = 256;

    private UpdateReader() {}

    /**
     * A webhook body read: the update, and the files of its message when they were read with it
     * (null when {@link EventMapper} should take them from the update's tree).
     *
     * @param update the update
     * @param attachments the message's files, or null
     */
    public record Read(TelegramUpdate update, List<dev.chorusbot.core.Attachment> attachments) {}

    /** Thrown for a body that is not a JSON update; the message says what is wrong. */
    public static final class MalformedUpdateException extends Exception {
        MalformedUpdateException(String message) {
            super(message);
        }
    }

    /** Parses a webhook body. */
    public static TelegramUpdate parse(byte[] body) throws MalformedUpdateException {
        return read(body).update();
    }

    /**
     * Reads a webhook body: a message or button press from the stream, with the tree built from
     * {@code body} on demand (so {@code body} must not change afterwards); anything else through
     * the tree.
     */
    public static Read read(byte[] body) throws MalformedUpdateException {
        UpdateStream.Parts parts;
        try {
            parts = UpdateStream.read(body);
        } catch (RuntimeException e) {
            // UpdateStream.FALLBACK, or a value a record refuses: the tree reader decides, with its words.
            return new Read(tree(body), null);
        }
        TelegramUpdate update = new TelegramUpdate(parts.updateId(), parts.kind(), parts.message(),
                parts.callbackQuery(), () -> {
                    try {
                        return JsonTrees.read(body);
                    } catch (IOException e) {
                        // The stream read the same bytes as JSON; only a changed array gets here.
                        throw new IllegalStateException("the update's body is no longer the JSON it was read from", e);
                    }
                });
        return new Read(update, parts.message().isPresent() ? parts.attachments() : null);
    }

    /** Reads a webhook body through a tree, as every body was read before the stream. */
    static TelegramUpdate tree(byte[] body) throws MalformedUpdateException {
        JsonNode tree;
        try {
            tree = JsonTrees.read(body);
        } catch (JsonProcessingException e) {
            throw new MalformedUpdateException("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedUpdateException("the body could not be read: " + e.getMessage());
        }
        return update(tree);
    }

    /** Reads one {@code Update} object. */
    public static TelegramUpdate update(JsonNode tree) throws MalformedUpdateException {
        if (tree == null || !tree.isObject()) {
            throw new MalformedUpdateException("the body is not a JSON object");
        }
        JsonNode id = tree.get("update_id");
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber()) {
            throw new MalformedUpdateException("the update has no integer update_id");
        }
        String kind = "";
        Iterator<String> names = tree.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("update_id")) {
                kind = name;
                if (KNOWN_KINDS.contains(name)) {
                    break; // "at most one of the optional parameters can be present in any given update"
                }
            }
        }
        Optional<TelegramMessage> message = Optional.empty();
        Optional<TelegramCallbackQuery> callback = Optional.empty();
        try {
            if (MESSAGE_KINDS.contains(kind)) {
                message = Optional.of(message(tree.get(kind)));
            } else if (kind.equals("callback_query")) {
                callback = Optional.of(callbackQuery(tree.get(kind)));
            }
        } catch (RuntimeException e) {
            throw new MalformedUpdateException("the " + kind + " of update " + id.asLong() + " is malformed: "
                    + e.getMessage());
        }
        return new TelegramUpdate(id.asLong(), kind, message, callback, tree);
    }

    /** Reads a {@code Message}. */
    public static TelegramMessage message(JsonNode m) {
        requireObject(m, "message");
        JsonNode textNode = m.has("text") ? m.get("text") : m.get("caption");
        String text = textNode != null && textNode.isTextual() ? textNode.asText() : "";
        JsonNode entityNode = m.has("text") ? m.get("entities") : m.get("caption_entities");
        List<TelegramEntity> entities = new ArrayList<>();
        if (entityNode != null && entityNode.isArray()) {
            for (JsonNode e : entityNode) {
                entities.add(new TelegramEntity(e.path("type").asText(""), e.path("offset").asInt(-1),
                        e.path("length").asInt(-1)));
            }
        }
        JsonNode reply = m.get("reply_to_message");
        return new TelegramMessage(
                requiredLong(m, "message_id"),
                optionalLong(m, "message_thread_id"),
                m.path("is_topic_message").asBoolean(false),
                m.has("from") ? Optional.of(user(m.get("from"))) : Optional.empty(),
                m.has("sender_chat") ? Optional.of(chat(m.get("sender_chat"))) : Optional.empty(),
                chat(m.get("chat")),
                date(m.path("date")),
                optionalLong(m, "edit_date"),
                text,
                entities,
                reply != null && reply.isObject() ? optionalLong(reply, "message_id") : Optional.empty());
    }

    private static long date(JsonNode node) {
        long date = node.asLong(0);
        // The date becomes a java.time.Instant: a number beyond its range would fail the mapping.
        if ((node.isIntegralNumber() && !node.canConvertToLong())
                || date < Instant.MIN.getEpochSecond() || date > Instant.MAX.getEpochSecond()) {
            throw new IllegalArgumentException("date is not a time in Unix seconds");
        }
        return date;
    }

    /** Reads a {@code User}. */
    public static TelegramUser user(JsonNode u) {
        requireObject(u, "user");
        return new TelegramUser(requiredLong(u, "id"), u.path("is_bot").asBoolean(false),
                u.path("first_name").asText(""), optionalText(u, "last_name"), optionalText(u, "username"),
                optionalText(u, "language_code"));
    }

    /** Reads a {@code Chat}. */
    public static TelegramChat chat(JsonNode c) {
        requireObject(c, "chat");
        String type = c.path("type").asText("private");
        String title = c.path("title").asText("");
        if (title.isEmpty() && c.has("first_name")) {
            title = c.has("last_name")
                    ? c.get("first_name").asText() + " " + c.get("last_name").asText()
                    : c.get("first_name").asText();
        }
        return new TelegramChat(requiredLong(c, "id"), type, title, optionalText(c, "username"),
                c.path("is_forum").asBoolean(false));
    }

    /** Reads a {@code CallbackQuery}. */
    public static TelegramCallbackQuery callbackQuery(JsonNode q) {
        requireObject(q, "callback_query");
        JsonNode message = q.get("message");
        // An InaccessibleMessage has date 0 and no content; it still names the chat and message id.
        return new TelegramCallbackQuery(q.path("id").asText(""), user(q.get("from")),
                message != null && message.isObject() ? Optional.of(message(message)) : Optional.empty(),
                optionalText(q, "inline_message_id"), optionalText(q, "data"));
    }

    /** Reads a {@code ChatMember}. */
    public static TelegramChatMember chatMember(JsonNode m) {
        requireObject(m, "chat member");
        return new TelegramChatMember(m.path("status").asText(""), user(m.get("user")));
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not an object");
        }
    }

    private static long requiredLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        // canConvertToLong: a bigger number would wrap silently and name another chat or user.
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is missing or not an integer");
        }
        return value.asLong();
    }

    private static Optional<Long> optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isIntegralNumber() && value.canConvertToLong()
                ? Optional.of(value.asLong()) : Optional.empty();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
