package dev.chorusbot.testkit.lambda;

import com.sun.net.httpserver.HttpExchange;
import dev.chorusbot.testkit.internal.LoopbackHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Runtime API's HTTP side, as Lambda documents it ("Using the Lambda runtime API for custom
 * runtimes"): {@code /next} hands out queued events with the runtime headers, {@code /response}
 * and {@code /error} complete them, {@code /init/error} records a failed start.
 */
final class RuntimeApi {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:chorus-test";

    /** One queued event and the future its answer completes. */
    static final class Pending {
        final String requestId;
        final byte[] event;
        final CompletableFuture<FakeLambdaRuntime.Result> result = new CompletableFuture<>();
        volatile long deliveredNanos;

        Pending(String requestId, byte[] event) {
            this.requestId = requestId;
            this.event = event;
        }
    }

    private final LoopbackHttp server;
    private final Duration deadline;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<FakeLambdaRuntime.Result> initError = new CompletableFuture<>();

    RuntimeApi(Duration deadline) throws IOException {
        this.deadline = deadline;
        // The runtime client holds a long poll on /next while it posts the previous answer.
        this.server = LoopbackHttp.start("fake-lambda-runtime", 4, this::serve);
    }

    String address() {
        return server.url().getRawAuthority();
    }

    void queue(Pending pending) {
        inFlight.put(pending.requestId, pending);
        queue.add(pending);
    }

    CompletableFuture<FakeLambdaRuntime.Result> initError() {
        return initError;
    }

    void stop() {
        server.stop();
        IllegalStateException closed = new IllegalStateException("the fake Lambda runtime was closed before the"
                + " function answered");
        inFlight.values().forEach(pending -> pending.result.completeExceptionally(closed));
        inFlight.clear();
        initError.completeExceptionally(closed);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals(PREFIX + "invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                long now = System.nanoTime();
                initError.complete(new FakeLambdaRuntime.Result("init", true, new String(body, StandardCharsets.UTF_8),
                        errorType(exchange), now, now));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith(PREFIX + "invocation/")) {
                complete(exchange, path.substring((PREFIX + "invocation/").length()));
            } else {
                send(exchange, 404, "{\"errorMessage\":\"Not Found\",\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Pending pending;
        try {
            pending = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // closing: the connection drops, as when Lambda freezes the sandbox for good
        }
        pending.deliveredNanos = System.nanoTime();
        long deadlineMillis = System.currentTimeMillis() + deadline.toMillis();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", pending.requestId);
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(deadlineMillis));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
        exchange.sendResponseHeaders(200, pending.event.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(pending.event);
        }
    }

    private void complete(HttpExchange exchange, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String requestId = slash < 0 ? rest : rest.substring(0, slash);
        String kind = slash < 0 ? "" : rest.substring(slash + 1);
        if (!kind.equals("response") && !kind.equals("error")) {
            send(exchange, 404, "{\"errorMessage\":\"Not Found\",\"errorType\":\"NotFound\"}");
            return;
        }
        Pending pending = inFlight.remove(requestId);
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (pending == null) {
            send(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        boolean error = kind.equals("error");
        send(exchange, 202, "{\"status\":\"OK\"}");
        pending.result.complete(new FakeLambdaRuntime.Result(requestId, error, new String(body, StandardCharsets.UTF_8),
                error ? errorType(exchange) : Optional.empty(), pending.deliveredNanos, System.nanoTime()));
    }

    private static Optional<String> errorType(HttpExchange exchange) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        LoopbackHttp.sendJson(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }
}
