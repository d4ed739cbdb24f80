package dev.chorusbot.testkit.twitch.eventsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@code POST /helix/chat/messages} (Send Chat Message) and {@code GET /helix/users}. */
final class ChatEndpoints {
    private final Map<String, String[]> usersById = new ConcurrentHashMap<>();
    // Appends are frequent (a load test sends thousands), reads are copies: not copy-on-write.
    private final List<FakeHelixApi.SentChatMessage> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<String[]> drops = new CopyOnWriteArrayList<>();

    void addUser(String id, String login, String displayName) {
        usersById.put(id, new String[] {id, login.toLowerCase(Locale.ROOT), displayName});
    }

    void dropNext(String code, String message) {
        drops.add(new String[] {code, message});
    }

    List<FakeHelixApi.SentChatMessage> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    int sentCount() {
        return sent.size();
    }

    void clear() {
        sent.clear();
    }

    void chatMessage(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = EventSubJson.readObject(body);
        if (request == null) {
            HelixHttp.send(exchange, 400, HelixHttp.error(400, "Bad Request", "The request body is not valid JSON"));
            return;
        }
        for (String field : List.of("broadcaster_id", "sender_id", "message")) {
            if (request.path(field).asText("").isEmpty()) {
                HelixHttp.send(exchange, 400, HelixHttp.error(400, "Bad Request",
                        "Missing required parameter \"" + field + "\""));
                return;
            }
        }
        String message = request.path("message").asText();
        if (message.codePointCount(0, message.length()) > 500) {
            HelixHttp.send(exchange, 400, HelixHttp.error(400, "Bad Request",
                    "The message is limited to a maximum of 500 characters"));
            return;
        }
        Optional<String> reply = request.hasNonNull("reply_parent_message_id")
                ? Optional.of(request.path("reply_parent_message_id").asText()) : Optional.empty();
        ObjectNode data = EventSubJson.object();
        if (!drops.isEmpty()) {
            String[] drop = drops.remove(0);
            data.put("message_id", "").put("is_sent", false);
            data.putObject("drop_reason").put("code", drop[0]).put("message", drop[1]);
        } else {
            data.put("message_id", UUID.randomUUID().toString()).put("is_sent", true);
        }
        sent.add(new FakeHelixApi.SentChatMessage(request.path("broadcaster_id").asText(),
                request.path("sender_id").asText(), message, reply, data.path("is_sent").asBoolean()));
        ObjectNode response = EventSubJson.object();
        response.putArray("data").add(data);
        HelixHttp.send(exchange, 200, EventSubJson.bytes(response));
    }

    void users(HttpExchange exchange, String query) throws IOException {
        Map<String, List<String>> params = HelixHttp.params(query);
        ArrayNode data = EventSubJson.MAPPER.createArrayNode();
        for (String[] user : usersById.values()) {
            boolean wanted = params.getOrDefault("id", List.of()).contains(user[0])
                    || params.getOrDefault("login", List.of()).contains(user[1]);
            if (wanted) {
                data.addObject().put("id", user[0]).put("login", user[1]).put("display_name", user[2])
                        .put("type", "").put("broadcaster_type", "").put("description", "")
                        .put("profile_image_url", "").put("offline_image_url", "").put("view_count", 0)
                        .put("created_at", "2016-12-14T20:32:28Z");
            }
        }
        ObjectNode response = EventSubJson.object();
        response.set("data", data);
        HelixHttp.send(exchange, 200, EventSubJson.bytes(response));
    }
}
