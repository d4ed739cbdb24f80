package dev.chorusbot.testkit.telegram;

import dev.chorusbot.core.Api;
import java.util.Objects;

/**
 * One Telegram Update as the fake's builders made it, in the Bot API's wire format
 * (https://core.telegram.org/bots/api#update): {@code {"update_id":…,"<kind>":{…}}}. Queue it with
 * {@link FakeTelegramServer#enqueue(FakeUpdate)} or POST it with
 * {@link FakeTelegramServer#deliver(java.net.URI, FakeUpdate)}.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class FakeUpdate {
    private final long id;
    private final String kind;
    private final String json;

    FakeUpdate(long id, String kind, String json) {
        this.id = id;
        this.kind = kind;
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * The {@code update_id}.
     *
     * @return the id the fake gave the update; ids grow in the order updates are built
     */
    public long id() {
        return id;
    }

    /**
     * The update's kind: the name of its one optional field.
     *
     * @return such as {@code message}, {@code callback_query} or {@code my_chat_member}
     */
    public String kind() {
        return kind;
    }

    /**
     * The update as the Bot API sends it.
     *
     * @return the JSON text, the body of a webhook POST or one element of getUpdates' result
     */
    public String json() {
        return json;
    }

    /**
     * One value inside the update, found by a JSON Pointer (RFC 6901).
     *
     * @param pointer such as {@code /callback_query/id} or {@code /message/message_id}
     * @return the value as text (numbers and booleans in their JSON spelling); empty when the
     *     pointer finds nothing, null, an object or an array
     */
    public String value(String pointer) {
        return TelegramJson.text(TelegramJson.readOrFail(json, "the update").at(pointer));
    }

    /**
     * The update as JSON text, as {@link #json()}.
     *
     * @return the JSON text
     */
    @Override
    public String toString() {
        return json;
    }
}
