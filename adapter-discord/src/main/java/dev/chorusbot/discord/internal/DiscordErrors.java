package dev.chorusbot.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.discord.DiscordApiException;
import dev.chorusbot.discord.DiscordException;
import dev.chorusbot.discord.DiscordNetworkException;
import dev.chorusbot.json.JsonTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decodes Discord's JSON error body ({@code {"code": 50035, "message": "Invalid Form Body",
 * "errors": {...}}}, Reference: "Error Messages") into a {@link DiscordApiException}; an answer
 * without one (a proxy's HTML page) is a {@link DiscordNetworkException} naming the status.
 */
final class DiscordErrors {
    private DiscordErrors() {}

    static DiscordException of(String route, int status, byte[] body) {
        JsonNode tree;
        try {
            tree = body == null || body.length == 0 ? null : JsonTrees.read(body);
        } catch (IOException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject() || !tree.has("message")) {
            return new DiscordNetworkException(route, "HTTP " + status + " without a Discord error body");
        }
        List<String> errors = new ArrayList<>();
        flatten(tree.path("errors"), "", errors);
        return new DiscordApiException(route, status, tree.path("code").asInt(0), tree.path("message").asText(),
                errors);
    }

    /**
     * Each {@code _errors} entry of the nested {@code errors} object as {@code path: CODE message};
     * array indexes are keys ({@code "embeds": {"0": {...}}}), so the path reads {@code embeds.0.title}.
     */
    private static void flatten(JsonNode node, String path, List<String> out) {
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if ("_errors".equals(field.getKey()) && field.getValue().isArray()) {
                for (JsonNode error : field.getValue()) {
                    out.add((path.isEmpty() ? "(body)" : path) + ": " + error.path("code").asText() + " "
                            + error.path("message").asText());
                }
            } else {
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out);
            }
        }
    }
}
