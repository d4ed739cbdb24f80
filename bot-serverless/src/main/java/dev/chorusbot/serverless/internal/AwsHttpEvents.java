package dev.chorusbot.serverless.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP events AWS Lambda receives, and the responses it expects back.
 *
 * <p>Two payload shapes exist (AWS Lambda developer guide, "Using Lambda with API Gateway" and
 * "Lambda function URLs"; API Gateway developer guide, "payload format version"):
 * <ul>
 *   <li>Version 2.0: HTTP APIs with payload format 2.0 and Lambda function URLs. {@code "version":
 *       "2.0"}, the method in {@code requestContext.http.method}, the path in {@code rawPath},
 *       header names in lower case with repeated values joined by commas, cookies in a separate
 *       {@code cookies} array. Answer: {@code statusCode}, {@code headers}, {@code body},
 *       {@code isBase64Encoded}.
 *   <li>Version 1.0: REST APIs, and HTTP APIs with payload format 1.0. {@code httpMethod},
 *       {@code path}, {@code headers} (last value wins) and {@code multiValueHeaders} (all values),
 *       names as the client sent them. Answer: {@code statusCode}, {@code headers},
 *       {@code multiValueHeaders}, {@code body}, {@code isBase64Encoded}.
 * </ul>
 * Both carry the body as a string, base64 when {@code isBase64Encoded} is true.
 */
public final class AwsHttpEvents {
    private AwsHttpEvents() {}

    /** Which payload format an event came in, and so which one the answer must use. */
    public enum Format {
        /** Payload format 2.0: HTTP APIs and function URLs. */
        V2,
        /** Payload format 1.0: REST APIs and HTTP APIs set to 1.0. */
        V1
    }

    /** An event turned into a webhook request, with the format to answer in. */
    public record Decoded(Format format, WebhookRequest request) {}

    /**
     * Reads an HTTP event.
     *
     * @throws NotAnHttpEventException when the event has neither shape (a test event from the
     *     console, or a trigger that is not HTTP)
     * @throws IllegalArgumentException when the body is flagged base64 but is not
     */
    public static Decoded decode(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new NotAnHttpEventException("the Lambda event is not a JSON object");
        }
        if ("2.0".equals(text(event, "version")) && event.path("requestContext").has("http")) {
            return new Decoded(Format.V2, decodeV2(event));
        }
        if (text(event, "httpMethod") != null) {
            return new Decoded(Format.V1, decodeV1(event));
        }
        throw new NotAnHttpEventException("the Lambda event is not an HTTP event (it has neither \"version\": \"2.0\""
                + " nor \"httpMethod\"): invoke the function through a function URL, an API Gateway HTTP API"
                + " or a REST API");
    }

    /** The format to answer {@code event} in, read from its {@code version} alone (for error answers). */
    public static Format formatOf(JsonNode event) {
        return event != null && "2.0".equals(text(event, "version")) ? Format.V2 : Format.V1;
    }

    /** The answer object for a response, in the event's format. */
    public static ObjectNode encode(Format format, WebhookResponse response) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("statusCode", response.status());
        ObjectNode headers = out.putObject("headers");
        response.headers().forEach(headers::put);
        if (format == Format.V1) {
            ObjectNode multi = out.putObject("multiValueHeaders");
            response.headers().forEach((name, value) -> multi.putArray(name).add(value));
        }
        EventBodies.Encoded body = EventBodies.encode(response);
        out.put("body", body.body());
        out.put("isBase64Encoded", body.base64());
        return out;
    }

    private static WebhookRequest decodeV2(JsonNode event) {
        String method = text(event.path("requestContext").path("http"), "method");
        String path = text(event, "rawPath");
        if (path == null) {
            path = text(event.path("requestContext").path("http"), "path");
        }
        Map<String, List<String>> headers = new TreeMap<>();
        for (Map.Entry<String, JsonNode> header : event.path("headers").properties()) {
            add(headers, header.getKey(), header.getValue());
        }
        JsonNode cookies = event.path("cookies");
        if (cookies.isArray() && !cookies.isEmpty()) {
            // Version 2.0 moves Cookie headers out of "headers"; put them back as one header.
            List<String> values = new ArrayList<>();
            cookies.forEach(cookie -> values.add(cookie.asText()));
            headers.put("cookie", List.of(String.join("; ", values)));
        }
        byte[] body = EventBodies.decode(text(event, "body"), event.path("isBase64Encoded").asBoolean(false));
        return new WebhookRequest(method == null ? "GET" : method, path == null ? "/" : path, headers, body);
    }

    private static WebhookRequest decodeV1(JsonNode event) {
        Map<String, List<String>> headers = new TreeMap<>();
        JsonNode multi = event.path("multiValueHeaders");
        for (Map.Entry<String, JsonNode> header : multi.properties()) {
            add(headers, header.getKey(), header.getValue());
        }
        // "headers" repeats the last value of each multi-value header; use it only for names the
        // multi-value map lacks (test events often carry only "headers").
        for (Map.Entry<String, JsonNode> header : event.path("headers").properties()) {
            if (!headers.containsKey(header.getKey().toLowerCase(Locale.ROOT))) {
                add(headers, header.getKey(), header.getValue());
            }
        }
        String path = text(event, "path");
        byte[] body = EventBodies.decode(text(event, "body"), event.path("isBase64Encoded").asBoolean(false));
        return new WebhookRequest(text(event, "httpMethod"), path == null ? "/" : path, headers, body);
    }

    private static void add(Map<String, List<String>> headers, String name, JsonNode value) {
        List<String> values = headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
        if (value.isArray()) {
            value.forEach(v -> values.add(v.asText()));
        } else if (!value.isNull()) {
            values.add(value.asText());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The event is not an HTTP event of either format. */
    public static final class NotAnHttpEventException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotAnHttpEventException(String message) {
            super(message);
        }
    }
}
