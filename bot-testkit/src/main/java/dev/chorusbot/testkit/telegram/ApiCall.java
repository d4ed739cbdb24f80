package dev.chorusbot.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Api;
import java.time.Instant;

/**
 * One Bot API call the fake received.
 *
 * @param method the method name, such as {@code sendMessage}
 * @param json the parameters as JSON text: the request body exactly as sent when it was a JSON
 *     object; form or query-string parameters written as one JSON object; for a call inside a
 *     webhook response, that response without its {@code method} field
 * @param viaWebhookResponse true when the call came back inside a webhook response
 * @param receivedAt when it arrived
 * @param status the HTTP status the fake answered with
 */
@Api(Api.Status.EXPERIMENTAL)
public record ApiCall(String method, String json, boolean viaWebhookResponse, Instant receivedAt, int status) {

    /**
     * A parameter as text.
     *
     * @param name the parameter name, such as {@code chat_id} or {@code text}
     * @return the parameter as text (numbers and booleans in their JSON spelling); empty when the
     *     parameter is missing, null or an object or array
     */
    public String param(String name) {
        return TelegramJson.text(params().path(name));
    }

    /**
     * A number parameter.
     *
     * @param name the parameter name, such as {@code chat_id} or {@code offset}
     * @return the parameter as a number (a numeric string is read as one); 0 when it is missing
     *     or not a number
     */
    public long longParam(String name) {
        return params().path(name).asLong(0);
    }

    /**
     * A whole parameter as JSON text, for objects and arrays such as {@code reply_markup} or
     * {@code allowed_updates}.
     *
     * @param name the parameter name
     * @return the parameter's JSON, such as {@code ["message"]}; empty when it is missing
     */
    public String paramJson(String name) {
        JsonNode value = params().path(name);
        return value.isMissingNode() ? "" : value.toString();
    }

    /**
     * Whether the call carried the parameter at all.
     *
     * @param name the parameter name
     * @return true when it is present, even as null
     */
    public boolean has(String name) {
        return params().has(name);
    }

    private JsonNode params() {
        return TelegramJson.read(json).orElseGet(TelegramJson::object);
    }
}
