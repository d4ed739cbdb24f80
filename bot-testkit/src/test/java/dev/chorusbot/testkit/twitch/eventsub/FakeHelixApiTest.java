package dev.chorusbot.testkit.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake answers the way id.twitch.tv and api.twitch.tv do, errors included. */
class FakeHelixApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeHelixApi helix = FakeHelixApi.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        helix.close();
    }

    @Test
    void issuesAnAppTokenForTheRightClientCredentials() throws Exception {
        HttpResponse<String> response = token("client_id=fake-client-id&client_secret=fake-client-secret"
                + "&grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("access_token").asText()).isNotEmpty();
        assertThat(body.path("expires_in").asLong()).isEqualTo(5011271);
        assertThat(body.path("token_type").asText()).isEqualTo("bearer");
    }

    @Test
    void refusesAWrongClientOrSecretWithTwitchsBodies() throws Exception {
        HttpResponse<String> unknown = token("client_id=nope&client_secret=fake-client-secret&grant_type=client_credentials");
        HttpResponse<String> wrongSecret = token("client_id=fake-client-id&client_secret=nope&grant_type=client_credentials");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"status\":400,\"message\":\"invalid client\"}");
        assertThat(wrongSecret.statusCode()).isEqualTo(403);
        assertThat(wrongSecret.body()).isEqualTo("{\"status\":403,\"message\":\"invalid client secret\"}");
    }

    @Test
    void answers401WithoutOrWithAnExpiredToken() throws Exception {
        String token = JSON.readTree(token("client_id=fake-client-id&client_secret=fake-client-secret"
                + "&grant_type=client_credentials").body()).path("access_token").asText();
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(helix.baseUrl().resolve("/helix/users?login=a"))
                .header("Client-Id", "fake-client-id").build(), HttpResponse.BodyHandlers.ofString());
        helix.expireTokens();
        HttpResponse<String> expired = get("/helix/users?login=a", token);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"OAuth token is missing\"}");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"Invalid OAuth token\"}");
    }

    @Test
    void reportsTheRateLimitAndAnswers429WhenTheBucketIsEmpty() throws Exception {
        String token = JSON.readTree(token("client_id=fake-client-id&client_secret=fake-client-secret"
                + "&grant_type=client_credentials").body()).path("access_token").asText();
        HttpResponse<String> first = get("/helix/users?login=a", token);
        helix.remainingPoints(0);
        HttpResponse<String> refused = get("/helix/users?login=a", token);

        assertThat(first.headers().firstValue("Ratelimit-Limit")).hasValue("800");
        assertThat(first.headers().firstValue("Ratelimit-Remaining")).hasValue("799");
        assertThat(first.headers().firstValue("Ratelimit-Reset")).isPresent();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Ratelimit-Remaining")).hasValue("0");
    }

    @Test
    void verifiesANewSubscriptionThroughItsCallbackAndRefusesASecondOneWith409() throws Exception {
        String token = JSON.readTree(token("client_id=fake-client-id&client_secret=fake-client-secret"
                + "&grant_type=client_credentials").body()).path("access_token").asText();
        // A webhook that echoes the challenge, as a correct one does.
        HttpServer webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/twitch", exchange -> {
            byte[] challenge = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("challenge").asText()
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, challenge.length);
            exchange.getResponseBody().write(challenge);
            exchange.close();
        });
        webhook.start();
        try {
            String body = "{\"type\":\"channel.chat.message\",\"version\":\"1\",\"condition\":{\"broadcaster_user_id\":"
                    + "\"1\",\"user_id\":\"2\"},\"transport\":{\"method\":\"webhook\",\"callback\":"
                    + "\"http://127.0.0.1:" + webhook.getAddress().getPort() + "/twitch\",\"secret\":\"0123456789\"}}";

            HttpResponse<String> created = post("/helix/eventsub/subscriptions", token, body);
            String id = JSON.readTree(created.body()).path("data").path(0).path("id").asText();
            assertThat(created.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(created.body()).path("data").path(0).path("status").asText())
                    .isEqualTo("webhook_callback_verification_pending");
            helix.awaitSubscriptionStatus(id, "enabled", Duration.ofSeconds(5));

            HttpResponse<String> again = post("/helix/eventsub/subscriptions", token, body);

            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body())
                    .isEqualTo("{\"error\":\"Conflict\",\"status\":409,\"message\":\"subscription already exists\"}");
        } finally {
            webhook.stop(0);
        }
    }

    @Test
    void failsASubscriptionStatusWaitNamingTheStatusAwaitedAndSeen() {
        assertThatThrownBy(() -> helix.awaitSubscriptionStatus("no-such-id", "enabled", Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("timed out after 20 ms waiting for subscription no-such-id to be enabled;"
                        + " saw no such subscription");
    }

    private HttpResponse<String> token(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(helix.baseUrl().resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(request(helix.baseUrl().resolve(path), token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(request(helix.baseUrl().resolve(path), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Client-Id", "fake-client-id");
    }
}
