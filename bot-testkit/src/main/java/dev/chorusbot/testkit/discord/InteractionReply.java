package dev.chorusbot.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.chorusbot.core.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What an Interactions endpoint answered to an {@link InteractionSender}.
 *
 * @param status the HTTP status: 200 with an interaction response, 202 after a callback, 401 for a
 *     bad signature, 400 for a bad body
 * @param contentType the {@code Content-Type} header; empty when there was none
 * @param body the body as text
 */
@Api(Api.Status.EXPERIMENTAL)
public record InteractionReply(int status, String contentType, String body) {

    private JsonNode json() {
        JsonNode node = DiscordJson.read(body.getBytes(StandardCharsets.UTF_8));
        return node == null ? MissingNode.getInstance() : node;
    }

    /**
     * A value of the answer by its JSON Pointer (RFC 6901), such as {@code /data/flags}.
     *
     * @param pointer the pointer, starting with {@code /}
     * @return a string or number as text, an object or array as its JSON; empty when missing
     */
    public String at(String pointer) {
        JsonNode node = json().at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /**
     * The buttons of the answer's {@code data.components}, row by row.
     *
     * @return the rows; empty when the answer has none
     */
    public List<List<DiscordButton>> buttons() {
        return DiscordJson.buttons(json().path("data").path("components"));
    }

    /**
     * The interaction response's {@code type}: 1 PONG, 4 message, 5 deferred message, 6 deferred
     * update, 7 update.
     *
     * @return the type; 0 when the body has none
     */
    public int type() {
        return json().path("type").asInt(0);
    }

    /**
     * The answer's {@code data.content}.
     *
     * @return the content; empty when there is none
     */
    public String content() {
        return json().path("data").path("content").asText("");
    }

    /**
     * The answer's {@code data.flags}: 64 for an ephemeral message.
     *
     * @return the flags; 0 when not given
     */
    public int flags() {
        return json().path("data").path("flags").asInt(0);
    }
}
