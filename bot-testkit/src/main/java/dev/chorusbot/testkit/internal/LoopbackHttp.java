package dev.chorusbot.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on an ephemeral loopback port that hands every path to one handler on daemon
 * threads: the HTTP side of the fakes (the Bot API, Helix, the Lambda runtime API).
 */
public final class LoopbackHttp {
    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackHttp(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a server whose handler runs on at most {@code threads} threads.
     *
     * @param threadName the threads' name
     * @param threads how many requests are handled at once; a long poll holds one
     * @param handler what answers every request
     * @return the started server
     * @throws IOException when no loopback port can be bound
     */
    public static LoopbackHttp start(String threadName, int threads, HttpHandler handler) throws IOException {
        return start(Executors.newFixedThreadPool(threads, daemon(threadName)), handler);
    }

    /**
     * Starts a server whose handler gets a thread for every request that finds none free, for
     * fakes that hold many long polls at once.
     *
     * @param threadName the threads' name
     * @param handler what answers every request
     * @return the started server
     * @throws IOException when no loopback port can be bound
     */
    public static LoopbackHttp startUnbounded(String threadName, HttpHandler handler) throws IOException {
        return start(Executors.newCachedThreadPool(daemon(threadName)), handler);
    }

    private static LoopbackHttp start(ExecutorService executor, HttpHandler handler) throws IOException {
        // The JDK server writes headers and body separately; without TCP_NODELAY the body waits for
        // the client's delayed ACK (40 ms on Linux), so every call took 40 ms. The JDK reads this
        // once, when its first server starts: set it unless it was set already.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            executor.shutdownNow();
            throw e;
        }
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return new LoopbackHttp(server, executor);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The server's base URL, {@code http://127.0.0.1:port} (brackets for IPv6).
     *
     * @return the URL without a path
     */
    public URI url() {
        return TestkitUris.http(server.getAddress());
    }

    /** Stops at once: open exchanges are dropped and the threads interrupted. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Answers {@code status} with a JSON body, or with no body at all when {@code json} is empty.
     *
     * @param exchange the exchange to answer
     * @param status the HTTP status
     * @param json the body's UTF-8 bytes
     * @throws IOException when the client went away
     */
    public static void sendJson(HttpExchange exchange, int status, byte[] json) throws IOException {
        if (json.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
