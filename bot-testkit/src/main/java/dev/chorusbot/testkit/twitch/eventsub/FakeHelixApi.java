package dev.chorusbot.testkit.twitch.eventsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chorusbot.testkit.internal.TestkitUris;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Twitch's Helix API and OAuth token endpoint on loopback, for testing EventSub bots without Twitch.
 * One base URL ({@link #baseUrl()}) serves both, so point {@code TWITCH_API_URL} and
 * {@code TWITCH_AUTH_URL} at it. It answers like api.twitch.tv and id.twitch.tv
 * (https://dev.twitch.tv/docs/api/reference/):
 * <ul>
 *   <li>{@code POST /oauth2/token} — the client credentials flow: {@code access_token},
 *       {@code expires_in}, {@code token_type: bearer}; {@code {"status":400,"message":"invalid client"}}
 *       and {@code {"status":403,"message":"invalid client secret"}} for bad credentials;</li>
 *   <li>{@code POST /helix/chat/messages} — Send Chat Message, recorded; {@code is_sent: false} with a
 *       {@code drop_reason} when told to ({@link #dropNextMessage});</li>
 *   <li>{@code GET /helix/users} — Get Users by {@code login} and {@code id};</li>
 *   <li>{@code GET}, {@code POST}, {@code DELETE /helix/eventsub/subscriptions} — a new webhook
 *       subscription is answered 202 and then verified through its callback by a
 *       {@link FakeEventSubSender}: {@code enabled} when the webhook echoes the challenge, else
 *       {@code webhook_callback_verification_failed}; an existing one is 409.</li>
 * </ul>
 * Every Helix answer carries {@code Ratelimit-Limit}, {@code Ratelimit-Remaining} and
 * {@code Ratelimit-Reset}; an empty bucket answers 429 until the reset. Tokens it issued can be
 * expired ({@link #expireTokens()}): Helix then answers 401 {@code Invalid OAuth token}. Time comes
 * from the {@link Builder#clock(Clock)}, so a test can move past a reset without sleeping.
 */
public final class FakeHelixApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final int pointsPerMinute;
    private final long tokenLifetimeSeconds;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ExecutorService verifier = Executors.newSingleThreadExecutor(r -> daemon(r, "fake-eventsub-verify"));
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final Map<String, String[]> usersById = new ConcurrentHashMap<>();
    // Appends are frequent (a load test sends thousands), reads are copies: not copy-on-write.
    private final List<SentChatMessage> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<RecordedRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ObjectNode> subscriptions = new LinkedHashMap<>();
    private final List<String[]> drops = new CopyOnWriteArrayList<>();
    private final List<Integer> failures = new CopyOnWriteArrayList<>();
    private int remaining;
    private long resetEpochSecond;
    private int pageSize = 100;

    private FakeHelixApi(Builder b) throws IOException {
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.clock = b.clock;
        this.pointsPerMinute = b.pointsPerMinute;
        this.tokenLifetimeSeconds = b.tokenLifetime.toSeconds();
        this.remaining = pointsPerMinute;
        // The JDK server writes headers and body separately; without TCP_NODELAY the body waits for
        // the client's delayed ACK (40 ms on Linux). The JDK reads this once, when its first server
        // starts, so the fake sets it as the core's WebhookServer does, unless it was set already.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newFixedThreadPool(4, r -> daemon(r, "fake-helix"));
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * A builder; by default client {@code fake-client-id} with secret {@code fake-client-secret}.
     *
     * @return a builder to finish with {@link Builder#start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A fake started with the defaults.
     *
     * @return the running fake, on a free loopback port; close it after the test
     * @throws IllegalStateException when no loopback port can be bound
     */
    public static FakeHelixApi start() {
        return builder().start();
    }

    /**
     * One Send Chat Message request Helix accepted, in order of arrival.
     *
     * @param broadcasterId the {@code broadcaster_id}: the channel's user id
     * @param senderId the {@code sender_id}: the bot's user id
     * @param message the message text, at most 500 characters
     * @param replyParentMessageId the {@code reply_parent_message_id}, if given
     * @param isSent false when the fake dropped it as told by {@link #dropNextMessage}
     */
    public record SentChatMessage(String broadcasterId, String senderId, String message,
            Optional<String> replyParentMessageId, boolean isSent) {}

    /**
     * One request as it arrived (the {@code Authorization} header included).
     *
     * @param method the HTTP method, such as {@code POST}
     * @param path the URL path, such as {@code /helix/chat/messages}
     * @param query the raw query string, or empty when there was none
     * @param headers the request headers with lower-case names; repeated values joined with commas
     * @param body the request body as UTF-8 text, or empty
     */
    public record RecordedRequest(String method, String path, String query, Map<String, String> headers,
            String body) {}

    /**
     * The base URL of both the Helix API and the token endpoint, such as
     * {@code http://127.0.0.1:4711}.
     *
     * @return the base URL without a path or a trailing slash
     */
    public URI baseUrl() {
        return TestkitUris.http(server.getAddress());
    }

    /**
     * The client id the token endpoint accepts.
     *
     * @return the client id; Helix requests must send it as {@code Client-Id}
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The client secret the token endpoint accepts.
     *
     * @return the client secret
     */
    public String clientSecret() {
        return clientSecret;
    }

    /**
     * Adds a Twitch user that Get Users can find.
     *
     * @param id the numeric user id, as text; replaces a user with the same id
     * @param login the login; stored in lower case
     * @param displayName the display name
     * @return this fake, for chaining
     */
    public FakeHelixApi addUser(String id, String login, String displayName) {
        usersById.put(id, new String[] {id, login.toLowerCase(Locale.ROOT), displayName});
        return this;
    }

    /** Makes every token issued so far invalid, as when an app access token expires. */
    public void expireTokens() {
        validTokens.clear();
    }

    /**
     * How many app access tokens the token endpoint issued.
     *
     * @return the number of tokens issued since start, counting expired ones
     */
    public int tokensIssued() {
        return tokensIssued.get();
    }

    /**
     * The next Send Chat Message is answered {@code is_sent: false} with this drop reason. Calls
     * queue up: each drops one more message.
     *
     * @param code the {@code drop_reason.code}, such as {@code msg_duplicate}
     * @param message the {@code drop_reason.message}, the text a user would read
     */
    public void dropNextMessage(String code, String message) {
        drops.add(new String[] {code, message});
    }

    /** Forgets the recorded requests and sent messages (a long-running load test keeps memory flat). */
    public void clearRecords() {
        sent.clear();
        requests.clear();
    }

    /**
     * The next Helix request (after authentication) is answered with {@code status} and no change.
     * Calls queue up; the failed request still spends a rate-limit point.
     *
     * @param status the HTTP status, such as 500 or 503, sent with Helix's error body
     */
    public void failNext(int status) {
        failures.add(status);
    }

    /**
     * Sets the points left in the current rate-limit window.
     *
     * @param points the points left; 0 or less makes every Helix request 429 until the reset
     */
    public synchronized void remainingPoints(int points) {
        window();
        this.remaining = points;
    }

    /**
     * The points left in the current rate-limit window.
     *
     * @return the points left, as the next {@code Ratelimit-Remaining} would count them
     */
    public synchronized int remainingPoints() {
        window();
        return remaining;
    }

    /**
     * How many subscriptions {@code GET /helix/eventsub/subscriptions} returns per page; default
     * 100.
     *
     * @param size the page size; smaller sizes let a test walk the {@code pagination} cursor
     */
    public synchronized void subscriptionPageSize(int size) {
        this.pageSize = size;
    }

    /**
     * Every chat message sent, in order.
     *
     * @return a copy, dropped messages included, since start or the last {@link #clearRecords()}
     */
    public List<SentChatMessage> sentMessages() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /**
     * How many chat messages were sent (without copying them).
     *
     * @return the number of Send Chat Message requests accepted, dropped ones included
     */
    public int sentMessageCount() {
        return sent.size();
    }

    /**
     * Every request received, in order.
     *
     * @return a copy, refused requests included, since start or the last {@link #clearRecords()}
     */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * The requests matching {@code filter}.
     *
     * @param filter the condition a request must meet
     * @return the matching requests, in order of arrival
     */
    public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        return requests().stream().filter(filter).toList();
    }

    /**
     * The subscriptions, as {@code GET /helix/eventsub/subscriptions} shows them.
     *
     * @return copies of the subscription objects, in order of creation
     */
    public synchronized List<JsonNode> subscriptions() {
        return subscriptions.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
    }

    /**
     * Waits until the subscription {@code id} has {@code status}; false after {@code timeout}.
     *
     * @param id the subscription id
     * @param status the status to wait for, such as {@code enabled}
     * @param timeout how long to wait at most
     * @return true once the status is reached; false when it was not reached in time, or the
     *     subscription does not exist
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitSubscriptionStatus(String id, String status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                ObjectNode s = subscriptions.get(id);
                if (s != null && s.path("status").asText().equals(status)) {
                    return true;
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        verifier.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String query = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path, query, headers,
                    new String(body, StandardCharsets.UTF_8)));
            if (path.equals("/oauth2/token")) {
                token(exchange, query, body);
            } else if (path.startsWith("/helix/")) {
                helix(exchange, path.substring("/helix/".length()), query, headers, body);
            } else {
                send(exchange, 404, error(404, "Not Found", "page not found"));
            }
        } catch (RuntimeException e) {
            send(exchange, 500, error(500, "Internal Server Error", e.toString()));
        }
    }

    private void token(HttpExchange exchange, String query, byte[] body) throws IOException {
        Map<String, List<String>> params = params(query);
        params(new String(body, StandardCharsets.UTF_8)).forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 405, new byte[0]);
            return;
        }
        String grant = first(params, "grant_type");
        if (!grant.equals("client_credentials")) {
            send(exchange, 400, json(JSON.createObjectNode().put("status", 400).put("message", "unsupported grant type")));
            return;
        }
        if (!first(params, "client_id").equals(clientId)) {
            send(exchange, 400, json(JSON.createObjectNode().put("status", 400).put("message", "invalid client")));
            return;
        }
        if (!first(params, "client_secret").equals(clientSecret)) {
            send(exchange, 403, json(JSON.createObjectNode().put("status", 403).put("message", "invalid client secret")));
            return;
        }
        String token = "fakeapptoken" + tokensIssued.incrementAndGet() + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12);
        validTokens.add(token);
        send(exchange, 200, json(JSON.createObjectNode().put("access_token", token)
                .put("expires_in", tokenLifetimeSeconds).put("token_type", "bearer")));
    }

    private void helix(HttpExchange exchange, String endpoint, String query, Map<String, String> headers, byte[] body)
            throws IOException {
        String authorization = headers.getOrDefault("authorization", "");
        if (authorization.isEmpty()) {
            send(exchange, 401, error(401, "Unauthorized", "OAuth token is missing"));
            return;
        }
        if (!authorization.startsWith("Bearer ") || !validTokens.contains(authorization.substring(7))) {
            send(exchange, 401, error(401, "Unauthorized", "Invalid OAuth token"));
            return;
        }
        if (!headers.getOrDefault("client-id", "").equals(clientId)) {
            send(exchange, 401, error(401, "Unauthorized", "Client ID and OAuth token do not match"));
            return;
        }
        synchronized (this) {
            window();
            exchange.getResponseHeaders().set("Ratelimit-Limit", Integer.toString(pointsPerMinute));
            exchange.getResponseHeaders().set("Ratelimit-Reset", Long.toString(resetEpochSecond));
            if (remaining <= 0) {
                exchange.getResponseHeaders().set("Ratelimit-Remaining", "0");
                send(exchange, 429, error(429, "Too Many Requests", "Too Many Requests"));
                return;
            }
            remaining--;
            exchange.getResponseHeaders().set("Ratelimit-Remaining", Integer.toString(remaining));
        }
        if (!failures.isEmpty()) {
            int status = failures.remove(0);
            send(exchange, status, error(status, reasonPhrase(status), "failing as told"));
            return;
        }
        String method = exchange.getRequestMethod();
        switch (method + " " + endpoint) {
            case "POST chat/messages" -> chatMessage(exchange, body);
            case "GET users" -> users(exchange, query);
            case "POST eventsub/subscriptions" -> createSubscription(exchange, body);
            case "GET eventsub/subscriptions" -> listSubscriptions(exchange, query);
            case "DELETE eventsub/subscriptions" -> deleteSubscription(exchange, query);
            default -> send(exchange, 404, error(404, "Not Found", "page not found"));
        }
    }

    /** Starts a new one-minute window once the previous one has reset. */
    private void window() {
        long now = clock.instant().getEpochSecond();
        if (resetEpochSecond == 0 || now >= resetEpochSecond) {
            resetEpochSecond = now + 60;
            remaining = pointsPerMinute;
        }
    }

    private void chatMessage(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = readJson(body);
        if (request == null) {
            send(exchange, 400, error(400, "Bad Request", "The request body is not valid JSON"));
            return;
        }
        for (String field : List.of("broadcaster_id", "sender_id", "message")) {
            if (request.path(field).asText("").isEmpty()) {
                send(exchange, 400, error(400, "Bad Request", "Missing required parameter \"" + field + "\""));
                return;
            }
        }
        String message = request.path("message").asText();
        if (message.codePointCount(0, message.length()) > 500) {
            send(exchange, 400, error(400, "Bad Request", "The message is limited to a maximum of 500 characters"));
            return;
        }
        Optional<String> reply = request.hasNonNull("reply_parent_message_id")
                ? Optional.of(request.path("reply_parent_message_id").asText()) : Optional.empty();
        ObjectNode data = JSON.createObjectNode();
        if (!drops.isEmpty()) {
            String[] drop = drops.remove(0);
            data.put("message_id", "").put("is_sent", false);
            data.putObject("drop_reason").put("code", drop[0]).put("message", drop[1]);
        } else {
            data.put("message_id", UUID.randomUUID().toString()).put("is_sent", true);
        }
        sent.add(new SentChatMessage(request.path("broadcaster_id").asText(), request.path("sender_id").asText(),
                message, reply, data.path("is_sent").asBoolean()));
        ObjectNode response = JSON.createObjectNode();
        response.putArray("data").add(data);
        send(exchange, 200, json(response));
    }

    private void users(HttpExchange exchange, String query) throws IOException {
        Map<String, List<String>> params = params(query);
        ArrayNode data = JSON.createArrayNode();
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
        ObjectNode response = JSON.createObjectNode();
        response.set("data", data);
        send(exchange, 200, json(response));
    }

    private void createSubscription(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = readJson(body);
        if (request == null) {
            send(exchange, 400, error(400, "Bad Request", "The request body is not valid JSON"));
            return;
        }
        JsonNode transport = request.path("transport");
        String secret = transport.path("secret").asText("");
        String callback = transport.path("callback").asText("");
        if (request.path("type").asText("").isEmpty() || request.path("version").asText("").isEmpty()
                || !request.path("condition").isObject()) {
            send(exchange, 400, error(400, "Bad Request", "type, version and condition are required"));
            return;
        }
        if (!transport.path("method").asText("").equals("webhook") || callback.isEmpty()) {
            send(exchange, 400, error(400, "Bad Request", "transport.method must be webhook with a callback"));
            return;
        }
        if (secret.length() < 10 || secret.length() > 100) {
            send(exchange, 400, error(400, "Bad Request", "the secret must be between 10 and 100 characters"));
            return;
        }
        Map<String, String> condition = new LinkedHashMap<>();
        request.path("condition").properties().forEach(f -> condition.put(f.getKey(), f.getValue().asText()));
        ObjectNode created;
        synchronized (this) {
            for (ObjectNode s : subscriptions.values()) {
                if (s.path("type").asText().equals(request.path("type").asText())
                        && s.path("condition").equals(request.path("condition"))
                        && Set.of("enabled", "webhook_callback_verification_pending").contains(s.path("status").asText())) {
                    send(exchange, 409, error(409, "Conflict", "subscription already exists"));
                    return;
                }
            }
            created = FakeEventSubSender.subscription(UUID.randomUUID().toString(),
                    "webhook_callback_verification_pending", request.path("type").asText(), condition, callback,
                    clock.instant());
            created.put("version", request.path("version").asText());
            created.put("cost", 0);
            subscriptions.put(created.path("id").asText(), created);
        }
        ObjectNode response = JSON.createObjectNode();
        response.putArray("data").add(created.deepCopy());
        response.put("total", subscriptions.size()).put("total_cost", 0).put("max_total_cost", 10000);
        send(exchange, 202, json(response));
        ObjectNode forVerification = created.deepCopy();
        verifier.execute(() -> {
            FakeEventSubSender sender = FakeEventSubSender.to(URI.create(callback)).secret(secret).clock(clock)
                    .maxAttempts(1).build();
            boolean ok = sender.verify(forVerification).verified();
            synchronized (this) {
                ObjectNode s = subscriptions.get(created.path("id").asText());
                if (s != null) {
                    s.put("status", ok ? "enabled" : "webhook_callback_verification_failed");
                }
            }
        });
    }

    private void listSubscriptions(HttpExchange exchange, String query) throws IOException {
        Map<String, List<String>> params = params(query);
        String type = first(params, "type");
        String status = first(params, "status");
        String userId = first(params, "user_id");
        String after = first(params, "after");
        List<ObjectNode> matching = new ArrayList<>();
        int size;
        synchronized (this) {
            size = pageSize;
            for (ObjectNode s : subscriptions.values()) {
                boolean keep = (type.isEmpty() || s.path("type").asText().equals(type))
                        && (status.isEmpty() || s.path("status").asText().equals(status))
                        && (userId.isEmpty() || s.path("condition").toString().contains("\"" + userId + "\""));
                if (keep) {
                    matching.add(s.deepCopy());
                }
            }
        }
        int from = after.isEmpty() ? 0 : Integer.parseInt(after);
        int to = Math.min(matching.size(), from + size);
        ObjectNode response = JSON.createObjectNode();
        response.put("total", matching.size());
        ArrayNode data = response.putArray("data");
        matching.subList(Math.min(from, to), to).forEach(data::add);
        response.put("total_cost", 0).put("max_total_cost", 10000);
        ObjectNode pagination = response.putObject("pagination");
        if (to < matching.size()) {
            pagination.put("cursor", Integer.toString(to));
        }
        send(exchange, 200, json(response));
    }

    private void deleteSubscription(HttpExchange exchange, String query) throws IOException {
        String id = first(params(query), "id");
        if (id.isEmpty()) {
            send(exchange, 400, error(400, "Bad Request", "Missing required parameter \"id\""));
            return;
        }
        synchronized (this) {
            if (subscriptions.remove(id) == null) {
                send(exchange, 404, error(404, "Not Found", "subscription not found"));
                return;
            }
        }
        send(exchange, 204, new byte[0]);
    }

    /**
     * Sets the status of a subscription (for example a revocation reason) without telling anyone.
     *
     * @param id the subscription id
     * @param status the new status, such as {@code authorization_revoked}
     * @throws IllegalArgumentException when there is no subscription {@code id}
     */
    public synchronized void setSubscriptionStatus(String id, String status) {
        ObjectNode s = subscriptions.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no subscription " + id);
        }
        s.put("status", status);
    }

    private static Map<String, List<String>> params(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static JsonNode readJson(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }

    /** Helix's error body: {@code {"error":"Unauthorized","status":401,"message":"Invalid OAuth token"}}. */
    private static byte[] error(int status, String error, String message) {
        return json(JSON.createObjectNode().put("error", error).put("status", status).put("message", message));
    }

    private static byte[] json(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Configures a {@link FakeHelixApi}. */
    public static final class Builder {
        private String clientId = "fake-client-id";
        private String clientSecret = "fake-client-secret";
        private Clock clock = Clock.systemUTC();
        private int pointsPerMinute = 800;
        private Duration tokenLifetime = Duration.ofSeconds(5011271);

        private Builder() {}

        /**
         * The client id and secret the token endpoint accepts.
         *
         * @param id the client id; not null
         * @param secret the client secret; not null
         * @return this builder, for chaining
         */
        public Builder client(String id, String secret) {
            this.clientId = Objects.requireNonNull(id, "id");
            this.clientSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * The clock for rate-limit windows and timestamps; default the system clock.
         *
         * @param value the clock; not null
         * @return this builder, for chaining
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The rate-limit bucket size per minute; default 800, as Twitch gives an app access token.
         *
         * @param points the points per one-minute window, at least 1; each Helix request costs one
         * @return this builder, for chaining
         * @throws IllegalArgumentException when {@code points} is less than 1
         */
        public Builder pointsPerMinute(int points) {
            if (points < 1) {
                throw new IllegalArgumentException("points must be positive, was " + points);
            }
            this.pointsPerMinute = points;
            return this;
        }

        /**
         * The {@code expires_in} of issued tokens. The fake only reports it: tokens stay valid
         * until {@link FakeHelixApi#expireTokens()}.
         *
         * @param value the lifetime, sent in whole seconds; not null
         * @return this builder, for chaining
         */
        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = Objects.requireNonNull(value, "tokenLifetime");
            return this;
        }

        /**
         * Starts the fake on a free loopback port.
         *
         * @return the running fake; close it after the test
         * @throws IllegalStateException when no loopback port can be bound
         */
        public FakeHelixApi start() {
            try {
                return new FakeHelixApi(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the fake Helix API: " + e.getMessage(), e);
            }
        }
    }

    /**
     * When a test needs it: the current time of the fake's clock.
     *
     * @return the clock's current instant
     */
    public Instant now() {
        return clock.instant();
    }
}
