package dev.chorusbot.bench;

import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Whole-process webhook throughput: the hello bot runs in its own JVM ({@link TelegramBenchBot},
 * embedded host on loopback, inline answers), and this JVM sends it {@code /hello} updates over
 * keep-alive connections, each connection one request at a time, as Telegram's sender does.
 * Bounded by an update count and a time limit. Reports updates per second and latency
 * percentiles, and checks every answer carries the inline {@code sendMessage}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.chorusbot.bench.TelegramWebhookLoad \
 *     --connections 8 --updates 100000 --seconds 30 --warmup 20000
 * </pre>
 * Options: {@code --jvm "<bot JVM options>"}, {@code --threads <webhook host threads>}, and, to load
 * another bot with the same updates, {@code --jar <executable bot jar>} (run as {@code java -jar}
 * with the same {@code TELEGRAM_*} variables instead of {@code TelegramBenchBot}) and
 * {@code --path <webhook path>} (default {@code /telegram}, passed as {@code TELEGRAM_WEBHOOK_PATH}).
 * {@code --redis <rounds>} starts a redis-server on loopback and loads the bot alternately with the
 * in-memory store and with {@code CHORUS_STATE} set to that Redis, {@code rounds} times each, so the
 * Redis store's cost per update (a {@code SET NX} for the de-duplication and the send budget's
 * script) shows side by side with memory under the same machine load.
 */
public final class TelegramWebhookLoad {
    private static final AtomicLong RUNS = new AtomicLong();

    private TelegramWebhookLoad() {}

