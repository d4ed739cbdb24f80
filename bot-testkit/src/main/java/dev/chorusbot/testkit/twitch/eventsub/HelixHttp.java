package dev.chorusbot.testkit.twitch.eventsub;

import com.sun.net.httpserver.HttpExchange;
import dev.chorusbot.testkit.internal.LoopbackHttp;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query strings, forms and answers as Helix writes them. */
final class HelixHttp {
    private HelixHttp() {}

    static Map<String, List<String>> params(String query) {
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

    static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    static String reasonPhrase(int status) {
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
    static byte[] error(int status, String error, String message) {
        return EventSubJson.bytes(EventSubJson.object().put("error", error).put("status", status).put("message", message));
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        LoopbackHttp.sendJson(exchange, status, body);
    }
}
