package dev.chorusbot.testkit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake speaks the Runtime API as a runtime client sees it. */
class FakeLambdaRuntimeTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private FakeLambdaRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        runtime = FakeLambdaRuntime.builder().deadline(Duration.ofSeconds(30)).start();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private URI uri(String path) {
        return URI.create("http://" + runtime.address() + "/2018-06-01/runtime/" + path);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Lambda-Runtime-Function-Error-Type", "Runtime.ConfigurationException")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void handsOutAQueuedEventWithTheRuntimeHeadersAndTakesItsResponse() throws Exception {
        FakeLambdaRuntime.Invocation result = runtime.invoke("{\"hello\":1}");
        long before = System.currentTimeMillis();

        HttpResponse<String> next = client.send(HttpRequest.newBuilder(uri("invocation/next")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        HttpResponse<String> posted = post("invocation/" + id + "/response", "{\"statusCode\":200}");

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"hello\":1}");
        assertThat(Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
                .isGreaterThanOrEqualTo(before + 29_000);
        assertThat(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow())
                .startsWith("arn:aws:lambda:");
        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(posted.body()).isEqualTo("{\"status\":\"OK\"}");
        FakeLambdaRuntime.Result done = result.await(Duration.ofSeconds(5));
        assertThat(done.requestId()).isEqualTo(result.requestId());
        assertThat(done.error()).isFalse();
        assertThat(done.body()).isEqualTo("{\"statusCode\":200}");
        assertThat(done.completedNanos()).isGreaterThanOrEqualTo(done.deliveredNanos());
    }

    @Test
    void failsTheInvocationsStillUnansweredWhenClosedSoNoTestHangs() {
        FakeLambdaRuntime.Invocation unanswered = runtime.invoke("{}");

        runtime.close();

        assertThat(unanswered.future()).isCompletedExceptionally();
        assertThatThrownBy(() -> unanswered.await(Duration.ofSeconds(1))).isInstanceOf(AssertionError.class)
                .hasMessage("waiting for the answer to invocation " + unanswered.requestId() + " (event not yet fetched"
                        + " from /next) failed: the fake Lambda runtime was closed before the function answered");
        assertThatThrownBy(() -> runtime.awaitInitError(Duration.ofSeconds(1))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("closed before the function answered");
    }

    @Test
    void failsAnAwaitThatTimesOutNamingTheInvocation() {
        FakeLambdaRuntime.Invocation unanswered = runtime.invoke("{}");

        assertThatThrownBy(() -> unanswered.await(Duration.ofMillis(20))).isInstanceOf(AssertionError.class)
                .hasMessage("timed out after 20 ms waiting for the answer to invocation " + unanswered.requestId()
                        + " (event not yet fetched from /next); saw nothing posted");
    }

    @Test
    void recordsAnInvocationErrorWithItsType() throws Exception {
        FakeLambdaRuntime.Invocation result = runtime.invoke("{}");
        String id = client.send(HttpRequest.newBuilder(uri("invocation/next")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        post("invocation/" + id + "/error", "{\"errorMessage\":\"boom\",\"errorType\":\"X\"}");

        FakeLambdaRuntime.Result done = result.await(Duration.ofSeconds(5));
        assertThat(done.error()).isTrue();
        assertThat(done.errorType()).contains("Runtime.ConfigurationException");
    }

    @Test
    void answersAnUnknownRequestIdWith400InvalidRequestId() throws Exception {
        HttpResponse<String> posted = post("invocation/no-such-id/response", "{}");

        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.body()).isEqualTo("{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
    }

    @Test
    void recordsAnInitialisationError() throws Exception {
        HttpResponse<String> posted = post("init/error", "{\"errorMessage\":\"TELEGRAM_BOT_TOKEN is not set\"}");

        assertThat(posted.statusCode()).isEqualTo(202);
        FakeLambdaRuntime.Result init = runtime.awaitInitError(Duration.ofSeconds(5));
        assertThat(init.body()).contains("TELEGRAM_BOT_TOKEN is not set");
        assertThat(init.errorType()).contains("Runtime.ConfigurationException");
    }
}
