package dev.chorusbot.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookServerTest {
    private final List<WebhookRequest> received = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private WebhookServer server;

    @BeforeEach
    void start() throws Exception {
        server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .maxBodyBytes(1024)
                .build();
        server.routes().add("/hook", request -> {
            received.add(request);
            return WebhookResponse.json("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path))
                        .header("X-Custom-Header", "value")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void routesAPostToItsEndpoint() throws Exception {
        HttpResponse<String> response = post("/hook", "{\"update_id\":1}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/hook");
            assertThat(request.header("x-custom-header")).contains("value");
            assertThat(request.header("X-CUSTOM-HEADER")).contains("value");
            assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"update_id\":1}");
        });
    }

    @Test
    void routesAPathWithATrailingSlashToTheSameEndpoint() throws Exception {
        HttpResponse<String> response = post("/hook/", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(request -> assertThat(request.path()).isEqualTo("/hook"));
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertThat(post("/other", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/hook/extra", "{}").statusCode()).isEqualTo(404);
        assertThat(received).isEmpty();
    }

    @Test
    void otherMethodsAre405() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/hook")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
        assertThat(received).isEmpty();
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> response = post("/hook", "x".repeat(1025));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("Payload Too Large: the limit is 1024 bytes");
        assertThat(received).isEmpty();
        assertThat(post("/hook", "x".repeat(1024)).statusCode()).isEqualTo(200);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            String chunk = "y".repeat(600);
            String request = "POST /hook HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n"
                    + Integer.toHexString(600) + "\r\n" + chunk + "\r\n"
                    + Integer.toHexString(600) + "\r\n" + chunk + "\r\n0\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void failingEndpointIs500AndTheServerKeepsServing() throws Exception {
        server.routes().add("/broken", request -> {
            throw new IllegalStateException("bug");
        });
        assertThat(post("/broken", "{}").statusCode()).isEqualTo(500);
        assertThat(post("/hook", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void aPathCanBeRoutedOnlyOnce() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.routes().add("/hook", r -> WebhookResponse.ok()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhook path /hook is already routed");
    }

    @Test
    void requestToStringHidesHeaderValues() {
        WebhookRequest request = WebhookRequest.post("/hook",
                java.util.Map.of("X-Telegram-Bot-Api-Secret-Token", "s3cret-value"), new byte[3]);
        assertThat(request.toString()).doesNotContain("s3cret-value").contains("x-telegram-bot-api-secret-token");
    }

    @Test
    void theBuilderListsEveryProblemNamingItsSetter() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookServer.builder().port(70000).maxBodyBytes(0)
                        .threads(-1).build())
                .isInstanceOfSatisfying(dev.chorusbot.core.ConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("port must be a port number from 0 to 65535, was 70000",
                                "maxBodyBytes must be positive, was 0", "threads must be positive, was -1"));
    }

    @Test
    void headIsAnswered405WithoutABodyAndWithoutTheJdkWarningAboutIt() throws Exception {
        Logger jdk = Logger.getLogger("com.sun.net.httpserver");
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        jdk.addHandler(capture);
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/hook"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> after = post("/hook", "{\"update_id\":2}");

            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).contains("POST");
            assertThat(response.body()).isEmpty();
            assertThat(after.statusCode()).isEqualTo(200); // the connection and server are fine after it
            assertThat(logged).noneMatch(message -> message.contains("HEAD"));
        } finally {
            jdk.removeHandler(capture);
        }
    }

    /** Routes {@code /carrying} to an answer whose fallback completes {@code fallback} with its cause. */
    private void routeAnswerWithFallback(CompletableFuture<IOException> fallback) {
        server.routes().add("/carrying", request -> WebhookResponse.json("{\"method\":\"sendMessage\"}"
                .getBytes(StandardCharsets.UTF_8)).withFallback(cause -> {
                    fallback.complete(cause);
                    return CompletableFuture.completedFuture(null);
                }));
    }

    @Test
    void runsTheAnswersFallbackWhenTheCallerClosedTheConnectionBeforeReadingIt() throws Exception {
        CompletableFuture<IOException> fallback = new CompletableFuture<>();
        routeAnswerWithFallback(fallback);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write(("POST /carrying HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
        }

        assertThat(fallback.get(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void doesNotRunTheFallbackOfAnAnswerThatWasWritten() throws Exception {
        CompletableFuture<IOException> fallback = new CompletableFuture<>();
        routeAnswerWithFallback(fallback);

        HttpResponse<String> response = post("/carrying", "{}");
        server.close(); // waits for the exchange to finish

        assertThat(response.body()).isEqualTo("{\"method\":\"sendMessage\"}");
        assertThat(fallback).isNotDone();
    }
}
