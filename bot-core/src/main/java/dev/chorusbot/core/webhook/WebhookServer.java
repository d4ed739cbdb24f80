package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import com.sun.net.httpserver.HttpExchange;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.config.ConfigProblems;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded webhook host: the JDK's {@link HttpServer} serving {@link WebhookRoutes}. Unknown
 * paths get 404, methods other than POST 405, bodies over the limit (1 MiB by default) 413 — a
 * body announced too large by {@code Content-Length} is refused before it is read.
 *
 * <p>When an answer cannot be written (the caller closed or reset the connection before its last
 * byte), the server calls the answer's {@link WebhookResponse#undelivered(IOException) fallback},
 * so the reply that the answer carried is not lost.
 *
 * <p>A request must arrive whole within 30 seconds, or its connection is closed: a client that
 * stalls in the middle of a request cannot hold a serving thread. The JDK server reads this limit,
 * like its other settings, from a system property once per JVM ({@code
 * -Dsun.net.httpserver.maxReqTime=<seconds>}); the server sets it only when it is not set already.
 *
 * <pre>{@code
 * WebhookServer server = WebhookServer.builder().port(8080).build();
 * server.routes().add("/telegram", endpoint);
 * server.start();
 * }</pre>
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    /** The seconds a request may take to arrive, unless {@code sun.net.httpserver.maxReqTime} is set. */
    static final long DEFAULT_MAX_REQUEST_SECONDS = 30;

    private final InetSocketAddress address;
    private final WebhookRoutes routes;
    private final int threads;
    private final Object idle = new Object();
    private int active; // exchanges being served; guarded by idle
    private HttpServer server;
    private ExecutorService executor;

    private WebhookServer(Builder builder, InetSocketAddress address) {
        this.address = address;
        this.routes = new WebhookRoutes(builder.maxBodyBytes);
        this.threads = builder.threads;
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
        if (server != null) {
            throw new IllegalStateException("webhook server already started");
        }
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm
        // the body then waits for the client's delayed ACK (40 ms on Linux) on keep-alive
        // connections. The property is read once, when the JDK's server is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // Without a limit, a client that sends headers and then stalls in the body holds a serving
        // thread forever, and a few such clients stop every delivery. With maxReqTime the JDK's
        // server closes a connection whose request (headers and body) has not arrived within that
        // many seconds; the handler's read then fails and the thread is free again.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(DEFAULT_MAX_REQUEST_SECONDS));
        }
        HttpServer http = HttpServer.create(address, 128);
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chorus-webhook-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::serve);
        http.start();
        server = http;
        log.info("Webhook server listening on {}", http.getAddress());
        return this;
    }

    /**
     * The port actually bound (useful with port 0); only after {@link #start()}.
     *
     * @return the bound local port
     * @throws IllegalStateException if the server was not started
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("webhook server not started");
        }
        return server.getAddress().getPort();
    }

    /** Lets requests being served finish (for up to a second), then stops and frees the port. */
    @Override
    public synchronized void close() {
        if (server != null) {
            awaitIdle(1_000);
            // HttpServer.stop(n) would wait the full n seconds while idle keep-alive connections are
            // open; the wait for running exchanges is done above instead.
            server.stop(0);
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
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

    private void serve(HttpExchange exchange) throws IOException {
        synchronized (idle) {
            active++;
        }
        try {
            serveExchange(exchange);
        } finally {
            synchronized (idle) {
                if (--active == 0) {
                    idle.notifyAll();
                }
            }
        }
    }

    private void serveExchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            WebhookResponse response;
            long declared = declaredLength(exchange);
            if (routes.endpoint(path).isPresent()
                    && exchange.getRequestMethod().equals("POST")
                    && declared > routes.maxBodyBytes()) {
                response = routes.tooLarge();
            } else {
                byte[] body = exchange.getRequestBody().readNBytes(routes.maxBodyBytes() + 1);
                WebhookRequest request = new WebhookRequest(
                        exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body);
                response = handleSafely(request);
            }
            try {
                write(exchange, response);
            } catch (IOException e) {
                undelivered(path, response, e);
                throw e;
            }
        }
    }

    /**
     * The caller is gone before the answer's last byte was written (on a closed connection the first
     * write still succeeds and the next one fails), so it cannot have read the whole answer: the
     * endpoint's fallback does what the answer carried. The thread does not wait for it.
     */
    private static void undelivered(String path, WebhookResponse response, IOException cause) {
        if (response.fallback() == WebhookResponse.Fallback.NONE) {
            log.debug("The answer to {} could not be written: {}", path, cause.toString());
            return;
        }
        try {
            response.undelivered(cause);
        } catch (RuntimeException e) {
            log.error("The fallback of the answer to {} failed", path, e);
        }
    }

    private WebhookResponse handleSafely(WebhookRequest request) {
        try {
            return routes.handle(request, WebhookHost.longRunning());
        } catch (RuntimeException e) {
            log.error("Webhook endpoint for {} failed", request.path(), e);
            return WebhookResponse.text(500, "Internal Server Error");
        }
    }

    private static long declaredLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void write(HttpExchange exchange, WebhookResponse response) throws IOException {
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        // A HEAD answer has headers only: the JDK's server warns about a HEAD response given a
        // content length, and a client would wait for a body it must not read.
        byte[] body = exchange.getRequestMethod().equals("HEAD") ? new byte[0] : response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
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
         * The configured server, not yet started.
         *
         * @return a new server; call {@link WebhookServer#start()} to bind it
         * @throws ConfigurationException listing every problem, each naming its setter
         */
        public WebhookServer build() {
            ConfigProblems p = problems.copy();
            if (address == null) {
                p.check(port >= 0 && port <= 65535, "port", "must be a port number from 0 to 65535, was " + port);
            }
            p.check(maxBodyBytes > 0, "maxBodyBytes", "must be positive, was " + maxBodyBytes);
            p.check(threads > 0, "threads", "must be positive, was " + threads);
            p.throwIfAny();
            return new WebhookServer(this, address != null ? address : new InetSocketAddress(port));
        }
    }
}
