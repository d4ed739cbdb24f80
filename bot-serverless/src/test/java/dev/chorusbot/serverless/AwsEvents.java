package dev.chorusbot.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * AWS HTTP events for tests, built from the documented examples in {@code src/test/resources/aws}
 * (payload format 2.0 for HTTP APIs and function URLs, 1.0 for REST APIs) with a given body and
 * headers, as API Gateway or the function URL service would fill them in.
 */
final class AwsEvents {
    static final String HTTP_API_V2 = "aws/http-api-v2.json";
    static final String FUNCTION_URL = "aws/function-url.json";
    static final String REST_API_V1 = "aws/rest-api-v1.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsEvents() {}

    static ObjectNode template(String resource) {
        try (InputStream in = AwsEvents.class.getClassLoader().getResourceAsStream(resource)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event for a POST of {@code body}; {@code base64} sends it base64-encoded. */
    static ObjectNode event(String resource, String body, Map<String, String> headers, boolean base64) {
        ObjectNode event = template(resource);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (event.has("version")) {
            // Format 2.0: header names arrive in lower case.
            ObjectNode target = (ObjectNode) event.get("headers");
            headers.forEach((name, value) -> target.put(name.toLowerCase(Locale.ROOT), value));
            target.put("content-length", Integer.toString(bytes.length));
        } else {
            ObjectNode single = (ObjectNode) event.get("headers");
            ObjectNode multi = (ObjectNode) event.get("multiValueHeaders");
            headers.forEach((name, value) -> {
                single.put(name, value);
                multi.putArray(name).add(value);
            });
        }
        event.put("body", base64 ? Base64.getEncoder().encodeToString(bytes) : body);
        event.put("isBase64Encoded", base64);
        return event;
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
