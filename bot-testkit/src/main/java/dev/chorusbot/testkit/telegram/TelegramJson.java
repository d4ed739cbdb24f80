package dev.chorusbot.testkit.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** The Bot API's JSON shapes the fake writes (User, Chat, the error envelope), and parsing. */
final class TelegramJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private TelegramJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses {@code json}; an empty optional when it is not JSON. */
    static Optional<JsonNode> read(String json) {
        try {
            return Optional.ofNullable(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static JsonNode readOrFail(String json, String what) {
        return read(json).orElseThrow(() -> new IllegalArgumentException(what + " is not JSON: " + json));
    }

    static JsonNode read(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Bot API User object. */
    static ObjectNode user(FakeUser user) {
        ObjectNode u = object();
        u.put("id", user.id());
        u.put("is_bot", user.isBot());
        u.put("first_name", user.firstName());
        user.lastName().ifPresent(l -> u.put("last_name", l));
        user.username().ifPresent(n -> u.put("username", n));
        user.languageCode().ifPresent(code -> u.put("language_code", code));
        return u;
    }

    /** A Bot API Chat object: {@code first_name} for a private chat, {@code title} for the others. */
    static ObjectNode chat(FakeChat chat) {
        ObjectNode c = object();
        c.put("id", chat.id());
        c.put("type", chat.type());
        if (chat.type().equals("private")) {
            c.put("first_name", chat.title());
        } else {
            c.put("title", chat.title());
        }
        if (chat.isForum()) {
            c.put("is_forum", true);
        }
        return c;
    }

    /** The error envelope: {@code {"ok":false,"error_code":…,"description":…,"parameters":…}}. */
    static ObjectNode error(int code, String description, int retryAfter, Long migrateTo) {
        ObjectNode body = object();
        body.put("ok", false);
        body.put("error_code", code);
        body.put("description", description);
        if (retryAfter > 0 || migrateTo != null) {
            ObjectNode parameters = body.putObject("parameters");
            if (retryAfter > 0) {
                parameters.put("retry_after", retryAfter);
            }
            if (migrateTo != null) {
                parameters.put("migrate_to_chat_id", migrateTo);
            }
        }
        return body;
    }

    /** A JSON value as text: strings unquoted, numbers and booleans in their JSON spelling. */
    static String text(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }
}
