package dev.chorusbot.serverless.internal;

import dev.chorusbot.core.webhook.WebhookResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Bodies in cloud HTTP events. AWS (API Gateway, Function URLs) and Yandex Cloud Functions both
 * carry the body as a JSON string with an {@code isBase64Encoded} flag: binary bodies travel as
 * base64, text as is.
 */
public final class EventBodies {
    private EventBodies() {}

    /** A response body as the event JSON carries it. */
    public record Encoded(String body, boolean base64) {}

    /**
     * The raw bytes of a request body.
     *
     * @param body the event's body string, null when the request had none
     * @param base64 the event's {@code isBase64Encoded}
     * @throws IllegalArgumentException when {@code base64} is set and the body is not base64
     */
    public static byte[] decode(String body, boolean base64) {
        if (body == null || body.isEmpty()) {
            return new byte[0];
        }
        if (!base64) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the event says the body is base64, but it is not: " + e.getMessage());
        }
    }

    /**
     * A response body for the event JSON: textual content types (JSON, text, XML) that are valid
     * UTF-8 travel as text so logs and consoles show them; anything else as base64.
     */
    public static Encoded encode(WebhookResponse response) {
        byte[] body = response.body();
        if (body.length == 0) {
            return new Encoded("", false);
        }
        if (isTextual(contentType(response.headers()))) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body))
                        .toString();
                return new Encoded(text, false);
            } catch (CharacterCodingException e) {
                // declared as text but is not UTF-8: fall through to base64 so no byte is changed
            }
        }
        return new Encoded(Base64.getEncoder().encodeToString(body), true);
    }

    private static String contentType(Map<String, String> headers) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                return header.getValue().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static boolean isTextual(String contentType) {
        return contentType.startsWith("text/")
                || contentType.startsWith("application/json")
                || contentType.contains("+json")
                || contentType.startsWith("application/xml")
                || contentType.contains("+xml");
    }
}
