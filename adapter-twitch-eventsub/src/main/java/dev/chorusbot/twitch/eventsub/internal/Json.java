package dev.chorusbot.twitch.eventsub.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Small readers that tolerate missing fields; trees are read and written by {@code JsonTrees}. */
final class Json {
    private Json() {}

    /** The text of {@code field}, or an empty string when it is missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** True when {@code field} is present and not null. */
    static boolean has(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && !value.isNull();
    }
}
