package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.testkit.lambda.FakeLambdaRuntime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
    protected void startFunction(Map<String, String> environment) throws Exception {
        runtime = FakeLambdaRuntime.start();
        lambda = LambdaProcess.start(runtime.address(), environment);
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
                .invoke(AwsEvents.json(AwsEvents.event(AwsEvents.FUNCTION_URL, body, headers, false))).await(Duration.ofSeconds(30));
        assertThat(result.error()).as("invocation error: %s\n%s", result.body(), lambda.output()).isFalse();
        return AwsEventContract.answerOf(JSON.readTree(result.body()));
    }

    @Override
    protected void runScheduledTrigger() throws Exception {
        String event;
        try (var in = getClass().getClassLoader().getResourceAsStream("aws/scheduled-event.json")) {
            event = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        FakeLambdaRuntime.Result result = runtime.invoke(event).await(Duration.ofSeconds(30));
        assertThat(result.error()).as("invocation error: %s\n%s", result.body(), lambda.output()).isFalse();
        assertThat(JSON.readTree(result.body()).has("ranDueJobs")).isTrue();
    }

    @Test
    void buildsTheBotOnceAndReusesItForLaterInvocations() throws Exception {
        post(message(newUser(), "/hello"), withSecret(SECRET));
        post(message(newUser(), "/hello"), withSecret(SECRET));

        String output = lambda.output();
        assertThat(output.split("Bot started for serverless use", -1)).hasSize(2);
    }

    @Test
    void keepsTheTokenAndTheSecretOutOfTheFunctionsLog() throws Exception {
        post(message(newUser(), "/hello"), withSecret(SECRET));
        post(message(newUser(), "/hello"), withSecret("a-wrong-secret"));
        post(MALFORMED, withSecret(SECRET));

        String output = lambda.output();
        assertThat(output).contains("Bot started for serverless use");
        assertThat(output).doesNotContain(telegram.token()).doesNotContain(SECRET);
    }

    @Test
    void reportsAnEventThatIsNotHttpAsTheInvocationsError() throws Exception {
        FakeLambdaRuntime.Result result = runtime.invoke("{\"source\":\"aws.events\"}").await(Duration.ofSeconds(30));

        assertThat(result.error()).isTrue();
        JsonNode error = JSON.readTree(result.body());
        assertThat(error.path("errorType").asText()).isEqualTo(
                "dev.chorusbot.serverless.internal.AwsHttpEvents$NotAnHttpEventException");
        assertThat(error.path("errorMessage").asText()).startsWith("the Lambda event is not an HTTP event");
        assertThat(lambda.isAlive()).isTrue();
    }

    @Test
    void failsInitialisationWithOneSentenceNamingTheMissingVariableAndNoSecret() throws Exception {
        Map<String, String> environment = new HashMap<>(environment());
        environment.remove("TELEGRAM_BOT_TOKEN");
        try (FakeLambdaRuntime other = FakeLambdaRuntime.start();
                LambdaProcess broken = LambdaProcess.start(other.address(), environment)) {
            FakeLambdaRuntime.Result init = other.awaitInitError(Duration.ofSeconds(30));

            JsonNode error = JSON.readTree(init.body());
            assertThat(error.path("errorMessage").asText())
                    .contains("TELEGRAM_BOT_TOKEN is not set: put the token BotFather gave you in it");
            assertThat(init.body()).doesNotContain(SECRET);
            assertThat(broken.waitFor(30)).as("the runtime client exits after an init error").isTrue();
        }
    }

    @Test
    void refusesLongPollingInAFunctionWithoutShowingTheToken() throws Exception {
        Map<String, String> environment = new HashMap<>(environment());
        environment.put("TELEGRAM_MODE", "polling");
        try (FakeLambdaRuntime other = FakeLambdaRuntime.start();
                LambdaProcess broken = LambdaProcess.start(other.address(), environment)) {
            FakeLambdaRuntime.Result init = other.awaitInitError(Duration.ofSeconds(30));

            assertThat(JSON.readTree(init.body()).path("errorMessage").asText())
                    .contains("the telegram adapter of the bot from " + TelegramTestBotFactory.class.getName()
                            + " pulls events on its own threads");
            assertThat(init.body() + broken.output()).doesNotContain(telegram.token());
            assertThat(telegram.calls("getUpdates")).isEmpty();
        }
    }

    @Test
    void failsInitialisationWhenChorusBotFactoryNamesAMissingClass() throws Exception {
        try (FakeLambdaRuntime other = FakeLambdaRuntime.start();
                LambdaProcess broken = LambdaProcess.start(other.address(), Map.of(
                        "CHORUS_BOT_FACTORY", "com.example.NoSuchFactory"))) {
            FakeLambdaRuntime.Result init = other.awaitInitError(Duration.ofSeconds(30));

            assertThat(JSON.readTree(init.body()).path("errorMessage").asText())
                    .contains("CHORUS_BOT_FACTORY names com.example.NoSuchFactory, which is not on the class path");
            assertThat(broken.waitFor(30)).as("the runtime client exits after an init error").isTrue();
        }
    }
}
