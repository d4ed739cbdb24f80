package dev.chorusbot.testkit.twitch.eventsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** JSON for the EventSub and Helix fakes, and Twitch's timestamp format. */
final class EventSubJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Twitch's timestamps: RFC 3339 in UTC with nanoseconds. */
    static final DateTimeFormatter RFC3339_NANOS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    private EventSubJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses {@code json}; null when it is not a JSON object. */
    static JsonNode readObject(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
