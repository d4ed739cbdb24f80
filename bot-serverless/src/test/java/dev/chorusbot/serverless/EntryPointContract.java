package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every entry point must do with a webhook update, whatever the cloud: each subclass delivers
 * the update the way its cloud does (an event JSON, a runtime, an HTTP server) and reads the answer
 * back from the cloud's response shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EntryPointContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong UPDATE_IDS = new AtomicLong(1000);

    /** An HTTP answer as the caller (Telegram) would receive it. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    protected FakeChatApi api;

    /** Starts the function for a bot whose chat API is at {@code apiUrl} and whose secret is {@link Updates#SECRET}. */
    protected abstract void startFunction(String apiUrl) throws Exception;

    /** Stops what {@link #startFunction} started. */
    protected abstract void stopFunction() throws Exception;

    /** Delivers a POST with {@code body} and {@code headers} the way the cloud does. */
    protected abstract Answer post(String body, Map<String, String> headers) throws Exception;

    @BeforeAll
    void startAll() throws Exception {
        api = new FakeChatApi();
        startFunction(api.url());
    }

    @AfterAll
    void stopAll() throws Exception {
        try {
            stopFunction();
        } finally {
            api.close();
        }
    }

    @AfterEach
    void resetApi() {
        api.reset();
    }

    protected static Map<String, String> withSecret(String secret) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (secret != null) {
            headers.put(EchoPushAdapter.SECRET_HEADER, secret);
        }
        return headers;
    }

    protected static long nextUpdateId() {
        return UPDATE_IDS.incrementAndGet();
    }

    @Test
    void rejectsAnUpdateWithoutTheSecretHeaderWith401() throws Exception {
        Answer answer = post(Updates.message(nextUpdateId(), "/hello"), withSecret(null));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(api.sent()).isEmpty();
    }

    @Test
    void rejectsAnUpdateWithAWrongSecretWith401() throws Exception {
        Answer answer = post(Updates.message(nextUpdateId(), "/hello"), withSecret("not-the-secret"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(api.sent()).isEmpty();
    }

    @Test
    void acceptsTheSecretHeaderInAnyCase() throws Exception {
        Map<String, String> headers = Map.of(
                "content-type", "application/json",
                EchoPushAdapter.SECRET_HEADER.toUpperCase(Locale.ROOT), Updates.SECRET);

        Answer answer = post(Updates.message(nextUpdateId(), "/hello"), headers);

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void answersHelloInsideTheWebhookResponse() throws Exception {
        Answer answer = post(Updates.message(nextUpdateId(), "/hello"), withSecret(Updates.SECRET));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode reply = JSON.readTree(answer.body());
        assertThat(reply.path("method").asText()).isEqualTo("sendMessage");
        assertThat(reply.path("chat_id").asLong()).isEqualTo(42L);
        assertThat(reply.path("text").asText()).isEqualTo("hello Viktor!");
        assertThat(api.sent()).isEmpty();
    }

    @Test
    void acceptsAnUnknownUpdateKindWith200AndIgnoresIt() throws Exception {
        Answer answer = post(Updates.unknownKind(nextUpdateId()), withSecret(Updates.SECRET));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(api.sent()).isEmpty();
    }

    @Test
    void rejectsMalformedJsonWith400() throws Exception {
        Answer answer = post(Updates.MALFORMED, withSecret(Updates.SECRET));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(api.sent()).isEmpty();
    }

    @Test
    void finishesEveryLaterSendBeforeTheInvocationReturns() throws Exception {
        api.delay(Duration.ofMillis(300));

        Answer answer = post(Updates.message(nextUpdateId(), "/twice"), withSecret(Updates.SECRET));

        assertThat(JSON.readTree(answer.body()).path("text").asText()).isEqualTo("one");
        // Read right after the answer, without waiting: the second message is already delivered.
        assertThat(api.sent()).hasSize(1);
        assertThat(JSON.readTree(api.sent().get(0)).path("text").asText()).isEqualTo("two");
    }

    @Test
    void refusesABodyOverOneMebibyteWith413() throws Exception {
        String huge = "{\"update_id\":1,\"pad\":\"" + "x".repeat(1 << 20) + "\"}";

        Answer answer = post(huge, withSecret(Updates.SECRET));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo("Payload Too Large: the limit is 1048576 bytes");
    }
}
