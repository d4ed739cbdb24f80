package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link YandexFunctionHandler} with the documented HTTP invocation shape: the request JSON is
 * read into a map as the Java runtime does before calling a {@code Function} handler, and the
 * returned map is written back as JSON and read as the HTTP answer.
 */
class YandexFunctionTest extends EntryPointContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ServerlessBot bot;
    private YandexFunctionHandler handler;

    @Override
    protected void startFunction(Map<String, String> environment) {
        bot = ServerlessBot.of(new TelegramTestBotFactory(environment));
        handler = new YandexFunctionHandler(bot);
    }

    @Override
    protected void stopFunction() {
        bot.stop();
    }

    @Override
    protected Answer post(String body, Map<String, String> headers) throws Exception {
        return answerOf(invoke(invocation(body, headers, false)));
    }

    private static Map<String, Object> invocation(String body, Map<String, String> headers, boolean base64)
            throws IOException {
        Map<String, Object> event;
        try (InputStream in = YandexFunctionTest.class.getClassLoader()
                .getResourceAsStream("yandex/http-invocation.json")) {
            event = JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> single = (Map<String, Object>) event.get("headers");
        @SuppressWarnings("unchecked")
        Map<String, Object> multi = (Map<String, Object>) event.get("multiValueHeaders");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> {
            single.put(name, value);
            multi.put(name, List.of(value));
        });
        single.put("Content-Length", Integer.toString(bytes.length));
        multi.put("Content-Length", List.of(Integer.toString(bytes.length)));
        event.put("body", base64 ? Base64.getEncoder().encodeToString(bytes) : body);
        event.put("isBase64Encoded", base64);
        return event;
    }

    @Override
    protected void runScheduledTrigger() throws Exception {
        Map<String, Object> event;
        try (InputStream in = YandexFunctionTest.class.getClassLoader().getResourceAsStream("yandex/timer-trigger.json")) {
            event = JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
        }
        assertThat(invoke(event).path("statusCode").asInt()).isEqualTo(200);
    }

    /** Calls the handler and returns its answer as the JSON the runtime writes. */
    private JsonNode invoke(Map<String, Object> event) throws IOException {
        return JSON.readTree(JSON.writeValueAsBytes(handler.apply(event)));
    }

    private static Answer answerOf(JsonNode response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        String body = response.path("body").asText();
        if (response.path("isBase64Encoded").asBoolean()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new Answer(response.path("statusCode").asInt(), headers, body);
    }

    @Test
    void answersWithTheDocumentedResponseFields() throws Exception {
        JsonNode response = invoke(invocation(message(newUser(), "/hello"),
                withSecret(SECRET), false));

        List<String> fields = new ArrayList<>();
        response.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");
        assertThat(response.path("statusCode").isInt()).isTrue();
        assertThat(response.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
        assertThat(response.path("multiValueHeaders").path("Content-Type").get(0).asText())
                .isEqualTo("application/json");
        assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(JSON.readTree(response.path("body").asText()).path("text").asText()).isEqualTo("hello Viktor Petrov!");
    }

    @Test
    void decodesABase64EncodedBody() throws Exception {
        Answer answer = answerOf(invoke(invocation(message(newUser(), "/hello"),
                withSecret(SECRET), true)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("text").asText()).isEqualTo("hello Viktor Petrov!");
    }

    @Test
    void readsTheBase64FlagWhenTheRuntimeHandsItAsText() throws Exception {
        Map<String, Object> event = invocation(message(newUser(), "/hello"), withSecret(SECRET), true);
        event.put("isBase64Encoded", "true");

        assertThat(answerOf(invoke(event)).status()).isEqualTo(200);
    }

    @Test
    void answersABodyFlaggedBase64ThatIsNotWith400() throws Exception {
        Map<String, Object> event = invocation("{}", withSecret(SECRET), true);
        event.put("body", "{not base64!}");

        Answer answer = answerOf(invoke(event));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).startsWith("Bad Request: the event says the body is base64, but it is not");
    }

    @Test
    void failsWithAClearSentenceWhenNotInvokedOverHttpNorByATimer() {
        Map<String, Object> queue = Map.of("messages", List.of(Map.of("event_metadata",
                Map.of("event_type", "yandex.cloud.events.messagequeue.QueueMessage"))));

        assertThatThrownBy(() -> handler.apply(queue))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the function was not invoked over HTTP (the event has no \"httpMethod\"): call it"
                        + " through its HTTPS URL or an API Gateway, without ?integration=raw");
    }
}
