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
        routeAnswerWithFallback(fallback, new java.util.concurrent.CountDownLatch(0));
    }

    /** As above; the endpoint answers only once {@code answer} is released. */
    private void routeAnswerWithFallback(CompletableFuture<IOException> fallback,
            java.util.concurrent.CountDownLatch answer) {
        server.routes().add("/carrying", request -> {
            try {
                answer.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return WebhookResponse.json("{\"method\":\"sendMessage\"}"
                    .getBytes(StandardCharsets.UTF_8)).withFallback(cause -> {
                        fallback.complete(cause);
                        return CompletableFuture.completedFuture(null);
                    });
        });
    }

    @Test
    void runsTheAnswersFallbackWhenTheCallerClosedTheConnectionBeforeReadingIt() throws Exception {
        CompletableFuture<IOException> fallback = new CompletableFuture<>();
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        routeAnswerWithFallback(fallback, closed);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write(("POST /carrying HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        closed.countDown(); // the caller is gone before the endpoint answers

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

    private RawHttp raw() throws Exception {
        return new RawHttp(server.port());
    }

    @Test
    void keepsTheConnectionAliveAndAnswersPipelinedRequestsInOrder() throws Exception {
        try (RawHttp client = raw()) {
            client.send("POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                    + "POST /other HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nde"
                    + "POST /hook/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

            assertThat(client.read().status()).isEqualTo(200);
            assertThat(client.read().status()).isEqualTo(404);
            RawHttp.Answer third = client.read();
            assertThat(third.status()).isEqualTo(200);
            assertThat(third.headers()).doesNotContainKey("connection");
        }
        assertThat(received).extracting(r -> new String(r.body(), StandardCharsets.UTF_8)).containsExactly("abc", "");
    }

    @Test
    void readsAChunkedBodyWithExtensionsAndTrailerFields() throws Exception {
        try (RawHttp client = raw()) {
            RawHttp.Answer answer = client.send("POST /hook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;name=value\r\n{\"a\":\r\n3\r\n12}\r\n0\r\nX-Trailer: t\r\n\r\n").read();

            assertThat(answer.status()).isEqualTo(200);
            assertThat(client.send("POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}").read().status())
                    .isEqualTo(200);
        }
        assertThat(received).extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
                .containsExactly("{\"a\":12}", "{}");
    }

    @Test
    void sends100ContinueBeforeABodyTheClientHoldsBack() throws Exception {
        try (RawHttp client = raw()) {
            client.send("POST /hook HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");

            assertThat(client.read().status()).isEqualTo(100);
            assertThat(client.send("{}").read().status()).isEqualTo(200);
        }
    }

    @Test
    void refusesABodyAnnouncedTooLargeWithoutReadingItOrAskingForIt() throws Exception {
        try (RawHttp client = raw()) {
            RawHttp.Answer answer = client.send("POST /hook HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 5000000\r\n\r\n").read();

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).isEqualTo("Payload Too Large: the limit is 1024 bytes");
            assertThat(answer.headers()).containsEntry("connection", "close");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(received).isEmpty();
    }

    @Test
    void answersAMalformedRequestWith400AndCloses() throws Exception {
        try (RawHttp client = raw()) {
            RawHttp.Answer answer = client.send("POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n").read();

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).isEqualTo("Bad Request: malformed Content-Length");
            assertThat(client.closedByServer()).isTrue();
        }
        try (RawHttp client = raw()) {
            assertThat(client.send("GARBAGE\r\n\r\n").read().status()).isEqualTo(400);
        }
        assertThat(received).isEmpty();
    }

    @Test
    void refusesAHeadPastItsLimitWith431() throws Exception {
        try (RawHttp client = raw()) {
            client.send("POST /hook HTTP/1.1\r\nX-Big: " + "b".repeat(WebhookServer.MAX_HEADER_BYTES + 10));

            assertThat(client.read().status()).isEqualTo(431);
        }
        assertThat(received).isEmpty();
    }

    @Test
    void closesAnHttp10ConnectionAfterItsAnswer() throws Exception {
        try (RawHttp client = raw()) {
            RawHttp.Answer answer = client.send("POST /hook HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}").read();

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers()).containsEntry("connection", "close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void decodesAPercentEncodedPathAndIgnoresTheQuery() throws Exception {
        try (RawHttp client = raw()) {
            assertThat(client.send("POST /ho%6Fk?x=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").read().status())
                    .isEqualTo(200);
        }
        assertThat(received).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/hook"));
    }

    @Test
    void servesAFixedRouteForEveryMethodAheadOfTheWebhookRoutes() throws Exception {
        WebhookServer withHealth = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .fixedRoute("/healthz", request -> WebhookResponse.text(200, "ok " + request.method()))
                .build().start();
        try {
            URI health = URI.create("http://127.0.0.1:" + withHealth.port() + "/healthz");
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(health).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(health)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("ok GET");
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
        } finally {
            withHealth.close();
        }
    }

    @Test
    void theBuilderRefusesNonPositiveDeadlinesAndCap() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookServer.builder()
                        .headerTimeout(java.time.Duration.ZERO).bodyTimeout(java.time.Duration.ofSeconds(-1))
                        .idleTimeout(java.time.Duration.ZERO).maxConnections(0).fixedRoute("health", r -> WebhookResponse.ok())
                        .build())
                .isInstanceOfSatisfying(dev.chorusbot.core.ConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("fixedRoute path must start with '/', was health",
                                "headerTimeout must be positive, was PT0S", "bodyTimeout must be positive, was PT-1S",
                                "idleTimeout must be positive, was PT0S", "maxConnections must be positive, was 0"));
    }
}
