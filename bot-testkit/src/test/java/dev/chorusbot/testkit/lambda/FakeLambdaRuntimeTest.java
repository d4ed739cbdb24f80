package dev.chorusbot.testkit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake speaks the Runtime API as a runtime client sees it. */
class FakeLambdaRuntimeTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private FakeLambdaRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        runtime = FakeLambdaRuntime.start(Duration.ofSeconds(30));
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
        CompletableFuture<FakeLambdaRuntime.Result> result = runtime.invoke("{\"hello\":1}");
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
        FakeLambdaRuntime.Result done = result.get(5, TimeUnit.SECONDS);
        assertThat(done.error()).isFalse();
        assertThat(done.body()).isEqualTo("{\"statusCode\":200}");
        assertThat(done.completedNanos()).isGreaterThanOrEqualTo(done.deliveredNanos());
    }

    @Test
    void failsTheInvocationsStillUnansweredWhenClosedSoNoTestHangs() {
        CompletableFuture<FakeLambdaRuntime.Result> unanswered = runtime.invoke("{}");

        runtime.close();

        assertThat(unanswered).isCompletedExceptionally();
        assertThatThrownBy(unanswered::join).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("the fake Lambda runtime was closed before the function answered");
        assertThat(runtime.initError()).isCompletedExceptionally();
    }

    @Test
    void recordsAnInvocationErrorWithItsType() throws Exception {
        CompletableFuture<FakeLambdaRuntime.Result> result = runtime.invoke("{}");
        String id = client.send(HttpRequest.newBuilder(uri("invocation/next")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        post("invocation/" + id + "/error", "{\"errorMessage\":\"boom\",\"errorType\":\"X\"}");

        FakeLambdaRuntime.Result done = result.get(5, TimeUnit.SECONDS);
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
        FakeLambdaRuntime.Result init = runtime.initError().get(5, TimeUnit.SECONDS);
        assertThat(init.body()).contains("TELEGRAM_BOT_TOKEN is not set");
        assertThat(init.errorType()).contains("Runtime.ConfigurationException");
    }
}
