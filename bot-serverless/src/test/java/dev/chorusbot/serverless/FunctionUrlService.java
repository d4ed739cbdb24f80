package dev.chorusbot.serverless;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chorusbot.serverless.EntryPointContract.Answer;
import dev.chorusbot.testkit.lambda.FakeLambdaRuntime;
import java.time.Duration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * A loopback stand-in for the Lambda function URL service: each HTTP request becomes a payload
 * format 2.0 event (path in {@code rawPath} and {@code requestContext.http.path}, header names in
 * lower case) handed to the {@link FakeLambdaRuntime}, and the function's answer becomes the HTTP
 * response. A function error is answered 502, as function URLs do. So a platform's own sender (the
 * testkit's Twitch or Telegram fakes) can deliver to a function as it would to any webhook.
 *
 * <p>For each invocation it records the answer and what {@code observer} saw at the moment the
 * runtime received the function's response, before the HTTP answer is written: a test reads there
 * what had happened before the invocation finished.
 *
 * @param <T> what the observer reports
 */
final class FunctionUrlService<T> implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One invocation: the function's answer and what the observer saw when it arrived. */
    record Invocation<T>(String path, Answer answer, T observedAtCompletion) {}

    private final FakeLambdaRuntime runtime;
    private final Supplier<T> observer;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Invocation<T>> invocations = new ArrayList<>();

    FunctionUrlService(FakeLambdaRuntime runtime, Supplier<T> observer) throws IOException {
        this.runtime = runtime;
        this.observer = observer;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The function URL, {@code http://127.0.0.1:PORT/}. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The invocations so far, in order. */
    synchronized List<Invocation<T>> invocations() {
        return List.copyOf(invocations);
    }

    /** The last invocation. */
    synchronized Invocation<T> last() {
        return invocations.get(invocations.size() - 1);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            headers.remove("Content-length");
            String path = exchange.getRequestURI().getRawPath();
            ObjectNode event = AwsEvents.event(AwsEvents.FUNCTION_URL, new String(body, StandardCharsets.UTF_8),
                    headers, false);
            event.put("rawPath", path);
            ObjectNode http = (ObjectNode) event.path("requestContext").path("http");
            http.put("path", path);
            http.put("method", exchange.getRequestMethod());
            Answer answer;
            T observed;
            try {
                FakeLambdaRuntime.Result result = runtime.invoke(AwsEvents.json(event)).await(Duration.ofSeconds(30));
                observed = observer.get();
                answer = result.error()
                        ? new Answer(502, Map.of("Content-Type", "application/json"),
                                "{\"Message\":\"Internal Server Error\"}")
                        : AwsEventContract.answerOf(JSON.readTree(result.body()));
            } catch (Exception e) {
                observed = observer.get();
                answer = new Answer(504, Map.of("Content-Type", "text/plain"), "no answer: " + e);
            }
            synchronized (this) {
                invocations.add(new Invocation<>(path, answer, observed));
            }
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
