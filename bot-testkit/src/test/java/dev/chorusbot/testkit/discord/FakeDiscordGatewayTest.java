package dev.chorusbot.testkit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake Gateway speaks Discord's opcodes to a plain WebSocket client. */
class FakeDiscordGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String IDENTIFY = "{\"op\":2,\"d\":{\"token\":\"" + FakeDiscordApi.DEFAULT_TOKEN
            + "\",\"intents\":33281,\"properties\":{\"os\":\"linux\",\"browser\":\"t\",\"device\":\"t\"}}}";

    private final FakeDiscordGateway gateway = FakeDiscordGateway.builder().heartbeatInterval(Duration.ofMillis(45_000))
            .start();

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void saysHelloThenAnswersHeartbeatsAndIdentifyWithReady() throws Exception {
        try (Client client = Client.open(gateway.url())) {
            assertThat(client.next().path("op").asInt()).isEqualTo(10);
            client.send("{\"op\":1,\"d\":null}");
            assertThat(client.next().path("op").asInt()).isEqualTo(11);

            client.send(IDENTIFY);
            JsonNode ready = client.next();

            assertThat(ready.path("t").asText()).isEqualTo("READY");
            assertThat(ready.path("s").asInt()).isEqualTo(1);
            assertThat(ready.at("/d/session_id").asText()).isNotEmpty();
            assertThat(ready.at("/d/resume_gateway_url").asText()).isEqualTo(gateway.resumeUrl().toString());
            assertThat(ready.at("/d/user/bot").asBoolean()).isTrue();
        }
    }

    @Test
    void recordsTheCodeABotClosesWith() throws Exception {
        try (Client client = Client.open(gateway.url())) {
            client.next();
            client.client.close(4900, "resuming");
            assertThat(gateway.awaitClientCloses(1, WAIT)).containsExactly(4900);
        }
    }

    @Test
    void closesAWrongTokenWith4004() throws Exception {
        try (Client client = Client.open(gateway.url())) {
            client.next();
            client.send(IDENTIFY.replace(FakeDiscordApi.DEFAULT_TOKEN, "a.b.c"));
            assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4004);
        }
    }

    @Test
    void closesDisallowedPrivilegedIntentsWith4014() throws Exception {
        try (FakeDiscordGateway strict = FakeDiscordGateway.builder().allowPrivilegedIntents(0).start();
                Client client = Client.open(strict.url())) {
            client.next();
            client.send(IDENTIFY);
            assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4014);
        }
    }

    @Test
    void resumeReplaysTheEventsMissedWhileDisconnected() throws Exception {
        String session;
        try (Client first = Client.open(gateway.url())) {
            first.next();
            first.send(IDENTIFY);
            session = first.next().at("/d/session_id").asText();
            first.client.closeConnection(4900, "going"); // no 1000: the session stays
        }
        gateway.guildCreate("400000000000000000", "Guild", "1", Map.of());
        gateway.messageCreate(null, "500", DiscordAuthor.of("600", "anna"), "missed");

        try (Client second = Client.open(gateway.resumeUrl())) {
            second.next();
            second.send("{\"op\":6,\"d\":{\"token\":\"" + FakeDiscordApi.DEFAULT_TOKEN + "\",\"session_id\":\""
                    + session + "\",\"seq\":1}}");

            assertThat(List.of(second.next(), second.next(), second.next())).extracting(n -> n.path("t").asText()
                    + " " + n.path("s").asInt()).containsExactly("GUILD_CREATE 2", "MESSAGE_CREATE 3", "RESUMED 4");
        }
        assertThat(gateway.connectionPaths()).last().asString().startsWith("/resume");
    }

    @Test
    void refusesASecondIdentifyOfOneRateLimitKeyWithin5Seconds() throws Exception {
        try (Client a = Client.open(gateway.url()); Client b = Client.open(gateway.url())) {
            a.next();
            b.next();
            a.send(IDENTIFY);
            assertThat(a.next().path("t").asText()).isEqualTo("READY");
            b.send(IDENTIFY);
            JsonNode refused = b.next();
            assertThat(refused.path("op").asInt()).isEqualTo(9);
            assertThat(refused.path("d").asBoolean(true)).isFalse();
        }
        assertThat(gateway.identifyRateViolations()).isEqualTo(1);
    }

    /** A plain WebSocket client that queues what it receives. */
    private static final class Client implements AutoCloseable {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final WebSocketClient client;

        private Client(URI uri) {
            client = new WebSocketClient(uri) {
                @Override
                public void onOpen(ServerHandshake handshake) {}

                @Override
                public void onMessage(String message) {
                    frames.add(message);
                }

                @Override
                public void onClose(int code, String reason, boolean remote) {
                    closed.complete(code);
                }

                @Override
                public void onError(Exception ex) {}
            };
        }

        static Client open(URI url) throws InterruptedException {
            Client c = new Client(URI.create(url + "?v=10&encoding=json"));
            assertThat(c.client.connectBlocking(30, TimeUnit.SECONDS)).isTrue();
            return c;
        }

        void send(String frame) {
            client.send(frame);
        }

        JsonNode next() throws Exception {
            String frame = frames.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(frame).as("a frame within " + WAIT).isNotNull();
            return JSON.readTree(frame);
        }

        @Override
        public void close() throws InterruptedException {
            client.closeBlocking();
        }
    }
}
