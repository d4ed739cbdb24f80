package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.functions.invoker.runner.Invoker;
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
import org.junit.jupiter.api.Test;

/**
 * {@link GoogleFunctionHandler} under the real Functions Framework invoker on a loopback port,
 * receiving updates as HTTP POSTs the way Telegram sends them to a deployed function.
 */
class GoogleInvokerTest extends EntryPointContract {
    private static volatile String apiUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Invoker invoker;
    private int port;

    /** The function the invoker creates by class name, wired to this test's chat API. */
    public static final class EchoFunction extends GoogleFunctionHandler {
        /** Called by the invoker. */
        public EchoFunction() {
            super(ServerlessBot.of(new EchoBotFactory(apiUrl, Updates.SECRET)));
        }
    }

    @Override
    protected void startFunction(String url) throws Exception {
        apiUrl = url;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        invoker = new Invoker(port, EchoFunction.class.getName(), "http", getClass().getClassLoader());
        invoker.startTestServer();
    }

    @Override
    protected void stopFunction() throws Exception {
        invoker.stopServer();
    }

    @Override
    protected Answer post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return answer(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
        return new Answer(response.statusCode(), headers, response.body());
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWithoutReadingItAll() throws Exception {
        byte[] huge = ("{\"update_id\":1,\"pad\":\"" + "x".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram"))
                .timeout(Duration.ofSeconds(30))
                .header(EchoPushAdapter.SECRET_HEADER, Updates.SECRET)
                // No length known up front: sent chunked, so only the read limit can stop it.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();

        Answer answer = answer(client.send(request, HttpResponse.BodyHandlers.ofString()));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(api.sent()).isEmpty();
    }

    @Test
    void answersAGetOnTheFunctionUrlWith405() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).GET().build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().allValues("Allow")).isEqualTo(List.of("POST"));
    }
}
