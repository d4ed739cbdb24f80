package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.testkit.lambda.FakeLambdaRuntime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link AwsLambdaHandler} under the real AWS Lambda runtime interface client (a child JVM),
 * created by the runtime through its no-argument constructor, so the {@link BotFactory} comes from
 * {@code META-INF/services} and the environment, as in a deployed function.
 */
class AwsRuntimeClientTest extends EntryPointContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeLambdaRuntime runtime;
    private LambdaProcess lambda;

    @Override
    protected void startFunction(String apiUrl) throws Exception {
        runtime = FakeLambdaRuntime.start();
        lambda = LambdaProcess.start(runtime.address(), Map.of(
                "ECHO_API_URL", apiUrl,
                "ECHO_WEBHOOK_SECRET", Updates.SECRET));
    }

    @Override
    protected void stopFunction() throws Exception {
        try {
            lambda.close();
        } finally {
            runtime.close();
        }
    }

    @Override
    protected Answer post(String body, Map<String, String> headers) throws Exception {
        FakeLambdaRuntime.Result result = runtime
                .invoke(AwsEvents.json(AwsEvents.event(AwsEvents.FUNCTION_URL, body, headers, false)))
                .get(30, TimeUnit.SECONDS);
        assertThat(result.error()).as("invocation error: %s\n%s", result.body(), lambda.output()).isFalse();
        return AwsEventContract.answerOf(JSON.readTree(result.body()));
    }

    @Test
    void buildsTheBotOnceAndReusesItForLaterInvocations() throws Exception {
        post(Updates.message(nextUpdateId(), "/hello"), withSecret(Updates.SECRET));
        post(Updates.message(nextUpdateId(), "/hello"), withSecret(Updates.SECRET));

        String output = lambda.output();
        assertThat(output.split("Bot started for serverless use", -1)).hasSize(2);
    }

    @Test
    void reportsAnEventThatIsNotHttpAsTheInvocationsError() throws Exception {
        FakeLambdaRuntime.Result result = runtime.invoke("{\"source\":\"aws.events\"}").get(30, TimeUnit.SECONDS);

        assertThat(result.error()).isTrue();
        JsonNode error = JSON.readTree(result.body());
        assertThat(error.path("errorType").asText()).isEqualTo(
                "dev.chorusbot.serverless.internal.AwsHttpEvents$NotAnHttpEventException");
        assertThat(error.path("errorMessage").asText()).startsWith("the Lambda event is not an HTTP event");
        assertThat(lambda.isAlive()).isTrue();
    }

    @Test
    void failsInitialisationWithOneSentenceNamingTheMissingVariableAndNoSecret() throws Exception {
        try (FakeLambdaRuntime other = FakeLambdaRuntime.start();
                LambdaProcess broken = LambdaProcess.start(other.address(), Map.of(
                        "ECHO_WEBHOOK_SECRET", Updates.SECRET))) {
            FakeLambdaRuntime.Result init = other.initError().get(30, TimeUnit.SECONDS);

            JsonNode error = JSON.readTree(init.body());
            assertThat(error.path("errorMessage").asText())
                    .contains("ECHO_API_URL is not set: set it to the chat API's base URL");
            assertThat(init.body()).doesNotContain(Updates.SECRET);
            assertThat(broken.waitFor(30)).as("the runtime client exits after an init error").isTrue();
        }
    }

    @Test
    void failsInitialisationWhenChorusBotFactoryNamesAMissingClass() throws Exception {
        try (FakeLambdaRuntime other = FakeLambdaRuntime.start();
                LambdaProcess broken = LambdaProcess.start(other.address(), Map.of(
                        "CHORUS_BOT_FACTORY", "com.example.NoSuchFactory"))) {
            FakeLambdaRuntime.Result init = other.initError().get(30, TimeUnit.SECONDS);

            assertThat(JSON.readTree(init.body()).path("errorMessage").asText())
                    .contains("CHORUS_BOT_FACTORY names com.example.NoSuchFactory, which is not on the class path");
        }
    }
}
