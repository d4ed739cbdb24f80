package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.functions.invoker.runner.Invoker;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.Interaction;
import dev.chorusbot.testkit.discord.InteractionReply;
import dev.chorusbot.testkit.discord.InteractionSender;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Discord interactions through {@link GoogleFunctionHandler} under the real Functions Framework
 * invoker: the code path Google and Yandex share, where the function does not know its time left.
 * Every call to Discord is done when the invoker answers, also for a command slower than the
 * deadline, which is deferred and then replaces its placeholder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoogleInvokerDiscordTest {
    private static volatile Map<String, String> functionEnvironment = Map.of();

    private FakeDiscordApi discord;
    private InteractionSender sender;
    private ServerSocket release;
    private Invoker invoker;
    private URI url;

    /** The function the invoker creates by class name (it cannot be given environment variables). */
    public static final class DiscordFunction extends GoogleFunctionHandler {
        /** Called by the invoker. */
        public DiscordFunction() {
            super(ServerlessBot.of(new DiscordTestBotFactory(functionEnvironment)));
        }
    }

    @BeforeAll
    void startFunction() throws Exception {
        discord = FakeDiscordApi.start();
        sender = InteractionSender.create(discord.applicationId());
        release = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        functionEnvironment = Map.of("DISCORD_BOT_TOKEN", discord.token(),
                "DISCORD_APPLICATION_ID", discord.applicationId(),
                "DISCORD_PUBLIC_KEY", sender.publicKey(),
                "DISCORD_API_URL", discord.apiUrl().toString(),
                "DISCORD_TEST_RELEASE_PORT", Integer.toString(release.getLocalPort()));
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        invoker = new Invoker(port, DiscordFunction.class.getName(), "http", getClass().getClassLoader());
        invoker.startTestServer();
        url = URI.create("http://127.0.0.1:" + port + "/discord");
    }

    @AfterAll
    void stopFunction() throws Exception {
        try {
            invoker.stopServer();
        } finally {
            release.close();
            discord.close();
        }
    }

    @Test
    void answersHelloInTheFunctionsResponse() {
        InteractionReply reply = sender.send(url, sender.command("hello").nick("Vik"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(4);
        assertThat(reply.content()).isEqualTo("hello Vik!");
    }

    @Test
    void aSlowCommandsReplyHasReplacedThePlaceholderWhenTheFunctionAnswers() throws Exception {
        Interaction slow = sender.command("slow");

        CompletableFuture<InteractionReply> reply = CompletableFuture.supplyAsync(() -> sender.send(url, slow));
        Optional<String> token = Optional.of(slow.token());
        dev.chorusbot.testkit.internal.Await.until("the deferral", Duration.ofSeconds(30),
                discord::interactionCallbacks, l -> l.stream().anyMatch(c -> c.token().equals(slow.token())),
                Object::toString);
        assertThat(reply).isNotDone();
        try (Socket handler = release.accept()) {
            handler.getOutputStream().write(1);
            InteractionReply answered = reply.get(30, TimeUnit.SECONDS);

            assertThat(answered.status()).isEqualTo(202);
        }
        // Not awaited: the function answered only once the edit was done.
        assertThat(discord.originalEdits()).filteredOn(e -> e.interactionToken().equals(token))
                .singleElement().satisfies(e -> assertThat(e.content()).isEqualTo("finally"));
    }
}
