package dev.chorusbot.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One Bot API call the fake received.
 *
 * @param method the method name, such as {@code sendMessage}
 * @param params the parameters as JSON (from a JSON, form or query-string request)
 * @param viaWebhookResponse true when the call came back inside a webhook response
 * @param receivedAt when it arrived
 * @param status the HTTP status the fake answered with
 */
public record ApiCall(String method, JsonNode params, boolean viaWebhookResponse, Instant receivedAt, int status) {

    /**
     * A text parameter, or an empty string.
     *
     * @param name the parameter name, such as {@code chat_id} or {@code text}
     * @return the parameter as text (numbers and booleans in their JSON spelling); empty when the
     *     parameter is missing, null or an object or array
     */
    public String param(String name) {
        return params.path(name).asText("");
    }
}
