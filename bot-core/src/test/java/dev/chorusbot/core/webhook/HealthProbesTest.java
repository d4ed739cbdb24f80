package dev.chorusbot.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded server's liveness and readiness probes, and how they are asked for. */
class HealthProbesTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private Bot bot;

    /** An adapter whose connection the test turns on and off. */
    static final class Switchable implements Adapter {
        volatile boolean connected;

        @Override
        public Platform platform() {
            return Platform.of("switchable");
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.plainText();
        }

        @Override
        public void start(EventSink sink) {}

        @Override
        public CompletableFuture<Void> send(Outbound message) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isReady() {
            return connected;
        }

        @Override
        public void close() {}
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
    }

    private HttpResponse<String> get(WebhookServer server, String path, String method) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static WebhookServer loopback() {
        return WebhookServer.builder().address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
    }

    @Test
    void readinessFollowsTheAdaptersAndTheBotsLife() throws Exception {
        Switchable adapter = new Switchable();
        WebhookServer server = loopback();
        bot = Bot.builder().adapter(adapter).webhookServer(server).healthPaths("/healthz", "/readyz").build();
        bot.start();

        assertThat(get(server, "/healthz", "GET").statusCode()).isEqualTo(200);
        HttpResponse<String> notReady = get(server, "/readyz", "GET");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).isEqualTo("unavailable\n");
        assertThat(notReady.headers().firstValue("Cache-Control")).contains("no-store");

        adapter.connected = true;
        HttpResponse<String> ready = get(server, "/readyz", "GET");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ok\n");
        assertThat(get(server, "/readyz", "HEAD").statusCode()).isEqualTo(200);

        HttpResponse<String> post = get(server, "/readyz", "POST");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(get(server, "/other", "GET").statusCode()).isEqualTo(404);
    }

    @Test
    void probesAreOffUnlessAskedFor() throws Exception {
        WebhookServer server = loopback();
        bot = Bot.builder().adapter(new Switchable()).webhookServer(server).build();
        bot.start();
        assertThat(get(server, "/healthz", "GET").statusCode()).isEqualTo(404);
        assertThat(get(server, "/readyz", "GET").statusCode()).isEqualTo(404);
    }

    @Test
    void theEnvironmentAsksWithOnOrTwoPaths() throws Exception {
        WebhookServer server = loopback();
        bot = Bot.builder().adapter(new Switchable()).webhookServer(server)
                .fromEnv(Map.of("CHORUS_HEALTH_PATHS", "/live, /ready")).build();
        bot.start();
        assertThat(get(server, "/live", "GET").statusCode()).isEqualTo(200);
        assertThat(get(server, "/ready", "GET").statusCode()).isEqualTo(503);
        assertThat(get(server, "/healthz", "GET").statusCode()).isEqualTo(404);
    }

    @Test
    void probesAloneGetTheEmbeddedServerOnTheChorusPort() {
        bot = Bot.builder().adapter(new Switchable())
                .fromEnv(Map.of("CHORUS_HEALTH_PATHS", "on", "CHORUS_WEBHOOK_PORT", "0")).build();
        assertThat(bot.webhookRoutes().handle(new WebhookRequest("GET", "/healthz", Map.of(), new byte[0])).status())
                .isEqualTo(200);
    }

    @Test
    void badValuesAreOneSentenceEach() {
        assertThatThrownBy(() -> Bot.builder().adapter(new Switchable())
                .fromEnv(Map.of("CHORUS_HEALTH_PATHS", "yes please", "CHORUS_WEBHOOK_PORT", "0")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CHORUS_HEALTH_PATHS must be 'on', 'off' or two different paths such as"
                        + " '/healthz,/readyz', was 'yes please'");
        assertThatThrownBy(() -> Bot.builder().adapter(new Switchable())
                .fromEnv(Map.of("CHORUS_HEALTH_PATHS", "on")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CHORUS_HEALTH_PATHS asks for health probes, which are served by the embedded"
                        + " webhook server: set CHORUS_WEBHOOK_PORT to its port");
        assertThatThrownBy(() -> Bot.builder().adapter(new Switchable()).healthPaths("/h", "/r").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("health probes at /h and /r are served by the embedded webhook server");
        assertThatThrownBy(() -> Bot.builder().adapter(new Switchable()).healthPaths("/same", "/same")
                .webhookServer(loopback()).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the liveness and readiness paths must differ, both were /same");
        assertThat(Bot.builder().adapter(new Switchable()).fromEnv(Map.of("CHORUS_HEALTH_PATHS", "off")).build())
                .isNotNull();
    }

    @Test
    void aProbePathCannotAlsoBeAWebhook() {
        WebhookRoutes routes = new WebhookRoutes().probe("/readyz", () -> true);
        assertThatThrownBy(() -> routes.add("/readyz", request -> WebhookResponse.ok()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhook path /readyz is already routed");
    }
}
