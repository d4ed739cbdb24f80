package dev.chorusbot.serverless.internal;

import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP invocation of a Yandex Cloud Function, as the Java runtime hands it to a {@code
 * java.util.function.Function<Map<String, Object>, Map<String, Object>>} handler (Yandex Cloud
 * Functions documentation, "Invoking a function", request and response structure).
 *
 * <p>Request: {@code httpMethod}, {@code headers} (last value of each header), {@code
 * multiValueHeaders} (all values), {@code queryStringParameters}, {@code requestContext}, {@code
 * body} (a string) and {@code isBase64Encoded}; no path. Through Yandex API Gateway (documentation
 * "x-yc-apigateway-integration:cloud_functions extension") the path is added: payload format 0.1
 * (the default) carries the request's path in {@code url} and the specification's path it matched
 * (a template such as {@code /{platform}}) in {@code path}; format 1.0 carries the request's path
 * in {@code path} and the template in {@code resource}.
 * Response: {@code statusCode}, {@code headers}, {@code multiValueHeaders}, {@code body} and
 * {@code isBase64Encoded}.
 */
public final class YandexHttpEvents {
    private YandexHttpEvents() {}

    /**
     * The webhook request in an invocation.
     *
     * @throws NotAnHttpInvocationException when the invocation is not an HTTP call (a trigger, or a
     *     call with {@code ?integration=raw})
     * @throws IllegalArgumentException when the body is flagged base64 but is not
     */
    public static WebhookRequest decode(Map<String, Object> event) {
        Object method = event == null ? null : event.get("httpMethod");
        if (!(method instanceof String name) || name.isBlank()) {
            throw new NotAnHttpInvocationException("the function was not invoked over HTTP (the event has no"
                    + " \"httpMethod\"): call it through its HTTPS URL or an API Gateway, without ?integration=raw");
        }
        Map<String, List<String>> headers = new TreeMap<>();
        if (event.get("multiValueHeaders") instanceof Map<?, ?> multi) {
            multi.forEach((key, value) -> add(headers, key, value));
        }
        // "headers" repeats the last value of each header; use it only for names not seen yet.
        if (event.get("headers") instanceof Map<?, ?> single) {
            single.forEach((key, value) -> {
                if (key != null && !headers.containsKey(key.toString().toLowerCase(Locale.ROOT))) {
                    add(headers, key, value);
                }
            });
        }
        Object body = event.get("body");
        byte[] bytes = EventBodies.decode(body == null ? null : body.toString(), flag(event.get("isBase64Encoded")));
        return new WebhookRequest(name, path(event), headers, bytes);
    }

    /**
     * The request's path: {@code url} where API Gateway sent one (format 0.1, whose {@code path} is
     * the specification's template), else {@code path} (format 1.0), else {@code /} (a direct call
     * carries none).
     */
    private static String path(Map<String, Object> event) {
        for (String field : new String[] {"url", "path"}) {
            if (event.get(field) instanceof String value && value.startsWith("/")) {
                int query = value.indexOf('?');
                return query < 0 ? value : value.substring(0, query);
            }
        }
        return "/";
    }

    /** The response map the runtime turns into the HTTP answer. */
    public static Map<String, Object> encode(WebhookResponse response) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", response.status());
        out.put("headers", new LinkedHashMap<>(response.headers()));
        Map<String, List<String>> multi = new LinkedHashMap<>();
        response.headers().forEach((name, value) -> multi.put(name, List.of(value)));
        out.put("multiValueHeaders", multi);
        EventBodies.Encoded body = EventBodies.encode(response);
        out.put("body", body.body());
        out.put("isBase64Encoded", body.base64());
        return out;
    }

    private static void add(Map<String, List<String>> headers, Object key, Object value) {
        if (key == null) {
            return;
        }
        List<String> values = headers.computeIfAbsent(key.toString().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
        if (value instanceof List<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (value != null) {
            values.add(value.toString());
        }
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /** The invocation is not an HTTP call. */
    public static final class NotAnHttpInvocationException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotAnHttpInvocationException(String message) {
            super(message);
        }
    }
}
