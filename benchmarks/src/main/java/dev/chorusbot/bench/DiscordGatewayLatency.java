package dev.chorusbot.bench;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.testkit.discord.DiscordAuthor;
import dev.chorusbot.testkit.discord.DiscordCall;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.FakeDiscordGateway;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Gateway event to reply, end to end on loopback: the fake Gateway dispatches a MESSAGE_CREATE of
 * {@code !hello}, the bot reads it from its WebSocket, routes it to the hello command and creates
 * the answer through the REST API; the latency of one message is from just before the dispatch to
 * the moment the fake REST API received the {@code POST /channels/{id}/messages} (both read
 * {@link System#nanoTime()} in this process). One message at a time, so the figure is latency, not
 * throughput. The fake's rate limits are lifted (Discord's 5 messages per 5 s per channel would
 * otherwise be the figure).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.chorusbot.bench.DiscordGatewayLatency
 * --warmup 2000 --messages 5000 --rounds 3}
 */
public final class DiscordGatewayLatency {
    static final String GUILD = "400000000000000000";
    static final String CHANNEL = "500000000000000000";
    private static final int UNLIMITED = 1_000_000_000;
    /** VIEW_CHANNEL (1 &lt;&lt; 10), SEND_MESSAGES (1 &lt;&lt; 11), READ_MESSAGE_HISTORY (1 &lt;&lt; 16). */
    private static final long EVERYONE = (1L << 10) | (1L << 11) | (1L << 16);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private DiscordGatewayLatency() {}

    /** A bot under test, started against the fakes. */
    public interface Contender {
        /**
         * The name in the report.
         *
         * @return a short name such as {@code chorus}
         */
        String name();

        /**
         * Starts the hello bot.
         *
         * @param apiUrl the REST API's base URL ({@code …/api/v10})
         * @param gatewayUrl the Gateway's URL
         * @param token the bot token the fakes accept
         * @return what stops the bot
         * @throws Exception when the bot cannot start
         */
        AutoCloseable start(URI apiUrl, URI gatewayUrl, String token) throws Exception;
    }

    /**
     * The latencies of one run.
     *
     * @param name the contender
     * @param nanos each measured message's latency, sorted
     */
    public record Result(String name, long[] nanos) {
        /**
         * A percentile.
         *
         * @param p the percentile, such as 50 or 99
         * @return the latency in microseconds
         */
        public double percentileMicros(double p) {
            int index = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1_000.0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-8s n=%d  p50 %8.0f µs  p90 %8.0f µs  p99 %8.0f µs  max %8.0f µs",
                    name, nanos.length, percentileMicros(50), percentileMicros(90), percentileMicros(99),
                    nanos[nanos.length - 1] / 1_000.0);
        }
    }

    /** The hello bot of Chorus on the Gateway adapter. */
    public static final Contender CHORUS = new Contender() {
        @Override
        public String name() {
            return "chorus";
        }

        @Override
        public AutoCloseable start(URI apiUrl, URI gatewayUrl, String token) {
            Bot bot = Bot.builder()
                    .command(Command.named("hello")
                            .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                            .build())
                    .adapter(DiscordConfig.builder().token(token).apiUrl(apiUrl).gatewayUrl(gatewayUrl)
                            .globalLimit(UNLIMITED).build().adapter())
                    .build();
            bot.start();
            return bot::stop;
        }
    };

    /**
     * Runs {@code warmup} messages, then measures {@code messages} more, against fresh fakes.
     *
     * @param contender the bot
     * @param warmup messages answered before measuring
     * @param messages messages measured
     * @return the measured latencies
     * @throws Exception when the bot fails to start or to answer within 60 s
     */
    public static Result run(Contender contender, int warmup, int messages) throws Exception {
        try (FakeDiscordGateway gateway = FakeDiscordGateway.start();
                FakeDiscordApi api = FakeDiscordApi.builder().gateway(gateway.url(), 1, 1)
                        .bucket(UNLIMITED, Duration.ofSeconds(1)).globalLimit(UNLIMITED).start()) {
            try (AutoCloseable bot = contender.start(api.apiUrl(), gateway.url(), api.token())) {
                gateway.awaitSessions(1, WAIT);
                // @everyone may view, send and read history, so a client that checks permissions
                // before sending (JDA) may answer with a reply; the channel is the guild's one.
                gateway.guildCreate(GUILD, "Chorus", "200000000000000009", Map.of(GUILD, EVERYONE),
                        List.of(CHANNEL));
                long[] nanos = new long[messages];
                int seenCalls = 0;
                for (int i = 0; i < warmup + messages; i++) {
                    DiscordAuthor author = DiscordAuthor.of(Long.toString(300_000_000_000_000_000L + i), "viewer" + i);
                    long sent = System.nanoTime();
                    gateway.messageCreate(GUILD, CHANNEL, author, "!hello");
                    DiscordCall created = awaitCreate(api, seenCalls);
                    seenCalls = api.calls().size();
                    if (!created.json().contains("\"hello viewer" + i + "!\"")
                            || !created.json().contains("message_reference")) {
                        throw new IllegalStateException(contender.name() + " did not answer viewer" + i
                                + " with a reply: " + created.json());
                    }
                    if (i >= warmup) {
                        nanos[i - warmup] = created.receivedNanos() - sent;
                    }
                }
                Arrays.sort(nanos);
                return new Result(contender.name(), nanos);
            }
        }
    }

    /** The first message create after call {@code from}; fails after 60 s. */
    private static DiscordCall awaitCreate(FakeDiscordApi api, int from) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<DiscordCall> calls = api.calls();
            for (int i = from; i < calls.size(); i++) {
                DiscordCall call = calls.get(i);
                if (call.method().equals("POST") && call.path().endsWith("/messages")) {
                    if (call.status() != 200) {
                        throw new IllegalStateException("the fake refused a reply: " + call.status() + " " + call.json());
                    }
                    return call;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no reply within " + WAIT.toSeconds() + " s; calls " + calls.size());
            }
            // The poll only paces the next message: the latency is the fake's own receive time.
            LockSupport.parkNanos(100_000);
        }
    }

    /**
     * Runs Chorus alone: {@code --warmup} (2000), {@code --messages} (5000), {@code --rounds} (3).
     *
     * @param args the options
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int rounds = options.integer("rounds", 3);
        for (int round = 1; round <= rounds; round++) {
            System.out.println("round " + round + ": " + run(CHORUS, options.integer("warmup", 2000),
                    options.integer("messages", 5000)));
        }
    }
}
