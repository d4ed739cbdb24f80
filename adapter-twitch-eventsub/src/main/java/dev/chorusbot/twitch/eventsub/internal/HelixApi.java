package dev.chorusbot.twitch.eventsub.internal;

import dev.chorusbot.core.BotObserver;
import dev.chorusbot.twitch.TwitchAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.twitch.eventsub.EventSubSubscription;
import dev.chorusbot.twitch.eventsub.TwitchEventSubConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Helix endpoints the EventSub adapter uses, with the request and response shapes of Twitch's
 * reference (https://dev.twitch.tv/docs/api/reference/): Send Chat Message, Get Users, and Create,
 * Get and Delete EventSub Subscription.
 */
public final class HelixApi {
    /** The subscription type for chat messages. */
    public static final String CHAT_MESSAGE = "channel.chat.message";

    private final HelixTransport transport;

    /**
     * An API client for {@code config}, on a JDK client made on first use (a serverless cold start
     * that only answers a verification never pays for one), waiting for rate limits and reading
     * token expiry on {@code time}.
     */
    public HelixApi(TwitchEventSubConfig config, Scheduler time) {
        this.transport = new HelixTransport(config, new LazyHttpClient(), time);
    }

    /** Creates the JDK client when the first request needs it. */
    static final class LazyHttpClient {
        private HttpClient client;

        synchronized HttpClient get() {
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            }
            return client;
        }
    }

    /**
     * What Send Chat Message answered: {@code data[0]} with {@code message_id}, {@code is_sent} and,
     * for a dropped message, {@code drop_reason.code} and {@code drop_reason.message}.
     */
    public record SendResult(String messageId, boolean sent, String dropCode, String dropMessage) {}

    /** {@code POST /helix/chat/messages}: posts {@code message} in the broadcaster's chat as the bot. */
    public SendResult sendChatMessage(String broadcasterId, String senderId, String message, Optional<String> replyTo)
            throws IOException, InterruptedException {
        return sendChatMessage(broadcasterId, senderId, message, replyTo, BotObserver.NONE);
    }

    /**
     * {@code POST /helix/chat/messages}: posts {@code message} in the broadcaster's chat as the bot,
     * telling {@code observer} of each retry.
     */
    public SendResult sendChatMessage(String broadcasterId, String senderId, String message, Optional<String> replyTo,
            BotObserver observer) throws IOException, InterruptedException {
        ObjectNode body = JsonTrees.object()
                .put("broadcaster_id", broadcasterId)
                .put("sender_id", senderId)
                .put("message", message);
        replyTo.ifPresent(id -> body.put("reply_parent_message_id", id));
        JsonNode data = transport.call("POST", "chat/messages", body,
                reason -> observer.sendRetried(TwitchAdapter.PLATFORM, reason)).body().path("data").path(0);
        return new SendResult(Json.text(data, "message_id"), data.path("is_sent").asBoolean(false),
                Json.text(data.path("drop_reason"), "code"), Json.text(data.path("drop_reason"), "message"));
    }

    /** {@code GET /helix/users?login=...}: the user ids of {@code logins} (lower case), 100 per call. */
    public Map<String, String> userIds(List<String> logins) throws IOException, InterruptedException {
        Map<String, String> ids = new LinkedHashMap<>();
        for (int from = 0; from < logins.size(); from += 100) {
            StringBuilder query = new StringBuilder("users?");
            for (String login : logins.subList(from, Math.min(logins.size(), from + 100))) {
                query.append(query.charAt(query.length() - 1) == '?' ? "" : "&").append("login=").append(encode(login));
            }
            for (JsonNode user : transport.call("GET", query.toString(), null).body().path("data")) {
                ids.put(Json.text(user, "login").toLowerCase(Locale.ROOT), Json.text(user, "id"));
            }
        }
        return ids;
    }

    /**
     * {@code POST /helix/eventsub/subscriptions}: subscribes to chat messages in one channel, read as
     * the bot ({@code condition.user_id}), delivered to {@code callback} signed with {@code secret}.
     */
    public EventSubSubscription subscribeToChat(String broadcasterId, String botUserId, URI callback, String secret)
            throws IOException, InterruptedException {
        ObjectNode body = JsonTrees.object()
                .put("type", CHAT_MESSAGE)
                .put("version", "1");
        body.putObject("condition").put("broadcaster_user_id", broadcasterId).put("user_id", botUserId);
        body.putObject("transport").put("method", "webhook").put("callback", callback.toString()).put("secret", secret);
        JsonNode created = transport.call("POST", "eventsub/subscriptions", body).body().path("data").path(0);
        return subscription(created);
    }

    /** {@code GET /helix/eventsub/subscriptions?type=...}: every subscription of {@code type}, all pages. */
    public List<EventSubSubscription> subscriptions(String type) throws IOException, InterruptedException {
        List<EventSubSubscription> all = new ArrayList<>();
        String cursor = "";
        do {
            String query = "eventsub/subscriptions?type=" + encode(type) + (cursor.isEmpty() ? "" : "&after=" + encode(cursor));
            JsonNode page = transport.call("GET", query, null).body();
            for (JsonNode node : page.path("data")) {
                all.add(subscription(node));
            }
            cursor = Json.text(page.path("pagination"), "cursor");
        } while (!cursor.isEmpty());
        return all;
    }

    /** {@code DELETE /helix/eventsub/subscriptions?id=...}. */
    public void unsubscribe(String id) throws IOException, InterruptedException {
        transport.call("DELETE", "eventsub/subscriptions?id=" + encode(id), null);
    }

    /** Reads a subscription object as Helix and deliveries write it. */
    static EventSubSubscription subscription(JsonNode node) {
        Map<String, String> condition = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.path("condition").properties()) {
            if (!field.getValue().isNull()) {
                condition.put(field.getKey(), field.getValue().asText());
            }
        }
        return new EventSubSubscription(Json.text(node, "id"), Json.text(node, "status"), Json.text(node, "type"),
                Json.text(node, "version"), condition, Json.text(node.path("transport"), "callback"),
                Json.text(node, "created_at"), node.path("cost").asInt(0));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