    /** Runs the measurement and prints the figures. */
    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int rounds = options.integer("redis", 0);
        if (rounds > 0) {
            try (dev.chorusbot.testkit.redis.RedisServer redis = dev.chorusbot.testkit.redis.RedisServer.start()) {
                for (int i = 1; i <= rounds; i++) {
                    System.out.println("== round " + i + ": memory");
                    load(options, null);
                    System.out.println("== round " + i + ": redis " + redis.url());
                    load(options, redis.url());
                }
            }
            return;
        }
        load(options, null);
    }

    /** One bot process under load; {@code state} is its CHORUS_STATE, or null for memory. */
    private static void load(BenchArgs options, String state) throws Exception {
        int connections = options.integer("connections", 8);
        int updates = options.integer("updates", 100_000);
        int seconds = options.integer("seconds", 30);
        int warmup = options.integer("warmup", 20_000);
        List<String> jvm = new ArrayList<>(options.words("jvm"));
        if (jvm.isEmpty()) {
            jvm.addAll(List.of("-Xms256m", "-Xmx256m"));
        }
        String jar = options.text("jar", null);
        String path = options.text("path", "/telegram");
        int port = ChildJvm.freePort();
        Path log = Files.createTempFile("chorus-telegram-load", ".log");
        try (FakeTelegramServer api = FakeTelegramServer.builder().token(TelegramSamples.TOKEN).botUsername(TelegramSamples.USERNAME).start()) {
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "TELEGRAM_BOT_TOKEN", TelegramSamples.TOKEN,
                    "TELEGRAM_API_URL", api.apiUrl().toString(),
                    "TELEGRAM_WEBHOOK_PORT", Integer.toString(port),
                    "TELEGRAM_WEBHOOK_SECRET", TelegramSamples.SECRET,
                    "TELEGRAM_BOT_USERNAME", TelegramSamples.USERNAME));
            if (state != null) {
                env.put("CHORUS_STATE", state);
            }
            if (!path.equals("/telegram")) {
                env.put("TELEGRAM_WEBHOOK_PATH", path);
            }
            if (options.text("threads", null) != null) {
                env.put("BENCH_WEBHOOK_THREADS", options.text("threads", null));
            }
            Process bot = jar == null
                    ? ChildJvm.start(jvm, System.getProperty("java.class.path"), TelegramBenchBot.class.getName(), env, log)
                    : ChildJvm.start(jvm, jar, null, env, log);
            try {
                awaitReady(port, path, bot);
                // Message ids (the update id modulo a million) differ from run to run, up to 130,000
                // updates a run: a shared store remembers the last run's as seen.
                AtomicLong ids = new AtomicLong(1_000_000 + 130_000L * RUNS.getAndIncrement());
                run(port, path, connections, warmup, 60, ids); // warm-up: not reported
                Result result = run(port, path, connections, updates, seconds, ids);
                if (jar != null) {
                    System.out.println("Bot: " + jar);
                }
                result.print(connections, jvm);
                System.out.printf("Bot API calls during the run: %d (every answer went inline)%n",
                        api.calls("sendMessage").size());
            } finally {
                ChildJvm.stop(bot);
            }
        }
        Files.deleteIfExists(log);
    }

    private static void awaitReady(int port, String path, Process bot) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!bot.isAlive()) {
                throw new IllegalStateException("the bot process exited with " + bot.exitValue());
            }
            try (KeepAliveConnection c = new KeepAliveConnection(port, path, TelegramSamples.SECRET)) {
                if (c.post(TelegramSamples.helloUpdate(1, -1001, 5_000_000_001L)).status() == 200) {
                    return;
                }
            } catch (IOException e) {
                LockSupport.parkNanos(5_000_000L); // not listening yet
            }
        }
        throw new IllegalStateException("the bot did not answer within 60 s");
    }

    record Result(int count, long nanos, long[] latencies, int errors, int inline) {
        void print(int connections, List<String> jvm) {
            Arrays.sort(latencies, 0, count);
            System.out.printf("Telegram webhook load: %d updates over %d keep-alive connections in %.2f s%n",
                    count, connections, nanos / 1e9);
            System.out.printf("  throughput  %.0f updates/s%n", count / (nanos / 1e9));
            System.out.printf("  latency     p50 %.3f ms   p90 %.3f ms   p99 %.3f ms   max %.3f ms%n",
                    pct(0.50), pct(0.90), pct(0.99), latencies[count - 1] / 1e6);
            System.out.printf("  answers     %d inline sendMessage, %d errors; bot JVM %s%n", inline, errors, jvm);
        }

        double pct(double p) {
            return latencies[Math.min(count - 1, (int) Math.ceil(p * count) - 1)] / 1e6;
        }
    }

    private static Result run(int port, String path, int connections, int updates, int seconds, AtomicLong ids)
            throws Exception {
        long first = ids.get();
        long last = first + updates;
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] latencies = new long[connections][updates];
        int[] counts = new int[connections];
        int[] errors = new int[connections];
        int[] inline = new int[connections];
        CountDownLatch done = new CountDownLatch(connections);
        // Bot API method names are case-insensitive ("All methods in the Bot API are
        // case-insensitive", core.telegram.org/bots/api#making-requests); other libraries write
        // "sendmessage", so the check ignores case.
        byte[] marker = "\"method\":\"sendmessage\"".getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        for (int w = 0; w < connections; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                try (KeepAliveConnection c = new KeepAliveConnection(port, path, TelegramSamples.SECRET)) {
                    long id;
                    while ((id = ids.getAndIncrement()) < last && System.nanoTime() < deadline) {
                        // 10 000 chats, so answers to one chat do not queue behind each other.
                        byte[] body = TelegramSamples.helloUpdate(id, -1_000_000_000_000L - id % 10_000, 5_000_000_001L);
                        long t0 = System.nanoTime();
                        KeepAliveConnection.Answer answer = c.post(body);
                        long t1 = System.nanoTime();
                        latencies[worker][counts[worker]++] = t1 - t0;
                        if (answer.status() != 200) {
                            errors[worker]++;
                        } else if (contains(answer.body(), marker)) {
                            inline[worker]++;
                        }
                    }
                } catch (IOException e) {
                    errors[worker]++;
                    System.err.println("connection " + worker + " failed: " + e);
                } finally {
                    done.countDown();
                }
            }, "load-" + w);
            thread.start();
        }
        done.await();
        long nanos = System.nanoTime() - start;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < connections; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        return new Result(total, nanos, all, Arrays.stream(errors).sum(), Arrays.stream(inline).sum());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (Character.toLowerCase(haystack[i + j]) != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
