package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.console.ConsoleAdapter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Which platforms a bot runs, chosen from environment variables alone, with the providers of
 * {@link EnvProviders}: Dual is shaped like Telegram, Chat like Twitch IRC and ChatHooks like Twitch
 * EventSub.
 */
class BotEnvironmentTest {
    private static final Map<String, String> DUAL = Map.of("DUAL_TOKEN", "123:abc");
    private static final Map<String, String> HOOKS = Map.of(
            "CHAT_CLIENT_ID", "client", "CHAT_CLIENT_SECRET", "secret", "CHAT_HOOK_SECRET", "hook-secret");
    private static final Map<String, String> CHAT = Map.of("CHAT_USERNAME", "chorus_bot", "CHAT_CHANNELS", "dev");

    @SafeVarargs
    static Map<String, String> env(Map<String, String>... parts) {
        Map<String, String> env = new HashMap<>();
        for (Map<String, String> part : parts) {
            env.putAll(part);
        }
        return env;
    }

    static List<String> problems(Runnable action) {
        try {
            action.run();
        } catch (ConfigurationException e) {
            return e.problems();
        }
        throw new AssertionError("no ConfigurationException");
    }

    private static List<String> paths(BotEnvironment environment) {
        return environment.adapters().stream().map(a -> ((PushAdapter) a).webhookPath()).toList();
    }

    @Test
    void runsTheConsoleWhenNoPlatformIsConfigured() {
        BotEnvironment environment = BotEnvironment.process(Map.of());

        assertThat(environment.adapters()).singleElement().isInstanceOf(ConsoleAdapter.class);
        assertThat(environment.webhookPort()).isEmpty();
    }

    @Test
    void switchesOnAPushAdapterByItsVariableAndServesItOnChorusWebhookPort() {
        BotEnvironment environment = BotEnvironment.process(env(HOOKS, Map.of("CHORUS_WEBHOOK_PORT", "8080")));

        assertThat(paths(environment)).containsExactly("/chat");
        assertThat(environment.webhookPort()).isEqualTo(OptionalInt.of(8080));
        assertThat(environment.webhookServer()).isPresent();
    }

    @Test
    void servesTwoPushAdaptersOnOnePortWithTheDualOneInWebhookMode() {
        BotEnvironment environment = BotEnvironment.process(env(DUAL, HOOKS, Map.of("CHORUS_WEBHOOK_PORT", "8080")));

        assertThat(paths(environment)).containsExactly("/chat", "/dual");
        assertThat(environment.webhookPort()).isEqualTo(OptionalInt.of(8080));
    }

    @Test
    void keepsTheDualAdapterPollingBesideAPushAdapterWhenItsModeSaysSo() {
        BotEnvironment environment = BotEnvironment.process(
                env(DUAL, HOOKS, Map.of("CHORUS_WEBHOOK_PORT", "8080", "DUAL_MODE", "polling")));

        assertThat(environment.adapters()).extracting(Adapter::getClass)
                .containsExactly(EnvProviders.Push.class, EnvProviders.Pull.class);
        assertThat(environment.webhookPort()).isEqualTo(OptionalInt.of(8080));
    }

    @Test
    void honoursAnAdaptersOwnPortVariableAsTheServersPort() {
        BotEnvironment environment = BotEnvironment.process(env(DUAL, HOOKS, Map.of("DUAL_WEBHOOK_PORT", "8443")));

        assertThat(paths(environment)).containsExactly("/chat", "/dual");
        assertThat(environment.webhookPort()).isEqualTo(OptionalInt.of(8443));
    }

    @Test
    void refusesTwoAdaptersOfOnePlatformInOneSentence() {
        List<String> problems = problems(() -> BotEnvironment.process(
                env(CHAT, HOOKS, Map.of("CHORUS_WEBHOOK_PORT", "80"))));

        assertThat(problems).containsExactly("CHAT_USERNAME and CHAT_CLIENT_ID are both set, but they switch on Chat"
                + " over a socket (CHAT_USERNAME) and Chat through webhooks (CHAT_CLIENT_ID), and a bot has one adapter"
                + " for the platform chat: unset all but one of them");
    }

    @Test
    void runsTwoPullAdaptersWithoutAServer() {
        BotEnvironment environment = BotEnvironment.process(env(DUAL, CHAT));

        assertThat(environment.adapters()).extracting(Adapter::platform)
                .containsExactly(Platform.of("chat"), Platform.of("dual"));
        assertThat(environment.adapters()).allMatch(PullAdapter.class::isInstance);
        assertThat(environment.webhookPort()).isEmpty();
        assertThat(environment.webhookServer()).isEmpty();
    }

