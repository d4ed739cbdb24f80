package dev.chorusbot.bench;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import dev.chorusbot.twitch.eventsub.TwitchEventSubAdapter;
import dev.chorusbot.twitch.eventsub.TwitchEventSubConfig;
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
 * A Twitch {@code !hello} through the whole EventSub path on loopback, as Twitch would see it: the
 * testkit's sender signs a {@code channel.chat.message} delivery and POSTs it to the bot's embedded
 * webhook server; the adapter verifies and maps it, the bot runs the hello command, the reply goes
 * to the fake Helix API ({@code POST /helix/chat/messages} with the app token), and only then is the
 * delivery answered. One operation is one delivery, measured from the sender's side.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EventSubHelloEndToEndBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Threads(1)
public class EventSubHelloEndToEndBenchmark {
    private static final String SECRET = "benchmark-eventsub-secret";

    private FakeHelixApi helix;
    private Bot bot;
    private FakeEventSubSender twitch;
    private long delivered;

    /** Starts the fake Helix API, the bot with its webhook server, and the signing sender. */
    @Setup(Level.Trial)
    public void start() {
        helix = FakeHelixApi.builder().pointsPerMinute(Integer.MAX_VALUE).start();
        helix.addUser("141981764", "twitchdev", "TwitchDev");
        WebhookServer server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        bot = Bot.builder()
                .command(Command.named("hello").description("Say hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build())
                .adapter(new TwitchEventSubAdapter(TwitchEventSubConfig.builder()
                        .clientId(helix.clientId()).clientSecret(helix.clientSecret()).eventSubSecret(SECRET)
                        .botUserId("900000001").apiUrl(helix.baseUrl()).authUrl(helix.baseUrl())
                        // Time Chorus, not Twitch's chat limit (20 messages per 30 s would stall the run).
                        .messageLimits(Integer.MAX_VALUE, Integer.MAX_VALUE).build()))
                .webhookServer(server)
                .build();
        bot.start();
        twitch = FakeEventSubSender.builder().callback(URI.create("http://127.0.0.1:" + server.port() + "/twitch"))
                .secret(SECRET).botUserId("900000001").maxAttempts(1).start();
    }

    /** Checks that every delivery of the iteration was answered through Helix, then forgets them. */
    @TearDown(Level.Iteration)
    public void check() {
        if (helix.sentMessageCount() != delivered) {
            throw new IllegalStateException(delivered + " deliveries but " + helix.sentMessageCount() + " replies");
        }
        helix.clearRecords();
        delivered = 0;
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void stop() {
        bot.stop();
        helix.close();
    }

    /** One signed {@code !hello} delivery, answered once the reply reached Helix. */
    @Benchmark
    public int hello() {
        FakeEventSubSender.Delivery delivery = twitch.chatMessage(ChatMessageNotification.builder()
                .chatter("129546453", "viktor", "Viktor").text("!hello"));
        if (delivery.status() != 200) {
            throw new IllegalStateException("delivery answered " + delivery.status() + ": " + delivery.responseBody());
        }
        delivered++;
        return delivery.status();
    }
}
