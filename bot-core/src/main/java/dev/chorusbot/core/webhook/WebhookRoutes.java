package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.Api;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Maps URL paths to {@link WebhookEndpoint}s and applies the rules every host shares: an unknown
 * path is 404, a method other than POST is 405, a body over the limit is 413. The embedded
 * {@link WebhookServer}, the serverless entry points and any other host route through it; it is the
 * only place where a request path is matched to an endpoint.
 *
 * <p>Matching, in order: the exact path; then the path compared without a trailing slash on either
 * side ({@code /telegram/} reaches {@code /telegram}, and the other way round). A host whose URL
 * is not the webhook path, such as a cloud function's, uses {@link #handleAtFunctionUrl}, which
 * also accepts a stage prefix and a function with a single endpoint.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class WebhookRoutes {

    /** The default body limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private final Map<String, WebhookEndpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, BooleanSupplier> probes = new ConcurrentHashMap<>();
    /** How each routed path may be shown in logs and messages, when that differs from the path. */
    private final Map<String, String> shownPaths = new ConcurrentHashMap<>();
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
        return add(path, path, endpoint);
    }

    /**
     * Adds an endpoint at {@code path}, a path that holds a secret: logs and exception messages
     * show {@code shownAs} instead (Telegram suggests the bot token as an unguessable webhook path).
     *
     * @param path the exact request path, starting with {@code /}, such as {@code /telegram}
     * @param shownAs the path as logs and messages may show it, such as {@code /<token>}
     * @param endpoint the endpoint that handles requests to {@code path}
     * @return these routes, for chaining
     * @throws IllegalArgumentException if the path does not start with {@code /} or is taken
     */
    public WebhookRoutes add(String path, String shownAs, WebhookEndpoint endpoint) {
        notNull(path, "path");
        notNull(shownAs, "shownAs");
        notNull(endpoint, "endpoint");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("webhook path must start with '/', was " + shownAs);
        }
        if (!shownAs.equals(path)) {
            shownPaths.put(path, shownAs);
        }
        if (probes.containsKey(path) || endpoints.putIfAbsent(path, endpoint) != null) {
            throw new IllegalArgumentException("webhook path " + shownAs + " is already routed");
        }
        return this;
    }

    /**
     * Adds a health probe at {@code path}: {@code GET} and {@code HEAD} are answered 200
     * {@code ok} while {@code up} says true and 503 {@code unavailable} otherwise, for load
     * balancers and Kubernetes' liveness and readiness probes; other methods get 405. The bot adds
     * {@code /healthz} and {@code /readyz} when asked ({@code CHORUS_HEALTH_PATHS}).
     *
     * @param path the exact request path, starting with {@code /}
     * @param up whether to answer 200; called on the serving thread, so it must be quick
     * @return these routes, for chaining
     * @throws IllegalArgumentException if the path does not start with {@code /} or is taken
     */
    public WebhookRoutes probe(String path, BooleanSupplier up) {
        notNull(path, "path");
        notNull(up, "up");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("probe path must start with '/', was " + path);
        }
        if (endpoints.containsKey(path) || probes.putIfAbsent(path, up) != null) {
            throw new IllegalArgumentException("path " + shown(path) + " is already routed");
        }
        return this;
    }

    /**
     * A request path as logs and messages may show it: the shown form of the routed path it
     * reaches (directly or at a function URL), with any secret masked; other paths as they are.
     *
     * @param path a request path, without query string
     * @return the path fit for a log line
     */
    public String shown(String path) {
        Optional<String> routed = routedPathAtFunctionUrl(path);
        if (routed.isEmpty()) {
            return path;
        }
        String shownAs = shownPaths.get(routed.get());
        return shownAs == null ? path : path.replace(routed.get(), shownAs);
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
     * The endpoint at {@code path}, if any: routed at exactly that path, or at that path with or
     * without a trailing slash.
     *
     * @param path the request path, without query string
     * @return the endpoint, or empty when nothing is routed there
     */
    public Optional<WebhookEndpoint> endpoint(String path) {
        return routedPath(path).map(endpoints::get);
    }

    /**
     * The routed path a request path reaches: the same path, or the one that differs from it only
     * by a trailing slash.
     *
     * @param path the request path, without query string
     * @return the path an endpoint is routed at, or empty when none matches
     */
    public Optional<String> routedPath(String path) {
        if (endpoints.containsKey(path)) {
            return Optional.of(path);
        }
        String trimmed = withoutTrailingSlash(path);
        for (String routed : endpoints.keySet()) {
            if (withoutTrailingSlash(routed).equals(trimmed)) {
                return Optional.of(routed);
            }
        }
        return Optional.empty();
    }

    /**
     * The routed path a request to a cloud function reaches, whose URL rarely ends in the webhook
     * path: as {@link #routedPath}, else the only routed path that the request path ends with (a
     * stage prefix, such as {@code /prod/telegram} for {@code /telegram}), else the only endpoint
     * when there is exactly one.
     *
     * @param path the request path, without query string
     * @return the path an endpoint is routed at; empty when none matches, or when several end the
     *     request path and it is ambiguous
     */
    public Optional<String> routedPathAtFunctionUrl(String path) {
        Optional<String> routed = routedPath(path);
        if (routed.isPresent()) {
            return routed;
        }
        Map<String, WebhookEndpoint> snapshot = Map.copyOf(endpoints);
        String trimmed = withoutTrailingSlash(path);
        String suffixMatch = null;
        for (String candidate : snapshot.keySet()) {
            String suffix = withoutTrailingSlash(candidate);
            if (!suffix.equals("/") && trimmed.endsWith(suffix)) {
                if (suffixMatch != null) {
                    return Optional.empty(); // ambiguous
                }
                suffixMatch = candidate;
            }
        }
        if (suffixMatch != null) {
            return Optional.of(suffixMatch);
        }
        if (snapshot.size() == 1) {
            return Optional.of(snapshot.keySet().iterator().next());
        }
        return Optional.empty();
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
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
     * Routes {@code request}, applying the 404 / 405 / 413 rules, for a host whose kind is not
     * known: the endpoint answers once every send is done, as for {@link WebhookHost#function()}.
     * A long-running host calls {@link #handle(WebhookRequest, WebhookHost)} instead.
     *
     * @param request the request as received
     * @return 404 for an unknown path, 405 for a method other than POST, 413 for a body over
     *     the limit, otherwise the endpoint's response
     */
    public WebhookResponse handle(WebhookRequest request) {
        return handle(request, WebhookHost.function());
    }

    /**
     * Routes {@code request}, applying the 404 / 405 / 413 rules. The path matches as
     * {@link #routedPath} says; the endpoint sees the request with the routed path.
     *
     * @param request the request as received
     * @param host what the host allows: {@link WebhookHost#longRunning()} for a server that keeps
     *     running after it answers
     * @return 404 for an unknown path, 405 for a method other than POST, 413 for a body over
     *     the limit, otherwise the endpoint's response
     */
    public WebhookResponse handle(WebhookRequest request, WebhookHost host) {
        return handle(request, routedPath(request.path()), notNull(host, "host"));
    }

    /**
     * Routes a request that a cloud function received whose time left is not known; see {@link
     * #handleAtFunctionUrl(WebhookRequest, WebhookHost)}.
     *
     * @param request the request as the function received it
     * @return 404 when no endpoint matches, 405 for a method other than POST, 413 for a body over
     *     the limit, otherwise the endpoint's response
     */
    public WebhookResponse handleAtFunctionUrl(WebhookRequest request) {
        return handleAtFunctionUrl(request, WebhookHost.function());
    }

    /**
     * Routes a request that a cloud function received, matching its path as
     * {@link #routedPathAtFunctionUrl} does, then applies the 404 / 405 / 413 rules. The endpoint
     * sees the request with the routed path.
     *
     * @param request the request as the function received it
     * @param host the function, with its time left when the cloud tells it
     * @return 404 when no endpoint matches, 405 for a method other than POST, 413 for a body over
     *     the limit, otherwise the endpoint's response
     */
    public WebhookResponse handleAtFunctionUrl(WebhookRequest request, WebhookHost host) {
        return handle(request, routedPathAtFunctionUrl(request.path()), notNull(host, "host"));
    }

    private WebhookResponse handle(WebhookRequest request, Optional<String> routed, WebhookHost host) {
        BooleanSupplier probe = probes.get(request.path());
        if (probe != null) {
            return probe(request, probe);
        }
        WebhookEndpoint endpoint = routed.map(endpoints::get).orElse(null);
        if (endpoint == null) {
            return WebhookResponse.text(404, "Not Found");
        }
        if (!request.method().equals("POST")) {
            return methodNotAllowed();
        }
        if (request.body().length > maxBodyBytes) {
            return tooLarge();
        }
        String path = routed.get();
        return endpoint.handle(path.equals(request.path())
                ? request
                : new WebhookRequest(request.method(), path, request.headers(), request.body()), host);
    }

    /**
     * The 413 answer for a body over the limit.
     *
     * @return a 413 response whose plain-text body states the limit in bytes
     */
    public WebhookResponse tooLarge() {
        return tooLarge(maxBodyBytes);
    }

    static WebhookResponse tooLarge(int maxBodyBytes) {
        return WebhookResponse.text(413, "Payload Too Large: the limit is " + maxBodyBytes + " bytes");
    }

    private static WebhookResponse probe(WebhookRequest request, BooleanSupplier up) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return new WebhookResponse(405, Map.of("Allow", "GET, HEAD", "Content-Type", "text/plain; charset=utf-8"),
                    "Method Not Allowed".getBytes(StandardCharsets.UTF_8));
        }
        boolean ok;
        try {
            ok = up.getAsBoolean();
        } catch (RuntimeException e) {
            ok = false;
        }
        return new WebhookResponse(ok ? 200 : 503,
                Map.of("Content-Type", "text/plain; charset=utf-8", "Cache-Control", "no-store"),
                (ok ? "ok\n" : "unavailable\n").getBytes(StandardCharsets.UTF_8));
    }

    static WebhookResponse methodNotAllowed() {
        return new WebhookResponse(405, Map.of("Allow", "POST", "Content-Type", "text/plain; charset=utf-8"),
                "Method Not Allowed".getBytes(StandardCharsets.UTF_8));
    }
}
