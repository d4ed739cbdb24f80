package dev.chorusbot.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.chorusbot.testkit.internal.LoopbackHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of {@link FakeDiscordApi}: routing under {@code /api/v10}, the token check, the
 * global limit and the per-route buckets with their headers, injected failures, and what each
 * route does. State is guarded by this object.
 */
final class DiscordApiServer {
    static final String BASE = "/api/v10";
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/channels/([0-9]+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/channels/([0-9]+)/messages/([0-9]+)");
    private static final Pattern COMMANDS = Pattern.compile("/applications/([0-9]+)(?:/guilds/([0-9]+))?/commands");
    private static final Pattern FOLLOW_UP = Pattern.compile("/webhooks/([0-9]+)/([^/]+)");
    private static final Pattern ORIGINAL = Pattern.compile("/webhooks/([0-9]+)/([^/]+)/messages/@original");
    private static final Pattern CALLBACK = Pattern.compile("/interactions/([0-9]+)/([^/]+)/callback");
    private static final long SECOND = 1_000_000_000L;

    /** What the next call is answered with instead of its work. */
    sealed interface Failure {
        /** A 429. */
        record RateLimited(Duration retryAfter, boolean global) implements Failure {}

        /** An error answer with Discord's JSON body. */
        record ApiError(int status, int code, String message) implements Failure {}

        /** A 5xx without Discord's body, as a proxy in front of Discord gives it. */
        record ServerError(int status) implements Failure {}
    }

    private final FakeDiscordApi.Builder settings;
    private final LoopbackHttp server;
    private final ArrayDeque<Failure> failures = new ArrayDeque<>();
    private final ArrayDeque<Long> globalWindow = new ArrayDeque<>();
    private final Map<String, long[]> buckets = new HashMap<>(); // key -> {windowStart, count}
    private final Map<String, JsonNode> byNonce = new HashMap<>();
    private final Map<String, String> commandIds = new HashMap<>();
    private final Map<String, List<RegisteredCommand>> commands = new LinkedHashMap<>();
    private final java.util.Set<String> answeredInteractions = new java.util.HashSet<>();
    final List<DiscordCall> calls = new ArrayList<>();
    final List<SentDiscordMessage> messages = new ArrayList<>();
    final List<SentDiscordMessage> edits = new ArrayList<>();
    final List<SentDiscordMessage> followUps = new ArrayList<>();
    final List<SentDiscordMessage> originalEdits = new ArrayList<>();
    final List<InteractionCallback> callbacks = new ArrayList<>();
    final List<String> originalDeletes = new ArrayList<>();
    int rateLimitViolations;
    int globalLimitViolations;
    private long nextId = 1_300_000_000_000_000_000L;

    DiscordApiServer(FakeDiscordApi.Builder settings) throws IOException {
        this.settings = settings;
        this.server = LoopbackHttp.startUnbounded("fake-discord", this::serve);
    }

    URI url() {
        return URI.create(server.url() + BASE);
    }

    void stop() {
        server.stop();
    }

    synchronized void fail(Failure failure, int times) {
        for (int i = 0; i < times; i++) {
            failures.addLast(failure);
        }
    }

    synchronized List<RegisteredCommand> commands(Optional<String> guild) {
        return List.copyOf(commands.getOrDefault(guild.orElse(""), List.of()));
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrived = System.nanoTime();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String full = exchange.getRequestURI().getRawPath();
            String path = full.startsWith(BASE) ? full.substring(BASE.length()) : full;
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean authorized = ("Bot " + settings.token).equals(auth);
            String agent = Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse("");
            Answer answer;
            synchronized (this) {
                answer = answer(method, path, raw, auth, authorized, arrived);
                calls.add(new DiscordCall(method, path, new String(raw, StandardCharsets.UTF_8), authorized, agent,
                        Instant.now(), arrived, answer.status));
                notifyAll();
            }
            answer.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (answer.body == null) {
                exchange.sendResponseHeaders(answer.status, -1);
            } else if (answer.html) {
                byte[] page = ("<html><head><title>" + answer.status + "</title></head><body>upstream error</body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(answer.status, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            } else {
                LoopbackHttp.sendJson(exchange, answer.status, DiscordJson.bytes(answer.body));
            }
        }
    }

    /** An answer: status, headers and a JSON body (null for none; an HTML page when {@code html}). */
    private static final class Answer {
        final int status;
        final JsonNode body;
        final Map<String, String> headers = new LinkedHashMap<>();
        boolean html;

        Answer(int status, JsonNode body) {
            this.status = status;
            this.body = body;
        }
    }

    private Answer answer(String method, String path, byte[] raw, String auth, boolean authorized, long now) {
        boolean interaction = path.startsWith("/webhooks/") || path.startsWith("/interactions/");
        if (!interaction && !authorized) {
            // Discord: a missing or wrong bot token is 401 with this body.
            return new Answer(401, DiscordJson.error(0, "401: Unauthorized"));
        }
        if (!interaction) {
            // Rate Limits, "Global Rate Limit": 50 requests per second per bot.
            while (!globalWindow.isEmpty() && now - globalWindow.peekFirst() >= SECOND) {
                globalWindow.pollFirst();
            }
            if (globalWindow.size() >= settings.globalLimit) {
                globalLimitViolations++;
                long retry = globalWindow.peekFirst() + SECOND - now;
                return rateLimited(retry, true, "global");
            }
            globalWindow.addLast(now);
        }
        Failure failure = failures.pollFirst();
        if (failure instanceof Failure.RateLimited r) {
            return rateLimited(r.retryAfter().toNanos(), r.global(), r.global() ? "global" : "user");
        }
        if (failure instanceof Failure.ApiError e) {
            return new Answer(e.status(), DiscordJson.error(e.code(), e.message()));
        }
        if (failure instanceof Failure.ServerError s) {
            Answer a = new Answer(s.status(), DiscordJson.object());
            a.html = true;
            return a;
        }
        JsonNode body = DiscordJson.read(raw);
        if (raw.length > 0 && body == null) {
            return new Answer(400, DiscordJson.error(50109, "The request body contains invalid JSON."));
        }
        if (method.equals("GET") && path.equals("/gateway/bot")) {
            return new Answer(200, gatewayBot());
        }
        if (method.equals("GET") && path.equals("/users/@me")) {
            // Get Current User: the bot's own user object.
            return new Answer(200, DiscordJson.object().put("id", settings.applicationId)
                    .put("username", settings.botName).put("discriminator", "0").putNull("global_name")
                    .putNull("avatar").put("bot", true).put("verified", true).put("mfa_enabled", false)
                    .put("flags", 0));
        }
        Matcher create = CHANNEL_MESSAGES.matcher(path);
        if (method.equals("POST") && create.matches()) {
            return limited("messages", create.group(1), now, () -> createMessage(create.group(1), body, raw));
        }
        Matcher edit = CHANNEL_MESSAGE.matcher(path);
        if (method.equals("PATCH") && edit.matches()) {
            return limited("edits", edit.group(1), now, () -> edit(edit.group(1), edit.group(2), body, raw));
        }
        Matcher m;
        if ((m = COMMANDS.matcher(path)).matches() && (method.equals("PUT") || method.equals("GET"))) {
            if (!m.group(1).equals(settings.applicationId)) {
                return new Answer(403, DiscordJson.error(20012,
                        "You are not authorized to perform this action on this application"));
            }
            return method.equals("PUT") ? putCommands(Optional.ofNullable(m.group(2)), body)
                    : new Answer(200, commandArray(Optional.ofNullable(m.group(2))));
        }
        if (method.equals("DELETE") && (m = ORIGINAL.matcher(path)).matches()) {
            // Delete Original Interaction Response: 204 No Content.
            originalDeletes.add(m.group(2));
            return new Answer(204, null);
        }
        if (method.equals("PATCH") && (m = ORIGINAL.matcher(path)).matches()) {
            return webhookMessage(originalEdits, "@original", m.group(2), body, raw, true);
        }
        if (method.equals("POST") && (m = FOLLOW_UP.matcher(path)).matches()) {
            return webhookMessage(followUps, Long.toString(nextId++), m.group(2), body, raw, false);
        }
        if (method.equals("POST") && (m = CALLBACK.matcher(path)).matches()) {
            return callback(m.group(1), m.group(2), body, raw);
        }
        return new Answer(404, DiscordJson.error(0, "404: Not Found"));
    }

    private Answer rateLimited(long retryNanos, boolean global, String scope) {
        double seconds = Math.max(0.001, retryNanos / 1e9);
        Answer a = new Answer(429, DiscordJson.object().put("message", "You are being rate limited.")
                .put("retry_after", round(seconds)).put("global", global));
        a.headers.put("Retry-After", Long.toString((long) Math.ceil(seconds)));
        if (global) {
            a.headers.put("X-RateLimit-Global", "true");
        }
        a.headers.put("X-RateLimit-Scope", scope);
        return a;
    }

    /** Runs {@code work} within the bucket {@code name} of {@code major}, with the bucket's headers. */
    private Answer limited(String name, String major, long now, java.util.function.Supplier<Answer> work) {
        long window = settings.bucketWindow.toNanos();
        long[] state = buckets.computeIfAbsent(name + " " + major, k -> new long[] {now, 0});
        if (now - state[0] >= window) {
            state[0] = now;
            state[1] = 0;
        }
        long resetAfter = state[0] + window - now;
        Answer a;
        if (state[1] >= settings.bucketLimit) {
            rateLimitViolations++;
            a = rateLimited(resetAfter, false, "user");
        } else {
            state[1]++;
            a = work.get();
        }
        a.headers.put("X-RateLimit-Limit", Integer.toString(settings.bucketLimit));
        a.headers.put("X-RateLimit-Remaining", Long.toString(settings.bucketLimit - state[1]));
        double after = resetAfter / 1e9;
        a.headers.put("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f",
                System.currentTimeMillis() / 1000.0 + after));
        a.headers.put("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", after));
        a.headers.put("X-RateLimit-Bucket", Integer.toHexString((name + settings.applicationId).hashCode()) + "0a1b2c3d");
        return a;
    }

    private static double round(double seconds) {
        return Math.ceil(seconds * 1000) / 1000;
    }

    private JsonNode gatewayBot() {
        ObjectNode g = DiscordJson.object();
        g.put("url", settings.gatewayUrl.toString());
        g.put("shards", settings.shards);
        g.putObject("session_start_limit").put("total", settings.sessionsTotal)
                .put("remaining", settings.sessionsRemaining).put("reset_after", settings.sessionsResetAfter.toMillis())
                .put("max_concurrency", settings.maxConcurrency);
        return g;
    }

    private Answer createMessage(String channel, JsonNode body, byte[] raw) {
        ObjectNode problem = DiscordJson.problem(body, false);
        if (problem != null) {
            return new Answer(400, problem);
        }
        String nonce = body.path("nonce").asText("");
        if (!nonce.isEmpty() && body.path("enforce_nonce").asBoolean(false) && byNonce.containsKey(channel + nonce)) {
            // Create Message: with enforce_nonce, the message already created for the nonce is returned.
            return new Answer(200, byNonce.get(channel + nonce));
        }
        String id = Long.toString(nextId++);
        ObjectNode message = message(id, channel, body);
        if (!nonce.isEmpty()) {
            message.put("nonce", nonce);
            byNonce.put(channel + nonce, message);
        }
        messages.add(sent(id, channel, Optional.empty(), body, raw));
        return new Answer(200, message);
    }

    private Answer edit(String channel, String id, JsonNode body, byte[] raw) {
        ObjectNode problem = DiscordJson.problem(body, true);
        if (problem != null) {
            return new Answer(400, problem);
        }
        edits.add(sent(id, channel, Optional.empty(), body, raw));
        ObjectNode message = message(id, channel, body);
        message.put("edited_timestamp", Instant.now().toString());
        return new Answer(200, message);
    }

    private Answer webhookMessage(List<SentDiscordMessage> into, String id, String token, JsonNode body, byte[] raw,
            boolean edit) {
        ObjectNode problem = DiscordJson.problem(body, edit);
        if (problem != null) {
            return new Answer(400, problem);
        }
        into.add(sent(id, "", Optional.of(token), body, raw));
        return new Answer(200, message(id.equals("@original") ? Long.toString(nextId++) : id, "0", body));
    }

    private Answer callback(String interaction, String token, JsonNode body, byte[] raw) {
        if (body == null || !body.has("type")) {
            return new Answer(400, DiscordJson.formError(List.of("type"), "BASE_TYPE_REQUIRED",
                    "This field is required"));
        }
        if (!answeredInteractions.add(interaction)) {
            return new Answer(400, DiscordJson.error(40060, "Interaction has already been acknowledged."));
        }
        JsonNode data = body.path("data");
        callbacks.add(new InteractionCallback(interaction, token, body.path("type").asInt(), data.path("content").asText(""),
                data.path("flags").asInt(0), DiscordJson.buttons(data.path("components")),
                new String(raw, StandardCharsets.UTF_8)));
        return new Answer(204, null);
    }

    private Answer putCommands(Optional<String> guild, JsonNode body) {
        if (body == null || !body.isArray()) {
            return new Answer(400, DiscordJson.formError(List.of(), "BASE_TYPE_ARRAY", "Must be an array."));
        }
        List<RegisteredCommand> set = new ArrayList<>();
        for (JsonNode command : body) {
            String name = command.path("name").asText("");
            String key = guild.orElse("") + "/" + name;
            String id = commandIds.computeIfAbsent(key, k -> Long.toString(nextId++));
            set.add(new RegisteredCommand(id, name, command.path("description").asText(""), guild, command.toString()));
        }
        // PUT replaces the whole set: commands left out are deleted.
        commands.put(guild.orElse(""), List.copyOf(set));
        return new Answer(200, commandArray(guild));
    }

    private ArrayNode commandArray(Optional<String> guild) {
        ArrayNode array = DiscordJson.MAPPER.createArrayNode();
        for (RegisteredCommand c : commands.getOrDefault(guild.orElse(""), List.of())) {
            ObjectNode o = (ObjectNode) DiscordJson.read(c.json().getBytes(StandardCharsets.UTF_8));
            o.put("id", c.id()).put("application_id", settings.applicationId).put("version", c.id());
            guild.ifPresent(g -> o.put("guild_id", g));
            array.add(o);
        }
        return array;
    }

    private ObjectNode message(String id, String channel, JsonNode body) {
        ObjectNode m = DiscordJson.object();
        m.put("id", id);
        m.put("channel_id", channel);
        boolean reply = body.path("message_reference").has("message_id");
        m.put("type", reply ? 19 : 0); // 19: REPLY
        m.put("content", body.path("content").asText(""));
        ObjectNode author = m.putObject("author");
        author.put("id", settings.applicationId).put("username", settings.botName).putNull("global_name")
                .put("discriminator", "0").put("bot", true);
        m.put("timestamp", Instant.now().toString());
        m.putNull("edited_timestamp");
        m.put("tts", false).put("mention_everyone", false);
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.put("pinned", false);
        m.put("flags", body.path("flags").asInt(0));
        m.set("components", body.path("components").isArray() ? body.get("components")
                : DiscordJson.MAPPER.createArrayNode());
        if (reply) {
            m.putObject("message_reference").put("type", 0)
                    .put("message_id", body.path("message_reference").path("message_id").asText())
                    .put("channel_id", channel);
        }
        return m;
    }

    private static SentDiscordMessage sent(String id, String channel, Optional<String> token, JsonNode body,
            byte[] raw) {
        JsonNode ref = body.path("message_reference").path("message_id");
        return new SentDiscordMessage(id, channel, token, body.path("content").asText(""),
                ref.isMissingNode() || ref.isNull() ? Optional.empty() : Optional.of(ref.asText()),
                DiscordJson.buttons(body.path("components")), body.path("flags").asInt(0),
                new String(raw, StandardCharsets.UTF_8));
    }
}
