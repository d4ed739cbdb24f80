package dev.chorusbot.bench;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InMemoryStateStore;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeSubscription;
import dev.chorusbot.twitch.eventsub.TwitchEventSubAdapter;
import dev.chorusbot.twitch.eventsub.TwitchEventSubConfig;
import dev.chorusbot.twitch.eventsub.internal.Signature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * The Twitch EventSub webhook on one thread, for real {@code channel.chat.message} deliveries of
 * about 1.3 KB: {@code webhook} is the whole endpoint (header checks, HMAC-SHA256 signature check,
 * replay window, JSON parsing, mapping to a {@code Message}, hand-off to the bot) plus the
 * de-duplication the bot does for it (one {@code putIfAbsent} in an {@link InMemoryStateStore}, as
 * the bot's dedupe middleware does; the stand-in sink does it, so the figure stays comparable with
 * builds where the endpoint kept its own seen-id set); {@code signature} is the signature check
 * alone. Every delivery has its own message id, so de-duplication never short-cuts: each
 * measurement is one batch of {@value #BATCH} distinct deliveries against a fresh endpoint and
 * store.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EventSubWebhookBenchmark}
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class EventSubWebhookBenchmark {
    static final int BATCH = 20_000;
    private static final String SECRET = "benchmark-eventsub-secret";
    private static final Duration DEDUPE_WINDOW = Duration.ofMinutes(10);
    private static final Instant NOW = Instant.parse("2026-11-28T20:00:00Z");

    private WebhookRequest[] requests;
    private TwitchEventSubAdapter adapter;
    private int next;
    private Signature signature;
    private WebhookRequest one;

    /** Signs {@value #BATCH} deliveries, each with its own message id. */
    @Setup(Level.Trial)
    public void sign() {
        requests = new WebhookRequest[BATCH];
        String timestamp = "2026-11-28T19:59:59.123456789Z";
        for (int i = 0; i < BATCH; i++) {
            String event = ChatMessageNotification.builder().chatter("129546453", "viktor", "Viktor")
                    .text("!hello").badge("subscriber", "3012", "14").toEventJson();
            String body = "{\"subscription\":" + FakeSubscription.of(UUID.randomUUID().toString(),
                    "enabled", "channel.chat.message", Map.of("broadcaster_user_id", "141981764", "user_id",
                            "900000001"), "https://bot.example.com/twitch", NOW).toJson() + ",\"event\":" + event + "}";
            String id = UUID.randomUUID().toString();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            requests[i] = WebhookRequest.post("/twitch", Map.of(
                    "Twitch-Eventsub-Message-Id", id,
                    "Twitch-Eventsub-Message-Timestamp", timestamp,
                    "Twitch-Eventsub-Message-Signature", FakeEventSubSender.sign(SECRET, id, timestamp, bytes),
                    "Twitch-Eventsub-Message-Type", "notification",
                    "Content-Type", "application/json"), bytes);
        }
        signature = new Signature(SECRET);
        one = requests[0];
    }

    /** A fresh endpoint and de-duplication store for every batch. */
    @Setup(Level.Iteration)
    public void freshEndpoint() {
        adapter = new TwitchEventSubAdapter(TwitchEventSubConfig.builder()
                .clientId("benchmarkclientid").clientSecret("benchmark-client-secret").eventSubSecret(SECRET)
                .botUserId("900000001").build());
        InMemoryStateStore seen = new InMemoryStateStore();
        ManualScheduler time = new ManualScheduler(NOW); // stands still: every delivery is fresh
        adapter.start(new EventSink() {
            @Override
            public Scheduler scheduler() {
                return time;
            }

            @Override
            public CompletableFuture<Handled> dispatch(InboundEvent event) {
                seen.putIfAbsent("chorus:seen:" + event.orderingKey() + ":message:" + event.id(), "", DEDUPE_WINDOW);
                return CompletableFuture.completedFuture(new Handled(event, List.of()));
            }

            @Override
            public void stopped(Adapter stopped, Throwable failure) {}
        });
        next = 0;
    }

    /** Releases the adapter's threads. */
    @TearDown(Level.Iteration)
    public void close() {
        adapter.close();
    }

    /** One delivery through the whole endpoint. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 10, batchSize = BATCH)
    @Measurement(iterations = 10, batchSize = BATCH)
    public WebhookResponse webhook() {
        return adapter.endpoint().handle(requests[next++]);
    }

    /** The signature check alone, on the same body. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public boolean signature() {
        return signature.verify(one.header("Twitch-Eventsub-Message-Id").orElseThrow(),
                one.header("Twitch-Eventsub-Message-Timestamp").orElseThrow(), one.body(),
                one.header("Twitch-Eventsub-Message-Signature").orElseThrow());
    }
}
