package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a {@link WebhookRequest}.
 *
 * @param status the HTTP status code
 * @param headers response headers (for example {@code Content-Type})
 * @param body the body bytes (may be empty)
 */
public record WebhookResponse(int status, Map<String, String> headers, byte[] body) {

    private static final byte[] EMPTY = new byte[0];

    /**
     * Validates and copies the components.
     *
     * @param status the HTTP status code, 100 to 599
     * @param headers response headers; copied
     * @param body the body bytes, empty for no body
     * @throws IllegalArgumentException if the status is outside 100 to 599
     * @throws NullPointerException if {@code headers} or {@code body} is {@code null}
     */
    public WebhookResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status code, was " + status);
        }
        headers = Map.copyOf(notNull(headers, "headers"));
        notNull(body, "body");
    }

    /**
     * 200 with an empty body.
     *
     * @return a 200 response without headers or body
     */
    public static WebhookResponse ok() {
        return new WebhookResponse(200, Map.of(), EMPTY);
    }

    /**
     * 200 with a JSON body.
     *
     * @param json the UTF-8 encoded JSON document to send
     * @return a 200 response with {@code Content-Type: application/json}
     */
    public static WebhookResponse json(byte[] json) {
        return new WebhookResponse(200, Map.of("Content-Type", "application/json"), json);
    }

    /**
     * The given status with a short plain-text body.
     *
     * @param status the HTTP status code, 100 to 599
     * @param text the body, sent as UTF-8
     * @return a response with {@code Content-Type: text/plain; charset=utf-8}
     */
    public static WebhookResponse text(int status, String text) {
        return new WebhookResponse(
                status,
                Map.of("Content-Type", "text/plain; charset=utf-8"),
                text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the body as text; empty when there is no body
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookResponse that
                && status == that.status
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "WebhookResponse[" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
    }
}
