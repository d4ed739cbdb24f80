package dev.chorusbot.testkit.twitch.eventsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code /helix/eventsub/subscriptions}: create (202, then verified through the callback), list
 * with filters and pages, delete; the subscriptions themselves.
 */
final class SubscriptionStore {
    private final Clock clock;
    private final Map<String, FakeSubscription> subscriptions = new LinkedHashMap<>();
    private final ExecutorService verifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-eventsub-verify");
        t.setDaemon(true);
        return t;
    });
    private int pageSize = 100;

    SubscriptionStore(Clock clock) {
        this.clock = clock;
    }

    synchronized List<FakeSubscription> all() {
        return List.copyOf(subscriptions.values());
    }

    synchronized void pageSize(int size) {
        this.pageSize = size;
    }

    synchronized void status(String id, String status) {
        FakeSubscription s = subscriptions.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no subscription " + id);
        }
        subscriptions.put(id, s.withStatus(status));
    }

    void stop() {
        verifier.shutdownNow();
    }

    void create(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = EventSubJson.readObject(body);
        if (request == null) {
            HelixHttp.send(exchange, 400, HelixHttp.error(400, "Bad Request", "The request body is not valid JSON"));
            return;
        }
        JsonNode transport = request.path("transport");
        String secret = transport.path("secret").asText("");
        String callback = transport.path("callback").asText("");
        String type = request.path("type").asText("");
        String version = request.path("version").asText("");
        if (type.isEmpty() || version.isEmpty() || !request.path("condition").isObject()) {
            HelixHttp.send(exchange, 400, HelixHttp.error(400, "Bad Request", "type, version and condition are required"));
            return;
        }
        if (!transport.path("method").asText("").equals("webhook") || callback.isEmpty()) {
            HelixHttp.send(exchange, 400, HelixHttp.error(400, "Bad Request",
                    "transport.method must be webhook with a callback"));
            return;
        }
        if (secret.length() < 10 || secret.length() > 100) {
            HelixHttp.send(exchange, 400, HelixHttp.error(400, "Bad Request",
                    "the secret must be between 10 and 100 characters"));
            return;
        }
        Map<String, String> condition = new LinkedHashMap<>();
        request.path("condition").properties().forEach(f -> condition.put(f.getKey(), f.getValue().asText()));
        FakeSubscription created;
        int total;
        synchronized (this) {
            for (FakeSubscription s : subscriptions.values()) {
                if (s.type().equals(type) && s.condition().equals(condition)
                        && Set.of("enabled", "webhook_callback_verification_pending").contains(s.status())) {
                    HelixHttp.send(exchange, 409, HelixHttp.error(409, "Conflict", "subscription already exists"));
                    return;
                }
            }
            created = new FakeSubscription(UUID.randomUUID().toString(), "webhook_callback_verification_pending",
                    type, version, condition, callback, clock.instant());
            subscriptions.put(created.id(), created);
            total = subscriptions.size();
        }
        ObjectNode response = EventSubJson.object();
        response.putArray("data").add(created.json());
        response.put("total", total).put("total_cost", 0).put("max_total_cost", 10000);
        HelixHttp.send(exchange, 202, EventSubJson.bytes(response));
        verifier.execute(() -> verify(created, secret));
    }

    /** Twitch verifies a new webhook subscription through its callback: the challenge must come back. */
    private void verify(FakeSubscription created, String secret) {
        boolean ok;
        try (FakeEventSubSender sender = FakeEventSubSender.builder().callback(URI.create(created.callback()))
                .secret(secret).clock(clock).maxAttempts(1).start()) {
            ok = sender.verify(created).verified();
        }
        synchronized (this) {
            if (subscriptions.containsKey(created.id())) {
                status(created.id(), ok ? "enabled" : "webhook_callback_verification_failed");
            }
        }
    }

    void list(HttpExchange exchange, String query) throws IOException {
        Map<String, List<String>> params = HelixHttp.params(query);
        String type = HelixHttp.first(params, "type");
        String status = HelixHttp.first(params, "status");
        String userId = HelixHttp.first(params, "user_id");
        String after = HelixHttp.first(params, "after");
        List<FakeSubscription> matching = new ArrayList<>();
        int size;
        synchronized (this) {
            size = pageSize;
            for (FakeSubscription s : subscriptions.values()) {
                boolean keep = (type.isEmpty() || s.type().equals(type))
                        && (status.isEmpty() || s.status().equals(status))
                        && (userId.isEmpty() || s.condition().containsValue(userId));
                if (keep) {
                    matching.add(s);
                }
            }
        }
        int from = after.isEmpty() ? 0 : Integer.parseInt(after);
        int to = Math.min(matching.size(), from + size);
        ObjectNode response = EventSubJson.object();
        response.put("total", matching.size());
        ArrayNode data = response.putArray("data");
        matching.subList(Math.min(from, to), to).forEach(s -> data.add(s.json()));
        response.put("total_cost", 0).put("max_total_cost", 10000);
        ObjectNode pagination = response.putObject("pagination");
        if (to < matching.size()) {
            pagination.put("cursor", Integer.toString(to));
        }
        HelixHttp.send(exchange, 200, EventSubJson.bytes(response));
    }

    void delete(HttpExchange exchange, String query) throws IOException {
        String id = HelixHttp.first(HelixHttp.params(query), "id");
        if (id.isEmpty()) {
            HelixHttp.send(exchange, 400, HelixHttp.error(400, "Bad Request", "Missing required parameter \"id\""));
            return;
        }
        synchronized (this) {
            if (subscriptions.remove(id) == null) {
                HelixHttp.send(exchange, 404, HelixHttp.error(404, "Not Found", "subscription not found"));
                return;
            }
        }
        HelixHttp.send(exchange, 204, new byte[0]);
    }
}
