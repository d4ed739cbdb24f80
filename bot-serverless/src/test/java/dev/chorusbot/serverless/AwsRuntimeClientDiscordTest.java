package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.testkit.discord.DiscordCall;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.Interaction;
import dev.chorusbot.testkit.discord.InteractionReply;
import dev.chorusbot.testkit.discord.InteractionSender;
import dev.chorusbot.testkit.lambda.FakeLambdaRuntime;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Discord interactions under the real AWS Lambda runtime interface client (one child JVM for the
 * whole class): the testkit's {@link InteractionSender} signs and POSTs interactions as Discord does
 * to a function URL ({@link FunctionUrlService}), and the function answers in its response or
 * through the testkit's {@link FakeDiscordApi} before the invocation finishes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsRuntimeClientDiscordTest {
    private FakeDiscordApi discord;
    private InteractionSender sender;
    private FakeLambdaRuntime runtime;
    private LambdaProcess lambda;
    private FunctionUrlService<List<DiscordCall>> functionUrl;
    private ServerSocket release;

    @BeforeAll
    void startFunction() throws Exception {
        discord = FakeDiscordApi.start();
        sender = InteractionSender.create(discord.applicationId());
        runtime = FakeLambdaRuntime.start();
        release = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        lambda = LambdaProcess.start(runtime.address(), Map.ofEntries(
                Map.entry(BotFactory.ENVIRONMENT_VARIABLE, DiscordTestBotFactory.class.getName()),
                Map.entry("DISCORD_BOT_TOKEN", discord.token()),
                Map.entry("DISCORD_APPLICATION_ID", discord.applicationId()),
                Map.entry("DISCORD_PUBLIC_KEY", sender.publicKey()),
                Map.entry("DISCORD_API_URL", discord.apiUrl().toString()),
                Map.entry("DISCORD_TEST_RELEASE_PORT", Integer.toString(release.getLocalPort()))));
        functionUrl = new FunctionUrlService<>(runtime, discord::calls);
    }

    @AfterAll
    void stopFunction() throws Exception {
        try {
            functionUrl.close();
            lambda.close();
        } finally {
            release.close();
            runtime.close();
            discord.close();
        }
    }

    private InteractionReply send(Interaction interaction) {
        return sender.send(functionUrl.url().resolve("/discord"), interaction);
    }

    @Test
    void answersThePingWithAPong() {
        InteractionReply reply = send(sender.ping());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.type()).isEqualTo(1);
    }

    @Test
    void answersHelloInTheFunctionsResponse() {
        InteractionReply reply = send(sender.command("hello").from("210000000000000001", "anna_k", "Anna"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(4);
        assertThat(reply.content()).isEqualTo("hello Anna!");
        assertThat(functionUrl.last().path()).isEqualTo("/discord");
    }

    @Test
    void sendsTheCallbackAndTheFollowUpBeforeTheInvocationFinishes() {
        Interaction two = sender.command("two");

        InteractionReply reply = send(two);

        assertThat(reply.status()).isEqualTo(202);
        List<DiscordCall> atCompletion = functionUrl.last().observedAtCompletion();
        assertThat(atCompletion).filteredOn(c -> c.path().contains(two.token()))
                .extracting(c -> c.method() + " " + c.path().replace(two.token(), "<token>"))
                .containsExactly("POST /interactions/" + two.id() + "/<token>/callback",
                        "POST /webhooks/" + discord.applicationId() + "/<token>");
    }

    @Test
    void defersASlowCommandAndReplacesThePlaceholderBeforeTheInvocationFinishes() throws Exception {
        Interaction slow = sender.command("slow");

        CompletableFuture<InteractionReply> reply = CompletableFuture.supplyAsync(() -> send(slow));
        // The deferral went through the callback at the 2 s deadline, while the handler still runs.
        discord.awaitInteractionCallbacks(1, Duration.ofSeconds(30));
        assertThat(discord.interactionCallbacks()).filteredOn(c -> c.interactionId().equals(slow.id()))
                .singleElement().satisfies(c -> assertThat(c.type()).isEqualTo(5));
        assertThat(reply).isNotDone();
        try (Socket handler = release.accept()) {
            handler.getOutputStream().write(1);
            InteractionReply answered = reply.get(30, TimeUnit.SECONDS);

            assertThat(answered.status()).isEqualTo(202);
        }
        List<DiscordCall> atCompletion = functionUrl.last().observedAtCompletion();
        assertThat(atCompletion).filteredOn(c -> c.path().contains(slow.token()))
                .extracting(c -> c.method() + " " + c.path().replace(slow.token(), "<token>"))
                .containsExactly("POST /interactions/" + slow.id() + "/<token>/callback",
                        "PATCH /webhooks/" + discord.applicationId() + "/<token>/messages/@original");
        assertThat(discord.originalEdits()).filteredOn(e -> e.interactionToken().equals(Optional.of(slow.token())))
                .singleElement().satisfies(e -> assertThat(e.content()).isEqualTo("finally"));
    }

    @Test
    void refusesAWrongSignatureWith401() {
        byte[] body = sender.command("hello").json().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        InteractionReply reply = sender.post(functionUrl.url().resolve("/discord"), body, timestamp,
                InteractionSender.create().sign(timestamp, body));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(functionUrl.last().answer().status()).isEqualTo(401);
    }

    @Test
    void keepsTheTokensOutOfTheFunctionsLog() throws Exception {
        Interaction two = sender.command("two");
        send(two);

        String output = lambda.output();
        assertThat(output).contains("Bot started for serverless use");
        assertThat(output).doesNotContain(discord.token()).doesNotContain(two.token());
    }
}
