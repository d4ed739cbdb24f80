package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.Api;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request to a webhook, independent of the server that received it: the embedded
 * {@link WebhookServer}, a cloud function, or a servlet container.
 *
 * @param method the HTTP method in upper case
 * @param path the request path without query string, such as {@code /telegram}
 * @param headers header names in lower case mapped to their values
 * @param body the raw body bytes (may be empty)
 */
@Api(Api.Status.EXPERIMENTAL)
public record WebhookRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {

    /**
     * Validates the components; header names are folded to lower case.
     *
     * @param method the HTTP method in any case; stored in upper case
     * @param path the request path without query string
     * @param headers header names in any case mapped to their values; a {@code null} name (the
     *     JDK server's status line) is dropped
     * @param body the raw body bytes, empty when there is no body
     * @throws NullPointerException if any component is {@code null}
     */
    public WebhookRequest {
        method = notNull(method, "method").toUpperCase(Locale.ROOT);
        notNull(path, "path");
        notNull(body, "body");
        if (!(notNull(headers, "headers") instanceof FoldedHeaders)) { // the embedded host's are folded already
            Map<String, List<String>> folded = new TreeMap<>();
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey() == null) {
                    continue; // the JDK server reports the status line under a null key
                }
                folded.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .addAll(entry.getValue());
            }
            folded.replaceAll((k, v) -> List.copyOf(v));
            headers = Collections.unmodifiableMap(folded);
        }
    }

    /**
     * A POST with a body and single-valued headers; handy for tests and serverless entry points.
     *
     * @param path the request path without query string, such as {@code /telegram}
     * @param headers header names in any case mapped to their single value
     * @param body the raw body bytes
     * @return the request, with header names folded to lower case
     */
    public static WebhookRequest post(String path, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> multi = new TreeMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return new WebhookRequest("POST", path, multi, body);
    }

    /**
     * The first value of a header; the name is matched in any case.
     *
     * @param name the header name, such as {@code X-Telegram-Bot-Api-Secret-Token}
     * @return the first value, or empty when the header is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
        // Headers may carry secrets (X-Telegram-Bot-Api-Secret-Token): show names only.
        return "WebhookRequest[" + method + ' ' + path + ", headers=" + headers.keySet()
                + ", body=" + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookRequest that
                && method.equals(that.method)
                && path.equals(that.path)
                && headers.equals(that.headers)
                && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(method, path, headers, java.util.Arrays.hashCode(body));
    }
}
