package dev.chorusbot.bench;

import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook throughput as {@code wrk} measures it: each bot jar runs in a JVM of its own with default
 * flags, configured by the same {@code TELEGRAM_*} variables, and {@code wrk} (2 threads, keep-alive
 * connections, the script {@code wrk/telegram-hello.lua} in this jar) sends it {@code /hello}
 * updates, each with a fresh {@code update_id} and chat, and checks that every answer is 200 with
 * the reply inline. Chorus's send limits are lifted with
 * {@code TELEGRAM_SEND_LIMITS=1000000/s,1000000/s,1000000/min} (the other bots have none). For each
 * bot and connection count a fresh bot process gets a warm-up run, then the measured run; its peak
 * RSS ({@code VmHWM}) is read when the run ends. Bots alternate within each round, so they see the
 * same machine.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.chorusbot.bench.TelegramWrkLoad \
 *     --jars "examples/target/hello-bot.jar benchmarks-compare/target/telegrambots-hello-bot.jar" \
 *     --connections "8 32" --rounds 2 --seconds 20 --warmup 10
 * </pre>
 * Options: {@code --wrk <path>} (default {@code wrk} on the PATH), {@code --threads} (wrk threads,
 * default 2), {@code --jvm "<bot JVM options>"} (default none).
 */
public final class TelegramWrkLoad {
    private static final Pattern RESULT = Pattern.compile(
            "WRK_RESULT requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p90_us=(\\d+) p99_us=(\\d+) max_us=(\\d+)"
                    + " errors=(\\d+) not_inline=(\\d+)");

    private TelegramWrkLoad() {}

    /** Runs the rounds and prints one line per bot and connection count. */
    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        List<String> jars = options.words("jars");
        if (jars.isEmpty()) {
            jars = List.of("examples/target/hello-bot.jar");
        }
        List<String> connections = options.words("connections");
        if (connections.isEmpty()) {
            connections = List.of("8", "32");
        }
        int rounds = options.integer("rounds", 1);
        int seconds = options.integer("seconds", 20);
        int warmup = options.integer("warmup", 10);
        int threads = options.integer("threads", 2);
        String wrk = options.text("wrk", "wrk");
        List<String> jvm = options.words("jvm");
        Path script = Files.createTempFile("telegram-hello", ".lua");
        try (InputStream lua = TelegramWrkLoad.class.getResourceAsStream("/wrk/telegram-hello.lua")) {
            Files.copy(lua, script, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("%-5s %-28s %5s %10s %9s %9s %9s %10s %7s  %s%n", "round", "bot", "conns", "updates/s",
                "p50 ms", "p90 ms", "p99 ms", "peak RSS", "errors", "load average before / after");
        int run = 0;
        try (FakeTelegramServer api = FakeTelegramServer.builder().token(TelegramSamples.TOKEN)
                .botUsername(TelegramSamples.USERNAME).start()) {
            for (int round = 1; round <= rounds; round++) {
                for (String c : connections) {
                    for (String jar : jars) {
                        run += 2;
                        measure(round, jar, Integer.parseInt(c), api, jvm, wrk, threads, script, warmup, seconds, run);
                    }
                }
            }
            System.out.printf("Bot API sendMessage calls in all runs: %d (every answer is expected inline)%n",
                    api.calls("sendMessage").size());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static void measure(int round, String jar, int connections, FakeTelegramServer api, List<String> jvm,
            String wrk, int threads, Path script, int warmup, int seconds, int run) throws Exception {
        int port = ChildJvm.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "TELEGRAM_BOT_TOKEN", TelegramSamples.TOKEN,
                "TELEGRAM_API_URL", api.apiUrl().toString(),
                "TELEGRAM_WEBHOOK_PORT", Integer.toString(port),
                "TELEGRAM_WEBHOOK_SECRET", TelegramSamples.SECRET,
                "TELEGRAM_BOT_USERNAME", TelegramSamples.USERNAME,
                "TELEGRAM_SEND_LIMITS", "1000000/s,1000000/s,1000000/min"));
        Path log = Files.createTempFile("telegram-wrk-bot", ".log");
        Process bot = ChildJvm.start(jvm, jar, null, env, log);
        try {
            awaitReady(port, bot, log);
            String url = "http://127.0.0.1:" + port + "/telegram";
            wrk(wrk, threads, connections, warmup, script, url, run - 1);
            String before = loadAverage();
            Matcher result = wrk(wrk, threads, connections, seconds, script, url, run);
            String after = loadAverage();
            long peakKb = peakRssKb(bot.pid());
            long requests = Long.parseLong(result.group(1));
            double secondsTaken = Long.parseLong(result.group(2)) / 1e6;
            System.out.printf("%-5d %-28s %5d %10.0f %9.2f %9.2f %9.2f %7d MiB %7s  %s / %s%n", round,
                    Path.of(jar).getFileName(), connections, requests / secondsTaken, ms(result.group(3)),
                    ms(result.group(4)), ms(result.group(5)), peakKb / 1024,
                    Long.parseLong(result.group(7)) + Long.parseLong(result.group(8)), before, after);
        } finally {
            ChildJvm.stop(bot);
            Files.deleteIfExists(log);
        }
    }

    private static Matcher wrk(String wrk, int threads, int connections, int seconds, Path script, String url,
            int run) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", script.toString(), url).redirectErrorStream(true);
        builder.environment().put("WRK_TELEGRAM_SECRET", TelegramSamples.SECRET);
        builder.environment().put("WRK_TELEGRAM_RUN", Integer.toString(run));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher matcher = RESULT.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk printed no result line: " + output);
        }
        return matcher;
    }

    private static void awaitReady(int port, Process bot, Path log) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!bot.isAlive()) {
                throw new IllegalStateException("the bot exited with " + bot.exitValue() + ": " + Files.readString(log));
            }
            try (KeepAliveConnection c = new KeepAliveConnection(port, "/telegram", TelegramSamples.SECRET)) {
                if (c.post(TelegramSamples.helloUpdate(1, -1001, 5_000_000_001L)).status() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(5); // not listening yet
            }
        }
        throw new IllegalStateException("the bot did not answer within 60 s");
    }

    /** The peak resident set of a process, from Linux's {@code /proc/<pid>/status}. */
    private static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmHWM for process " + pid);
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0];
    }

    private static double ms(String micros) {
        return Long.parseLong(micros) / 1000.0;
    }
}
