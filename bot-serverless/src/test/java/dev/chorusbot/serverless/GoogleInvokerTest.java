package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.functions.invoker.runner.Invoker;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeUpdate;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link GoogleFunctionHandler} under the real Functions Framework invoker on a loopback port,
 * receiving updates as HTTP POSTs the way Telegram sends them to a deployed function.
 */
class GoogleInvokerTest extends EntryPointContract {
    private static volatile Map<String, String> functionEnvironment = Map.of();
    private Invoker invoker;
    private int port;

    /**
     * The function the invoker creates by class name, wired to this test's fake Telegram (the
     * in-process invoker cannot be given environment variables).
     */
    public static final class TelegramFunction extends GoogleFunctionHandler {
        /** Called by the invoker. */
        public TelegramFunction() {
            super(ServerlessBot.of(new TelegramTestBotFactory(functionEnvironment)));
        }
    }

    @Override
    protected void startFunction(Map<String, String> environment) throws Exception {
        functionEnvironment = environment;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        invoker = new Invoker(port, TelegramFunction.class.getName(), "http", getClass().getClassLoader());
        invoker.startTestServer();
    }

    @Override
    protected void stopFunction() throws Exception {
        invoker.stopServer();
    }

    /**
     * A client per request: the server closes a connection after refusing a body it did not read
     * (413), and a pooled connection it closed would fail the next test's request.
     */
    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    protected Answer post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return answer(client().send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Override
    protected void runScheduledTrigger() throws Exception {
        // As Cloud Scheduler calls an HTTP target: a POST with its X-CloudScheduler headers.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chorus/jobs"))
                .timeout(Duration.ofSeconds(30))
                .header("X-CloudScheduler", "true")
                .header("X-CloudScheduler-JobName", "chorus-due-jobs")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        Answer answer = answer(client().send(request, HttpResponse.BodyHandlers.ofString()));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("ran ");
    }

    private static Answer answer(HttpResponse<String> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
        return new Answer(response.statusCode(), headers, response.body());
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWithoutReadingItAll() throws Exception {
        // Just over the limit: the few bytes left unread are drained by the server, so the client
        // reads the answer instead of a reset while it is still sending.
        byte[] huge = ("{\"update_id\":1,\"pad\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram"))
                .timeout(Duration.ofSeconds(30))
                .header(SECRET_HEADER, SECRET)
                // No length known up front: sent chunked, so only the read limit can stop it.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();

        Answer answer = answer(client().send(request, HttpResponse.BodyHandlers.ofString()));

        assertThat(answer.status()).isEqualTo(413);
    }

    @Test
    void servesAnUpdateDeliveredTheWayTelegramDeliversIt() {
        FakeUser user = newUser();
        FakeUpdate update = telegram.message(FakeChat.privateWith(user), user, "/hello");

        WebhookDelivery delivery = telegram.deliver(URI.create("http://127.0.0.1:" + port + "/"),
                Optional.of(SECRET), update.json().getBytes(StandardCharsets.UTF_8));

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(sentTo(user)).singleElement().satisfies(sent -> {
            assertThat(sent.text()).isEqualTo("hello Viktor Petrov!");
            assertThat(sent.viaWebhookResponse()).isTrue();
        });
    }

    @Test
    void answersAGetOnTheFunctionUrlWith405() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).GET().build();

        HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().allValues("Allow")).isEqualTo(List.of("POST"));
    }
}
