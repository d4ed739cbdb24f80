package dev.chorusbot.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.chorusbot.testkit.internal.LoopbackHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side: {@code POST /bot<token>/<method>} with JSON, form or query parameters, the token
 * check, injected failures, and the answer's envelope.
 */
final class BotApiServer {
    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)/?");

    private final String token;
    private final BotApiMethods methods;
    private final ApiRecorder recorder;
    private final LoopbackHttp server;
    private final Map<String, ArrayDeque<Failure>> failures = new HashMap<>();
    /** Held calls under way, released when the fake stops so its threads end. */
    private final Set<Failure.Held> holding = ConcurrentHashMap.newKeySet();

    BotApiServer(String token, BotApiMethods methods, ApiRecorder recorder) throws IOException {
        this.token = token;
        this.methods = methods;
        this.recorder = recorder;
        this.server = LoopbackHttp.startUnbounded("fake-telegram", this::serve);
    }

    URI url() {
        return server.url();
    }

    void failNext(String method, int times, Failure failure) {
        synchronized (failures) {
            ArrayDeque<Failure> queue = failures.computeIfAbsent(method, m -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.addLast(failure);
            }
        }
    }

    void stop() {
        holding.forEach(Failure.Held::release);
        server.stop();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                write(exchange, 404, TelegramJson.error(404, "Not Found", 0, null));
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            ObjectNode params = TelegramJson.object();
            String json = params(exchange, raw, params);
            String method = path.group(2);
            if (!path.group(1).equals(token)) {
                recorder.call(method, json, false, 401);
                write(exchange, 401, TelegramJson.error(401, "Unauthorized", 0, null));
                return;
            }
            Failure failure;
            synchronized (failures) {
                ArrayDeque<Failure> queue = failures.get(method);
                failure = queue == null ? null : queue.pollFirst();
            }
            if (failure instanceof Failure.Drop) {
                recorder.call(method, json, false, 0);
                return; // closing the exchange unanswered drops the connection
            }
            if (failure instanceof Failure.Error e) {
                recorder.call(method, json, false, e.status());
                write(exchange, e.status(), TelegramJson.error(e.status(), e.description(), e.retryAfter(), null));
                return;
            }
            if (failure instanceof Failure.Slow s) {
                sleep(s.delay());
            }
            if (failure instanceof Failure.Held held) {
                hold(held);
            }
            BotApiMethods.Answer answer = methods.execute(method, params, json, false);
            write(exchange, answer.status(), answer.body());
        }
    }

    /**
     * Fills {@code params} from the query string and the body, and returns the call's JSON as
     * recorded: the body as sent when it alone carried the parameters as a JSON object.
     */
    private static String params(HttpExchange exchange, byte[] raw, ObjectNode params) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            form(query, params);
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (raw.length > 0) {
            if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
                form(new String(raw, StandardCharsets.UTF_8), params);
            } else {
                try {
                    JsonNode body = TelegramJson.read(raw);
                    if (body != null && body.isObject()) {
                        params.setAll((ObjectNode) body);
                        if (query == null) {
                            return new String(raw, StandardCharsets.UTF_8);
                        }
                    }
                } catch (IOException e) {
                    params.put("_malformed", true);
                }
            }
        }
        return params.toString();
    }

    private static void form(String text, ObjectNode params) {
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                JsonNode parsed = value.startsWith("{") || value.startsWith("[")
                        ? TelegramJson.read(value).orElse(null) : null;
                if (parsed != null) {
                    params.set(name, parsed);
                } else {
                    params.put(name, value);
                }
            }
        }
    }

    private static void write(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        LoopbackHttp.sendJson(exchange, status, TelegramJson.bytes(body));
    }

    private void hold(Failure.Held held) {
        holding.add(held);
        try {
            // Bounded, so a test that forgets to release cannot keep the thread forever.
            held.released().await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            holding.remove(held);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis()); // an injected slow answer: the delay is the point
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
