package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.config.ConfigProblems;
import dev.chorusbot.core.internal.ConfigRules;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded webhook host serving {@link WebhookRoutes}. Unknown paths get 404, methods other than
 * POST 405, bodies over the limit (1 MiB by default) 413 — a body announced too large by {@code
 * Content-Length} is refused as soon as the request's head is read, before any of the body.
 *
 * <p>Connections are read without blocking by one thread; only a complete request goes to a
 * serving thread, so a client that sends slowly, or stops in the middle of a request, holds a
 * connection but never a serving thread. The request line and header fields must arrive within
 * the header deadline (5 seconds by default), the body within the body deadline after them (10
 * seconds), or the connection is closed; an idle keep-alive connection is closed after 30 seconds.
 * At most 512 connections are open at once, by default; one more is closed as soon as it is
 * accepted. Those limits are for reading only: once a request has arrived whole it is answered,
 * however long its endpoint takes. HTTP/1.1 keep-alive, pipelining, {@code Content-Length} and
 * chunked bodies, {@code Expect: 100-continue} and HEAD (headers only) are supported.
 *
 * <p>When an answer cannot be written (the caller closed the connection before reading it, or
 * reset it before its last byte), the server calls the answer's {@link
 * WebhookResponse#undelivered(IOException) fallback}, so the reply that the answer carried is not
 * lost.
 *
 * <pre>{@code
 * WebhookServer server = WebhookServer.builder().port(8080).build();
 * server.routes().add("/telegram", endpoint);
 * server.start();
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    /** The largest request head (request line and header fields) read, in bytes; 431 past it. */
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private final InetSocketAddress address;
    private final WebhookRoutes routes;
    private final Map<String, WebhookEndpoint> fixedRoutes;
    private final int threads;
    private final HttpFrontEnd.Limits limits;
    private final Object idle = new Object();
    private int active; // requests being served; guarded by idle
    private HttpFrontEnd frontEnd;
    private ExecutorService executor;

    private WebhookServer(Builder builder, InetSocketAddress address) {
        this.address = address;
        this.routes = new WebhookRoutes(builder.maxBodyBytes);
        this.fixedRoutes = Map.copyOf(builder.fixedRoutes);
        this.threads = builder.threads;
        this.limits = new HttpFrontEnd.Limits(nanos(builder.headerTimeout), nanos(builder.bodyTimeout),
                nanos(builder.idleTimeout), builder.maxConnections, MAX_HEADER_BYTES, builder.maxBodyBytes);
    }

    /** The duration in nanoseconds, at most a year, so deadlines added to the clock do not overflow. */
    private static long nanos(Duration duration) {
        return duration.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : duration.toNanos();
    }

    /**
     * A builder; by default port 8080 on all interfaces, 1 MiB body limit.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The routes this server serves; endpoints may be added before or after {@link #start()}.
     *
     * @return the live routes of this server
     */
    public WebhookRoutes routes() {
        return routes;
    }

    /**
     * Binds and starts serving.
     *
     * @return this server, for chaining
     * @throws IOException when the address cannot be bound
     * @throws IllegalStateException if the server was already started
     */
    public synchronized WebhookServer start() throws IOException {
        if (frontEnd != null) {
            throw new IllegalStateException("webhook server already started");
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chorus-webhook-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpFrontEnd front;
        try {
            front = new HttpFrontEnd(address, 128, pool, new Requests(), limits);
        } catch (IOException | RuntimeException e) {
            pool.shutdown();
            throw e;
        }
        executor = pool;
        frontEnd = front;
        front.start();
        log.info("Webhook server listening on {}", front.address());
        return this;
    }

    /**
     * The port actually bound (useful with port 0); only after {@link #start()}.
     *
     * @return the bound local port
     * @throws IllegalStateException if the server was not started
     */
    public synchronized int port() {
        if (frontEnd == null) {
            throw new IllegalStateException("webhook server not started");
        }
        return frontEnd.address().getPort();
    }

    /** Lets requests being served finish (for up to a second), then stops and frees the port. */
    @Override
    public synchronized void close() {
        if (frontEnd != null) {
            awaitIdle(1_000);
            frontEnd.stop(5_000);
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            frontEnd = null;
        }
    }

    private void awaitIdle(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (idle) {
            while (active > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                try {
                    idle.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** What the front end asks of the server: the early 413, and the answer to a complete request. */
    private final class Requests implements HttpFrontEnd.Requests {
        @Override
        public WebhookResponse refuseEarly(HttpHead head) {
            if (!fixedRoutes.containsKey(head.path())
                    && head.method().equals("POST")
                    && head.contentLength() > routes.maxBodyBytes()
                    && routes.endpoint(head.path()).isPresent()) {
                return routes.tooLarge();
            }
            return null;
        }

        @Override
        public WebhookResponse serve(WebhookRequest request) {
            synchronized (idle) {
                active++;
            }
            try {
                return handleSafely(request);
            } finally {
                synchronized (idle) {
                    if (--active == 0) {
                        idle.notifyAll();
                    }
                }
            }
        }

        @Override
        public void undelivered(WebhookRequest request, WebhookResponse response, IOException cause) {
            if (response.fallback() == WebhookResponse.Fallback.NONE) {
                log.debug("The answer to {} could not be written: {}", routes.shown(request.path()), cause.toString());
                return;
            }
            // The caller cannot have read the whole answer: the endpoint's fallback does what the
            // answer carried. The serving thread does not wait for it.
            try {
                response.undelivered(cause);
            } catch (RuntimeException e) {
                log.error("The fallback of the answer to {} failed", routes.shown(request.path()), e);
            }
        }
    }

    private WebhookResponse handleSafely(WebhookRequest request) {
        try {
            WebhookEndpoint fixed = fixedRoutes.get(request.path());
            return fixed != null
                    ? fixed.handle(request, WebhookHost.longRunning())
                    : routes.handle(request, WebhookHost.longRunning());
        } catch (RuntimeException e) {
            log.error("Webhook endpoint for {} failed", routes.shown(request.path()), e);
            return WebhookResponse.text(500, "Internal Server Error");
        }
    }

    /**
     * Configures a {@link WebhookServer}. Setters only record; {@link #build()} checks everything at
     * once and throws one {@link ConfigurationException} naming each setter.
     */
    public static final class Builder {
        private final ConfigProblems problems = new ConfigProblems();
        private int port = 8080;
        private InetSocketAddress address;
        private int maxBodyBytes = WebhookRoutes.DEFAULT_MAX_BODY_BYTES;
        private int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        private Duration headerTimeout = Duration.ofSeconds(5);
        private Duration bodyTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private int maxConnections = 512;
        private final Map<String, WebhookEndpoint> fixedRoutes = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Listens on {@code port} on all interfaces; 0 picks a free port.
         *
         * @param port the TCP port, 0 to 65535; checked by {@link #build()}
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            this.address = null;
            return this;
        }

        /**
         * Listens on the given address (for example loopback only).
         *
         * @param socketAddress the address and port to bind; port 0 picks a free port
         * @return this builder
         */
        public Builder address(InetSocketAddress socketAddress) {
            this.address = notNull(socketAddress, "address");
            return this;
        }

        /**
         * Refuses bodies larger than this with 413; default 1 MiB.
         *
         * @param bytes the largest body accepted, in bytes; positive, checked by {@link #build()}
         * @return this builder
         */
        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * How many requests are served at once; default twice the processors, at least 4.
         *
         * @param count the number of serving threads; positive, checked by {@link #build()}
         * @return this builder
         */
        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        /**
         * How long a client has to send a request's line and header fields, counted from the
         * connection's start or the request's first byte; default 5 seconds. Past it the connection
         * is closed.
         *
         * @param timeout the header deadline; positive, checked by {@link #build()}
         * @return this builder
         */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = notNull(timeout, "headerTimeout");
            return this;
        }

        /**
         * How long a client has to send a request's body once its header fields arrived; default
         * 10 seconds. Past it the connection is closed.
         *
         * @param timeout the body deadline; positive, checked by {@link #build()}
         * @return this builder
         */
        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = notNull(timeout, "bodyTimeout");
            return this;
        }

        /**
         * How long a keep-alive connection may wait for its next request; default 30 seconds.
         *
         * @param timeout the idle time; positive, checked by {@link #build()}
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = notNull(timeout, "idleTimeout");
            return this;
        }

        /**
         * How many connections may be open at once; default 512. A connection past it is closed as
         * soon as it is accepted, before anything is read from it.
         *
         * @param count the connection cap; positive, checked by {@link #build()}
         * @return this builder
         */
        public Builder maxConnections(int count) {
            this.maxConnections = count;
            return this;
        }

        /**
         * Serves {@code endpoint} at exactly {@code path} for every method, ahead of the webhook
         * {@link #routes() routes}: for a fixed path of the host itself, such as a health check.
         * The 404, 405 and 413 rules of the routes do not apply to it; a HEAD request gets its
         * answer without the body.
         *
         * @param path the exact request path, starting with {@code /}
         * @param endpoint the endpoint that answers every request to {@code path}
         * @return this builder
         */
        public Builder fixedRoute(String path, WebhookEndpoint endpoint) {
            notNull(path, "path");
            notNull(endpoint, "endpoint");
            if (!path.startsWith("/")) {
                problems.add("fixedRoute", "path must start with '/', was " + path);
            } else if (fixedRoutes.putIfAbsent(path, endpoint) != null) {
                problems.add("fixedRoute", "path " + path + " is already routed");
            }
            return this;
        }

        /**
         * The configured server, not yet started.
         *
         * @return a new server; call {@link WebhookServer#start()} to bind it
         * @throws ConfigurationException listing every problem, each naming its setter
         */
        public WebhookServer build() {
            ConfigProblems p = problems.copy();
            if (address == null) {
                ConfigRules.port(p, port, "port");
            }
            p.check(maxBodyBytes > 0, "maxBodyBytes", "must be positive, was " + maxBodyBytes);
            p.check(threads > 0, "threads", "must be positive, was " + threads);
            ConfigRules.positive(p, headerTimeout, "headerTimeout");
            ConfigRules.positive(p, bodyTimeout, "bodyTimeout");
            ConfigRules.positive(p, idleTimeout, "idleTimeout");
            p.check(maxConnections > 0, "maxConnections", "must be positive, was " + maxConnections);
            p.throwIfAny();
            return new WebhookServer(this, address != null ? address : new InetSocketAddress(port));
        }
    }
}
