package dev.chorusbot.serverless;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chat platform's send API on loopback for {@link EchoPushAdapter}: records each {@code POST
 * /sendMessage} body and answers {@code {"ok":true}} after an optional delay, so a test can prove
 * that a send finished before the function's response returned.
 */
final class FakeChatApi implements AutoCloseable {
    private final HttpServer server;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    FakeChatApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/sendMessage", this::serve);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers each send only after {@code value}: a slow platform. */
    void delay(Duration value) {
        this.delay = value;
    }

    /** Forgets what was sent and answers without delay again. */
    void reset() {
        sent.clear();
        delay = Duration.ZERO;
    }

    /** The bodies of the sends completed so far. */
    List<String> sent() {
        return List.copyOf(sent);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(delay.toMillis()); // simulates a slow platform, not a wait for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.add(body);
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
