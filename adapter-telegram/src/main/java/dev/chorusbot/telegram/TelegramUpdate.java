package dev.chorusbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Api;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One incoming update (the Bot API's {@code Update}), as the adapter received it. Reach it from a
 * handler with {@code event.unwrap(TelegramUpdate.class)}.
 *
 * <p>A value: two updates are equal when their id, kind, message and callback query are. The whole
 * update as a JSON tree ({@link #json()}) is built only when it is first asked for: the adapter
 * reads messages and button presses straight from the webhook's bytes, and most handlers never
 * look at the rest.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class TelegramUpdate {
    private final long updateId;
    private final String kind;
    private final Optional<TelegramMessage> message;
    private final Optional<TelegramCallbackQuery> callbackQuery;
    private Supplier<JsonNode> source; // null once the tree is built
    private volatile JsonNode json;

    /**
     * An update with its tree.
     *
     * @param updateId the update id; redeliveries carry the same one
     * @param kind the name of the field holding the payload: {@code message}, {@code callback_query},
     *     {@code my_chat_member}, …
     * @param message the payload when it is a message ({@code message}, {@code edited_message},
     *     {@code channel_post}, {@code edited_channel_post})
     * @param callbackQuery the payload when it is a {@code callback_query}
     * @param json the whole update as Telegram sent it, with every field, including new ones
     */
    public TelegramUpdate(long updateId, String kind, Optional<TelegramMessage> message,
            Optional<TelegramCallbackQuery> callbackQuery, JsonNode json) {
        this(updateId, kind, message, callbackQuery, () -> json);
        Objects.requireNonNull(json, "json");
        this.json = json;
        this.source = null;
    }

    /**
     * An update whose tree is built from {@code json} when first asked for, once.
     *
     * @param updateId the update id; redeliveries carry the same one
     * @param kind the name of the field holding the payload
     * @param message the payload when it is a message
     * @param callbackQuery the payload when it is a {@code callback_query}
     * @param json makes the whole update's tree; called at most once, from any thread
     */
    public TelegramUpdate(long updateId, String kind, Optional<TelegramMessage> message,
            Optional<TelegramCallbackQuery> callbackQuery, Supplier<JsonNode> json) {
        this.updateId = updateId;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.message = Objects.requireNonNull(message, "message");
        this.callbackQuery = Objects.requireNonNull(callbackQuery, "callbackQuery");
        this.source = Objects.requireNonNull(json, "json");
    }

    /**
     * The update id.
     *
     * @return the update id; redeliveries carry the same one
     */
    public long updateId() {
        return updateId;
    }

    /**
     * The update's kind.
     *
     * @return the name of the field holding the payload: {@code message}, {@code callback_query},
     *     {@code my_chat_member}, …
     */
    public String kind() {
        return kind;
    }

    /**
     * The message, for the message kinds.
     *
     * @return the payload when it is a message ({@code message}, {@code edited_message}, {@code
     *     channel_post}, {@code edited_channel_post}), else empty
     */
    public Optional<TelegramMessage> message() {
        return message;
    }

    /**
     * The button press, for a {@code callback_query}.
     *
     * @return the payload when it is a {@code callback_query}, else empty
     */
    public Optional<TelegramCallbackQuery> callbackQuery() {
        return callbackQuery;
    }

    /**
     * The whole update as Telegram sent it, with every field, including new ones; built on the first
     * call and the same tree after.
     *
     * @return the update's JSON tree
     */
    public JsonNode json() {
        JsonNode tree = json;
        if (tree == null) {
            synchronized (this) {
                tree = json;
                if (tree == null) {
                    tree = Objects.requireNonNull(source.get(), "json");
                    json = tree;
                    source = null;
                }
            }
        }
        return tree;
    }

    /**
     * The payload object ({@code json().get(kind())}).
     *
     * @return the payload; a missing node (never null) when the update lacks the field
     */
    public JsonNode payload() {
        return json().path(kind);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TelegramUpdate u && u.updateId == updateId && u.kind.equals(kind)
                && u.message.equals(message) && u.callbackQuery.equals(callbackQuery);
    }

    @Override
    public int hashCode() {
        return Objects.hash(updateId, kind, message, callbackQuery);
    }

    /** The id and kind; not the content, which may hold what users wrote. */
    @Override
    public String toString() {
        return "TelegramUpdate[updateId=" + updateId + ", kind=" + kind + "]";
    }
}
