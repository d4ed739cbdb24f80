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

    /**
     * Routes that refuse bodies larger than {@code maxBodyBytes} with 413.
     *
     * @param maxBodyBytes the largest body accepted, in bytes; must be positive
     * @throws IllegalArgumentException if {@code maxBodyBytes} is zero or negative
     */
    public WebhookRoutes(int maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Adds an endpoint at {@code path}.
     *
     * @param path the exact request path, starting with {@code /}, such as {@code /telegram}
     * @param endpoint the endpoint that handles requests to {@code path}
     * @return these routes, for chaining
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

    /**
     * The largest body accepted, in bytes.
     *
     * @return the body limit in bytes, always positive
     */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * The endpoint at {@code path}, if any.
     *
     * @param path the exact request path, without query string
     * @return the endpoint, or empty when nothing is routed there
     */
    public Optional<WebhookEndpoint> endpoint(String path) {
        return Optional.ofNullable(endpoints.get(path));
    }

    /**
     * The routed paths and endpoints.
     *
     * @return an immutable snapshot mapping each path to its endpoint
     */
    public Map<String, WebhookEndpoint> endpoints() {
        return Map.copyOf(new LinkedHashMap<>(endpoints));
    }

    /**
     * Routes {@code request}, applying the 404 / 405 / 413 rules.
     *
     * @param request the request as received
     * @return 404 for an unknown path, 405 for a method other than POST, 413 for a body over
     *     the limit, otherwise the endpoint's response
     */
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

    /**
     * The 413 answer for a body over the limit.
     *
     * @return a 413 response whose plain-text body states the limit in bytes
     */
    public WebhookResponse tooLarge() {
        return WebhookResponse.text(413, "Payload Too Large: the limit is " + maxBodyBytes + " bytes");
    }
}
