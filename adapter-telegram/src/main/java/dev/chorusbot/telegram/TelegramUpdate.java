package dev.chorusbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Api;
import java.util.Optional;

/**
 * One incoming update (the Bot API's {@code Update}), as the adapter received it. Reach it from a
 * handler with {@code event.unwrap(TelegramUpdate.class)}.
 *
 * @param updateId the update id; redeliveries carry the same one
 * @param kind the name of the field holding the payload: {@code message}, {@code callback_query},
 *     {@code my_chat_member}, …
 * @param message the payload when it is a message ({@code message}, {@code edited_message},
 *     {@code channel_post}, {@code edited_channel_post})
 * @param callbackQuery the payload when it is a {@code callback_query}
 * @param json the whole update as Telegram sent it, with every field, including new ones
 */
@Api(Api.Status.EXPERIMENTAL)
public record TelegramUpdate(long updateId, String kind, Optional<TelegramMessage> message,
        Optional<TelegramCallbackQuery> callbackQuery, JsonNode json) {

    /**
     * The payload object ({@code json().get(kind())}).
     *
     * @return the payload; a missing node (never null) when the update lacks the field
     */
    public JsonNode payload() {
        return json.path(kind);
    }
}
