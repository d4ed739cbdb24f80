package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.SentMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AWS stream handler driven with one event format's documented shape, in this JVM. */
abstract class AwsEventContract extends EntryPointContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ServerlessBot bot;
    protected AwsLambdaHandler handler;

    /** The event template under {@code src/test/resources}. */
    protected abstract String template();

    @Override
    protected void startFunction(Map<String, String> environment) {
        bot = ServerlessBot.of(new TelegramTestBotFactory(environment));
        handler = new AwsLambdaHandler(bot);
    }

    @Override
    protected void stopFunction() {
        bot.stop();
    }

    @Override
    protected Answer post(String body, Map<String, String> headers) throws Exception {
        return answerOf(invoke(AwsEvents.event(template(), body, headers, false)));
    }

    protected JsonNode invoke(ObjectNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(AwsEvents.json(event).getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    @Override
    protected void runScheduledTrigger() throws Exception {
        ObjectNode event;
        try (var in = getClass().getClassLoader().getResourceAsStream("aws/scheduled-event.json")) {
            event = (ObjectNode) JSON.readTree(in);
        }
        assertThat(invoke(event).has("ranDueJobs")).isTrue();
    }

    @Test
    void runsTheDueJobsForAnEventBridgeSchedulerInput() throws Exception {
        FakeUser user = newUser();
        post(message(user, "/remind stretch"), withSecret(SECRET));

        JsonNode answer = invoke((ObjectNode) JSON.readTree("{\"chorus\": \"run-due-jobs\"}"));

        assertThat(answer.path("ranDueJobs").asInt()).isEqualTo(1);
        assertThat(sentTo(user)).extracting(SentMessage::text).containsExactly("reminder: stretch");
    }

    static Answer answerOf(JsonNode response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        String body = response.path("body").asText();
        if (response.path("isBase64Encoded").asBoolean()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return new Answer(response.path("statusCode").asInt(), headers, body);
    }

    @Test
    void decodesABase64EncodedBody() throws Exception {
        ObjectNode event = AwsEvents.event(template(), message(newUser(), "/hello"),
                withSecret(SECRET), true);

        Answer answer = answerOf(invoke(event));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("text").asText()).isEqualTo("hello Viktor Petrov!");
    }

    @Test
    void answersABodyFlaggedBase64ThatIsNotWith400() throws Exception {
        ObjectNode event = AwsEvents.event(template(), "{}", withSecret(SECRET), true);
        event.put("body", "{not base64!}");

        JsonNode response = invoke(event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(response.path("body").asText())
                .startsWith("Bad Request: the event says the body is base64, but it is not");
    }

    @Test
    void writesJsonAnswersAsTextNotBase64() throws Exception {
        JsonNode response = invoke(AwsEvents.event(template(), message(newUser(), "/hello"),
                withSecret(SECRET), false));

        assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(response.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
        assertThat(response.path("body").asText()).contains("\"text\":\"hello Viktor Petrov!\"");
    }

    @Test
    void answersABodyOfThirtyMegabytesWith413NotWithNotJson() throws Exception {
        ObjectNode event = AwsEvents.event(template(), "x".repeat(30 << 20), withSecret(SECRET), false);

        JsonNode response = invoke(event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(413);
        assertThat(response.path("body").asText()).isEqualTo("Payload Too Large: the limit is 1048576 bytes");
    }

    @Test
    void failsTheInvocationWithAClearSentenceForAnEventThatIsNotHttp() {
        assertThatThrownBy(() -> handler.handleRequest(
                        new ByteArrayInputStream("{\"source\":\"aws.events\",\"detail\":{}}".getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the Lambda event is not an HTTP event (it has neither \"version\": \"2.0\" nor"
                        + " \"httpMethod\"): invoke the function through a function URL, an API Gateway HTTP API"
                        + " or a REST API");
    }

    @Test
    void failsTheInvocationWithAClearSentenceForAnEventThatIsNotJson() {
        assertThatThrownBy(() -> handler.handleRequest(
                        new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the Lambda event is not JSON: ");
    }
}
