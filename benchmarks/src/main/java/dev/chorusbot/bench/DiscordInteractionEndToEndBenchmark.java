package dev.chorusbot.bench;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.discord.DiscordInteractionsAdapter;
import dev.chorusbot.discord.DiscordMode;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.InteractionReply;
import dev.chorusbot.testkit.discord.InteractionSender;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A Discord {@code /hello} through the whole interactions path on loopback, as Discord would see
 * it: the testkit's {@link InteractionSender} signs the interaction with Ed25519 and POSTs it to the
 * bot's embedded webhook server; the adapter checks the signature, maps the interaction, the bot
 * runs the hello command, and the reply comes back inside the HTTP answer
 * ({@code {"type":4,...}}). One operation is one interaction, measured from the sender's side;
 * the interactions are signed before each iteration (Discord signs on its side), each with its own
 * id, so the bot's de-duplication never short-cuts. The REST API (the testkit's fake) is never
 * called on this path. {@code signatureCheck} is the Ed25519 check of one interaction alone.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DiscordInteractionEndToEndBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Threads(1)
public class DiscordInteractionEndToEndBenchmark {
    private FakeDiscordApi discord;
    private InteractionSender sender;
    private Bot bot;
    private URI endpoint;
    private byte[][] bodies;
    private String[] signatures;
    private String timestamp;
    private int next;
    private dev.chorusbot.discord.internal.InteractionSignature check;

    /** Starts the fake REST API, the bot with its webhook server, and the signing sender. */
    @Setup(Level.Trial)
    public void start() {
        discord = FakeDiscordApi.start();
        sender = InteractionSender.create(discord.applicationId());
        WebhookServer server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        bot = Bot.builder()
                .command(Command.named("hello").description("Say hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build())
                .adapter(new DiscordInteractionsAdapter(DiscordConfig.builder().token(discord.token())
                        .applicationId(discord.applicationId()).publicKey(sender.publicKey())
                        .apiUrl(discord.apiUrl()).mode(DiscordMode.INTERACTIONS).build()))
                .webhookServer(server)
                .build();
        bot.start();
        endpoint = URI.create("http://127.0.0.1:" + server.port() + "/discord");
        check = new dev.chorusbot.discord.internal.InteractionSignature(sender.publicKey());
    }

    /** Signs the interactions of the next iteration, as Discord would have: not part of the figure. */
    @Setup(Level.Iteration)
    public void sign() {
        int count = 6_000; // more than one iteration answers: a repeated id would be a dropped copy
        bodies = new byte[count][];
        signatures = new String[count];
        timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
        for (int i = 0; i < count; i++) {
            bodies[i] = sender.command("hello").json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            signatures[i] = sender.sign(timestamp, bodies[i]);
        }
        next = 0;
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void stop() {
        bot.stop();
        discord.close();
    }

    /** One signed {@code /hello}, answered inline. */
    @Benchmark
    public int hello() {
        int i = next++ % bodies.length;
        InteractionReply reply = sender.post(endpoint, bodies[i], timestamp, signatures[i]);
        if (reply.status() != 200 || !reply.content().equals("hello Viktor!")) {
            throw new IllegalStateException("the interaction was answered " + reply.status() + ": " + reply.body());
        }
        return reply.status();
    }

    /** The Ed25519 check of one interaction (timestamp and about 900 bytes of body). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public boolean signatureCheck() {
        int i = next++ % bodies.length;
        return check.verify(timestamp, bodies[i], signatures[i]);
    }
}