    @Test
    void servesNoPortWhenNoAdapterReceivesWebhooks() {
        BotEnvironment environment = BotEnvironment.process(env(CHAT, Map.of("CHORUS_WEBHOOK_PORT", "8080")));

        assertThat(environment.adapters()).singleElement().isInstanceOf(PullAdapter.class);
        assertThat(environment.webhookPort()).isEmpty();
    }

    @Test
    void refusesAPushPlatformWithoutAPortInAProcess() {
        List<String> problems = problems(() -> BotEnvironment.process(env(HOOKS)));

        assertThat(problems).containsExactly(
                "chat receives webhooks, which need the embedded webhook server: set CHORUS_WEBHOOK_PORT to its port");
    }

    @Test
    void refusesPortsThatDisagree() {
        List<String> problems = problems(() -> BotEnvironment.process(
                env(DUAL, HOOKS, Map.of("CHORUS_WEBHOOK_PORT", "8080", "DUAL_WEBHOOK_PORT", "8443"))));

        assertThat(problems).containsExactly("CHORUS_WEBHOOK_PORT is 8080 but DUAL_WEBHOOK_PORT is 8443: one"
                + " webhook server serves every push platform, so set only CHORUS_WEBHOOK_PORT");
    }

    @Test
    void reportsAMalformedPortVariableOfAnAdapterThatIsOffItself() {
        List<String> problems = problems(() -> BotEnvironment.process(env(HOOKS, Map.of("DUAL_WEBHOOK_PORT", "http"))));

        assertThat(problems).containsExactly("DUAL_WEBHOOK_PORT must be a port number from 0 to 65535, was 'http'");
    }

    @Test
    void reportsTheProblemsOfEveryPlatformTogether() {
        Map<String, String> env = Map.of("DUAL_TOKEN", "not-a-token", "CHAT_CLIENT_ID", "client",
                "CHORUS_WEBHOOK_PORT", "http");

        List<String> problems = problems(() -> BotEnvironment.process(env));

        assertThat(problems).containsExactlyInAnyOrder(
                "CHORUS_WEBHOOK_PORT must be a port number from 0 to 65535, was 'http'",
                "DUAL_TOKEN is not a token: expected <digits>:<letters>",
                "CHAT_CLIENT_SECRET is not set: copy it from the console",
                "CHAT_HOOK_SECRET is not set: copy it from the console");
        assertThat(String.join(" ", problems)).doesNotContain("not-a-token");
    }

    @Test
    void servesTheDualAdapterInWebhookModeByDefaultInAFunction() {
        BotEnvironment environment = BotEnvironment.function(env(DUAL));

        assertThat(environment.adapters()).singleElement().isInstanceOf(PushAdapter.class);
        assertThat(environment.webhookPort()).isEmpty();
    }

    @Test
    void servesTwoPushAdaptersInOneFunctionWithoutAServer() {
        BotEnvironment environment = BotEnvironment.function(env(DUAL, HOOKS, Map.of("CHORUS_WEBHOOK_PORT", "8080")));

        assertThat(paths(environment)).containsExactly("/chat", "/dual");
        assertThat(environment.webhookServer()).isEmpty();
    }

    @Test
    void namesTheWebhookVariablesWhenAFunctionHasNoPlatform() {
        List<String> problems = problems(() -> BotEnvironment.function(Map.of()));

        assertThat(problems).containsExactly("neither CHAT_CLIENT_ID nor DUAL_TOKEN is set: a function serves Chat"
                + " through webhooks (CHAT_CLIENT_ID) and/or Dual (DUAL_TOKEN), so set at least one of them");
    }

    @Test
    void refusesAPullOnlyAdapterInAFunctionTogetherWithOtherProblems() {
        List<String> problems = problems(() -> BotEnvironment.function(env(CHAT, Map.of("DUAL_TOKEN", "bad"))));

        assertThat(problems).containsExactly(
                "CHAT_USERNAME switches on Chat over a socket, which needs a long-running process: a function serves"
                        + " chat through Chat through webhooks (CHAT_CLIENT_ID), so unset CHAT_USERNAME",
                "DUAL_TOKEN is not a token: expected <digits>:<letters>");
    }

    @Test
    void refusesAPullOnlyAdapterInAFunctionWithoutAlsoCallingItAConflict() {
        List<String> problems = problems(() -> BotEnvironment.function(env(CHAT, HOOKS)));

        assertThat(problems).singleElement().asString().startsWith("CHAT_USERNAME switches on Chat over a socket");
    }

    @Test
    void refusesAnAdapterConfiguredToPullInAFunction() {
        List<String> problems = problems(() -> BotEnvironment.function(env(DUAL, Map.of("DUAL_MODE", "polling"))));

        assertThat(problems).containsExactly("DUAL_TOKEN switches on Dual, which is configured to pull events on its"
                + " own threads, and a function is frozen between requests: configure it to receive webhooks");
    }
}
