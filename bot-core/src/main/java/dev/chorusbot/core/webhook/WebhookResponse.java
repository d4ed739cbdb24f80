package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The answer to a {@link WebhookRequest}.
 *
 * <p>An answer that carries work the platform does for the bot (Telegram's {@code
 * {"method":"sendMessage",…}}) has a {@link Fallback}: what the endpoint does instead when the
 * answer never reaches the caller. A host that fails to write an answer calls {@link
 * #undelivered(IOException)}; the embedded {@link WebhookServer} and the Google entry point do.
 *
 * @param status the HTTP status code
 * @param headers response headers (for example {@code Content-Type})
 * @param body the body bytes (may be empty)
 * @param fallback what the endpoint does when this answer cannot be written; {@link Fallback#NONE}
 *     for an answer that carries nothing the bot would miss
 */
@Api(Api.Status.EXPERIMENTAL)
public record WebhookResponse(int status, Map<String, String> headers, byte[] body, Fallback fallback) {

    private static final byte[] EMPTY = new byte[0];

    /**
     * What an endpoint does when the answer it gave could not be written to the caller, such as
     * sending the reply the answer carried through the platform's API.
     */
    @FunctionalInterface
    public interface Fallback {
        /** Nothing to do: the answer carried nothing the bot would miss. */
        Fallback NONE = cause -> CompletableFuture.completedFuture(null);

        /**
         * Runs the fallback; called at most once per answer, by the host that failed to write it.
         *
         * @param cause why the answer could not be written, such as a connection reset by the caller
         * @return completes when the fallback is done (a serverless host waits for it before it
         *     returns, because the process may be frozen right after)
         */
        CompletableFuture<Void> run(IOException cause);
    }

    /**
     * Validates and copies the components.
     *
     * @param status the HTTP status code, 100 to 599
     * @param headers response headers; copied
     * @param body the body bytes, empty for no body
     * @param fallback what the endpoint does when this answer cannot be written
     * @throws IllegalArgumentException if the status is outside 100 to 599
     * @throws NullPointerException if {@code headers}, {@code body} or {@code fallback} is {@code null}
     */
    public WebhookResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status code, was " + status);
        }
        headers = Map.copyOf(notNull(headers, "headers"));
        notNull(body, "body");
        notNull(fallback, "fallback");
    }

    /**
     * An answer without a fallback.
     *
     * @param status the HTTP status code, 100 to 599
     * @param headers response headers; copied
     * @param body the body bytes, empty for no body
     * @throws IllegalArgumentException if the status is outside 100 to 599
     * @throws NullPointerException if {@code headers} or {@code body} is {@code null}
     */
    public WebhookResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, Fallback.NONE);
    }

    /**
     * This answer with {@code action} run when it cannot be written to the caller.
     *
     * @param action what the endpoint does instead, such as sending the carried reply through the
     *     platform's API; not null
     * @return a copy of this answer with the fallback
     * @throws NullPointerException if {@code action} is null
     */
    public WebhookResponse withFallback(Fallback action) {
        return new WebhookResponse(status, headers, body, action);
    }

    /**
     * Tells the endpoint that this answer could not be written to the caller: the connection failed
     * or was closed before the answer's last byte was handed to the network. A host calls it at most
     * once per answer, and only when it knows the caller cannot have read the whole answer (a failure
     * after the last byte left is not reported: the caller may have read it, and the fallback would
     * then do the work twice).
     *
     * @param cause why the answer could not be written
     * @return completes when the endpoint's fallback is done; a host that may be frozen after the
     *     request (a cloud function) waits for it, a long-running host need not
     * @throws NullPointerException if {@code cause} is null
     */
    public CompletableFuture<Void> undelivered(IOException cause) {
        return fallback.run(notNull(cause, "cause"));
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

    /**
     * Equal when status, headers and body are; the fallback is not compared.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an answer with the same status, headers and body
     */
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
        return "WebhookResponse[" + status + ", headers=" + headers + ", body=" + body.length + " bytes"
                + (fallback == Fallback.NONE ? "" : ", with a fallback") + "]";
    }
}
