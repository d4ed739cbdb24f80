package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps exact URL paths to {@link WebhookEndpoint}s and applies the rules every host shares: an
 * unknown path is 404, a method other than POST is 405, a body over the limit is 413. The embedded
 * {@link WebhookServer} and the serverless entry points both route through it.
 */
public final class WebhookRoutes {

    /** The default body limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private final Map<String, WebhookEndpoint> endpoints = new ConcurrentHashMap<>();
    private final int maxBodyBytes;

    /** Routes with the default 1 MiB body limit. */
    public WebhookRoutes() {
        this(DEFAULT_MAX_BODY_BYTES);
    }

    /** Routes that refuse bodies larger than {@code maxBodyBytes} with 413. */
    public WebhookRoutes(int maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Adds an endpoint at {@code path}.
     *
     * @throws IllegalArgumentException if the path does not start with {@code /} or is taken
     */
    public WebhookRoutes add(String path, WebhookEndpoint endpoint) {
        notNull(path, "path");
        notNull(endpoint, "endpoint");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("webhook path must start with '/', was " + path);
        }
        if (endpoints.putIfAbsent(path, endpoint) != null) {
            throw new IllegalArgumentException("webhook path " + path + " is already routed");
        }
        return this;
    }

    /** The largest body accepted, in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The endpoint at {@code path}, if any. */
    public Optional<WebhookEndpoint> endpoint(String path) {
        return Optional.ofNullable(endpoints.get(path));
    }

    /** The routed paths and endpoints. */
    public Map<String, WebhookEndpoint> endpoints() {
        return Map.copyOf(new LinkedHashMap<>(endpoints));
    }

    /** Routes {@code request}, applying the 404 / 405 / 413 rules. */
    public WebhookResponse handle(WebhookRequest request) {
        WebhookEndpoint endpoint = endpoints.get(request.path());
        if (endpoint == null) {
            return WebhookResponse.text(404, "Not Found");
        }
        if (!request.method().equals("POST")) {
            return new WebhookResponse(
                    405, Map.of("Allow", "POST", "Content-Type", "text/plain; charset=utf-8"),
                    "Method Not Allowed".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (request.body().length > maxBodyBytes) {
            return tooLarge();
        }
        return endpoint.handle(request);
    }

    /** The 413 answer for a body over the limit. */
    public WebhookResponse tooLarge() {
        return WebhookResponse.text(413, "Payload Too Large: the limit is " + maxBodyBytes + " bytes");
    }
}
