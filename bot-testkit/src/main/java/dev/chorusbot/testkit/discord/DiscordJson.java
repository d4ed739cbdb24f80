package dev.chorusbot.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON the fake reads and writes: Discord's error bodies and components. */
final class DiscordJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private DiscordJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The body as JSON; null when it is empty or not JSON. */
    static JsonNode read(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Discord's error body: {@code {"message": …, "code": …}}. */
    static ObjectNode error(int code, String message) {
        return object().put("message", message).put("code", code);
    }

    /**
     * A form error (code 50035, "Invalid Form Body") about one field, as Discord nests it: {@code
     * {"errors": {"content": {"_errors": [{"code": …, "message": …}]}}}}.
     */
    static ObjectNode formError(List<String> path, String code, String message) {
        ObjectNode body = error(50035, "Invalid Form Body");
        ObjectNode at = body.putObject("errors");
        for (String key : path) {
            at = at.putObject(key);
        }
        at.putArray("_errors").addObject().put("code", code).put("message", message);
        return body;
    }

    /** The buttons of a {@code components} array of action rows. */
    static List<List<DiscordButton>> buttons(JsonNode components) {
        List<List<DiscordButton>> rows = new ArrayList<>();
        if (components == null || !components.isArray()) {
            return rows;
        }
        for (JsonNode row : components) {
            List<DiscordButton> buttons = new ArrayList<>();
            for (JsonNode c : row.path("components")) {
                if (c.path("type").asInt() == 2) {
                    buttons.add(new DiscordButton(c.path("label").asText(""), c.path("custom_id").asText(""),
                            c.path("style").asInt()));
                }
            }
            rows.add(List.copyOf(buttons));
        }
        return List.copyOf(rows);
    }

    /**
     * The first problem Discord would find with a message body, as its 400 answer; null when it
     * has none: empty (50006), content over 2000 characters, a custom_id not of 1 to 100
     * characters or used twice, more than 5 rows or 5 buttons in a row.
     */
    static ObjectNode problem(JsonNode body, boolean edit) {
        String content = body.path("content").asText("");
        JsonNode components = body.path("components");
        if (!edit && content.isEmpty() && (!components.isArray() || components.isEmpty())
                && !body.path("embeds").isArray()) {
            return error(50006, "Cannot send an empty message");
        }
        if (content.length() > 2000) {
            return formError(List.of("content"), "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
        }
        if (components.isArray()) {
            if (components.size() > 5) {
                return formError(List.of("components"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
            }
            List<String> ids = new ArrayList<>();
            for (int r = 0; r < components.size(); r++) {
                JsonNode row = components.get(r).path("components");
                if (row.size() > 5) {
                    return formError(List.of("components", Integer.toString(r), "components"), "BASE_TYPE_BAD_LENGTH",
                            "Must be between 1 and 5 in length.");
                }
                for (int c = 0; c < row.size(); c++) {
                    String id = row.get(c).path("custom_id").asText("");
                    List<String> at = List.of("components", Integer.toString(r), "components", Integer.toString(c),
                            "custom_id");
                    if (id.isEmpty() || id.length() > 100) {
                        return formError(at, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
                    }
                    if (ids.contains(id)) {
                        return formError(at, "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
                    }
                    ids.add(id);
                }
            }
        }
        return null;
    }
}
