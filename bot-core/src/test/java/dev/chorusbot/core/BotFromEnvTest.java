package dev.chorusbot.core;

import static dev.chorusbot.core.BotEnvironmentTest.env;
import static dev.chorusbot.core.BotEnvironmentTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.console.ConsoleAdapter;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Bot.Builder#fromEnv} and the refusal of a push adapter that nothing hosts. */
class BotFromEnvTest {
    private static final Map<String, String> HOOKS = Map.of(
            "CHAT_CLIENT_ID", "client", "CHAT_CLIENT_SECRET", "secret", "CHAT_HOOK_SECRET", "hook-secret");

    @Test
    void buildsTheAdaptersTheEnvironmentSwitchesOn() {
        Bot bot = Bot.builder().command(Fixtures.hello()).fromEnv(Map.of("DUAL_TOKEN", "123:abc")).build();

        assertThat(bot.adapters()).containsOnlyKeys(Platform.of("dual"));
        assertThat(bot.adapters().get(Platform.of("dual"))).isInstanceOf(PullAdapter.class);
    }

    @Test
    void chatsOnTheConsoleWhenNothingIsSwitchedOn() {
        Bot bot = Bot.builder().command(Fixtures.hello()).fromEnv(Map.of()).build();

        assertThat(bot.adapters().values()).singleElement().isInstanceOf(ConsoleAdapter.class);
    }

    @Test
    void addsNoConsoleBesideAnAdapterOfTheBuilder() {
        Fixtures.RecordingAdapter own = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null);

        Bot bot = Bot.builder().command(Fixtures.hello()).adapter(own).fromEnv(Map.of()).build();

        assertThat(bot.adapters().values()).containsExactly(own);
    }

    @Test
    void reportsTheEnvironmentsProblemsTogetherWithTheBuildersOwn() {
        Bot.Builder builder = Bot.builder().command(Fixtures.hello()).command(Fixtures.hello())
                .fromEnv(Map.of("DUAL_TOKEN", "bad"));

        List<String> problems = problems(builder::build);

        assertThat(problems).containsExactly("two commands are named 'hello': names must be unique",
                "DUAL_TOKEN is not a token: expected <digits>:<letters>");
    }

    @Test
    void reportsAnAdapterOfTheBuilderForAPlatformTheEnvironmentAlsoSwitchesOn() {
        Bot.Builder builder = Bot.builder().command(Fixtures.hello())
                .adapter(new EnvProviders.Pull(Platform.of("dual"))).fromEnv(Map.of("DUAL_TOKEN", "123:abc"));

        assertThat(problems(builder::build)).containsExactly("two adapters for platform 'dual'; use one per platform");
    }

    @Test
    void servesThePushAdaptersOnTheEmbeddedServerAtChorusWebhookPort() throws Exception {
        Bot bot = Bot.builder().command(Fixtures.hello()).fromEnv(env(HOOKS, Map.of("CHORUS_WEBHOOK_PORT", "0"))).build();
        bot.start();
        try {
            // Port 0 binds a free port; the bot's routes are the embedded server's.
            assertThat(bot.webhookRoutes().endpoints()).containsOnlyKeys("/chat");
            assertThat(bot.webhookRoutes().handle(WebhookRequest.post("/chat", Map.of(), new byte[0])).status())
                    .isEqualTo(200);
        } finally {
            bot.stop();
        }
    }

    @Test
    void needsNoPortWhenTheBuilderHasAWebhookServer() throws Exception {
        WebhookServer server = WebhookServer.builder().port(0).build();
        Bot bot = Bot.builder().command(Fixtures.hello()).webhookServer(server).fromEnv(HOOKS).build();
        bot.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/chat"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } finally {
            bot.stop();
        }
    }

    @Test
    void refusesToStartAPushAdapterThatNothingHosts() {
        Bot bot = Bot.builder().command(Fixtures.hello()).fromFunctionEnv(HOOKS).build();

        assertThatThrownBy(bot::start).isInstanceOf(ConfigurationException.class)
                .hasMessage("the chat adapter receives webhooks at /chat, but nothing serves them: give the bot an"
                        + " embedded server (Bot.Builder.webhookServer, or CHORUS_WEBHOOK_PORT with fromEnv()), run it"
                        + " under a serverless entry point, or call bot.hostWebhooks() and serve bot.webhookRoutes()"
                        + " from your own HTTP server");
        assertThat(bot.isTerminated()).isFalse();
    }

    @Test
    void startsAPushAdapterWhoseWebhooksTheCallerHosts() {
        Bot bot = Bot.builder().command(Fixtures.hello()).fromFunctionEnv(HOOKS).build();

        bot.hostWebhooks();
        bot.start();
        try {
            assertThat(bot.webhookRoutes().handle(WebhookRequest.post("/chat", Map.of(), new byte[0])).status())
                    .isEqualTo(200);
        } finally {
            bot.stop();
        }
    }
}
