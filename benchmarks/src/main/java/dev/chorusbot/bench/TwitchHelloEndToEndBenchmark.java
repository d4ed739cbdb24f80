package dev.chorusbot.bench;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import dev.chorusbot.twitch.TwitchAdapter;
import dev.chorusbot.twitch.TwitchConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end on loopback: the fake Twitch server sends a batch of tagged {@code !hello} PRIVMSGs in
 * one write (as Twitch batches lines), the adapter parses and maps them, the bot routes them through
 * its middleware to the hello command, and the adapter writes each threaded reply back; one
 * operation is one message answered. Twitch's rate limits are lifted on both sides
 * ({@code messageLimits}), otherwise the figure would be Twitch's 100 messages per 30 seconds.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TwitchHelloEndToEndBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class TwitchHelloEndToEndBenchmark {
    static final int BATCH = 500;
    private static final int UNLIMITED = 1_000_000_000;
    private static final long VIEWER_IDS = 5_000_000_000L;

    /** The transport between the fake server and the adapter. */
    @Param({"tcp", "ws"})
    public String transport;

    private FakeTwitchIrcServer twitch;
    private Bot bot;
    private long sequence;

    /** Starts the fake server and the hello bot, joined to #chorus. */
    @Setup(Level.Trial)
    public void start() {
        twitch = (transport.equals("ws") ? FakeTwitchIrcServer.builder().webSocket() : FakeTwitchIrcServer.builder().tcp())
                .start()
                .messageLimits(UNLIMITED, UNLIMITED)
                .moderatorIn("chorus");
        TwitchAdapter adapter = new TwitchAdapter(TwitchConfig.builder()
                .username("chorus_bot").token("bench").channels("chorus")
                .server(twitch.uri())
                .messageLimits(UNLIMITED, UNLIMITED)
                .build());
        bot = Bot.builder()
                .command(Command.named("hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                        .build())
                .adapter(adapter)
                .build();
        bot.start();
        twitch.awaitJoined("chorus");
        twitch.awaitReceived(line -> line.startsWith("JOIN"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!adapter.isConnected() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Keeps the fake's record of received lines small. */
    @Setup(Level.Iteration)
    public void forget() {
        twitch.clearReceived();
    }

    /** {@value #BATCH} messages in, {@value #BATCH} threaded replies out. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int helloRoundTrip() {
        StringBuilder frame = new StringBuilder(BATCH * 300);
        for (int i = 0; i < BATCH; i++) {
            long n = ++sequence;
            frame.append("@badge-info=;badges=subscriber/6;color=#1E90FF;display-name=Viewer").append(n)
                    .append(";emotes=;first-msg=0;flags=;id=e2e-").append(n)
                    .append(";mod=0;returning-chatter=0;room-id=22484632;subscriber=1;tmi-sent-ts=1700000000000;turbo=0;user-id=")
                    .append(VIEWER_IDS + n) // never the bot's own id, or the bot would ignore the message.append(";user-type= :viewer").append(n).append("!viewer").append(n).append("@viewer").append(n)
                    .append(".tmi.twitch.tv PRIVMSG #chorus :!hello\r\n");
        }
        int before = twitch.receivedCount();
        twitch.sendFrame(frame.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int count;
        while ((count = twitch.receivedCount()) < before + BATCH) {
            if (System.nanoTime() > deadline) {
                java.util.Set<String> lines = new java.util.HashSet<>(twitch.received());
                long first = sequence - BATCH + 1;
                java.util.List<Long> missing = java.util.stream.LongStream.rangeClosed(first, sequence)
                        .filter(n -> !lines.contains("@reply-parent-msg-id=e2e-" + n + " PRIVMSG #chorus :hello Viewer" + n + "!"))
                        .boxed().toList();
                throw new IllegalStateException("only " + (count - before) + " of " + BATCH + " replies within 30 s;"
                        + " missing " + missing + " of " + first + ".." + sequence + "; lines " + count);
            }
            Thread.onSpinWait();
        }
        return count;
    }

    /** Stops the bot and the server. */
    @TearDown(Level.Trial)
    public void stop() {
        bot.stop();
        twitch.close();
    }
}
