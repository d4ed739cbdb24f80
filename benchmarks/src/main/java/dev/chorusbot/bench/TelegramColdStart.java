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
import java.util.concurrent.locks.LockSupport;

/**
 * Whole-process cold start: the time from starting {@code java} to the first webhook update
 * answered with the inline {@code hello} reply. The bot is the hello bot jar in webhook mode,
 * configured by its environment variables as in production (with {@code TELEGRAM_BOT_USERNAME}
 * set, so no network call is made at start), listening on loopback. Each run is a fresh JVM; the
 * median is reported. With {@code --appcds} a first, untimed run records a dynamic AppCDS archive
 * ({@code -XX:ArchiveClassesAtExit}) and the timed runs use it. Before each run a hello-world JVM
 * ({@link JvmBaseline}) is timed from start to exit, so a busy machine shows in the figures.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.chorusbot.bench.TelegramColdStart \
 *     --jar examples/target/hello-bot.jar --runs 15 [--appcds] [--jvm "-XX:TieredStopAtLevel=1"]
 * </pre>
 * Any bot jar that reads the same {@code TELEGRAM_*} variables and answers the same update with
 * {@code hello Anna Smith!} can be measured with {@code --jar}; {@code --path} sets another webhook
 * path (default {@code /telegram}, passed as {@code TELEGRAM_WEBHOOK_PATH}).
 *
 * <p>{@code --no-username} leaves {@code TELEGRAM_BOT_USERNAME} out and sets {@code
 * TELEGRAM_WEBHOOK_URL}, as a production bot often is: the bot then talks to a loopback
 * {@code FakeTelegramServer} (getMe, setWebhook) while it starts. {@code --rss} also reports the
 * bot's peak resident set size from its start to the first answer ({@code VmHWM} of
 * {@code /proc/<pid>/status}, Linux only). The update is {@code /hello@chorus_bench_bot}, addressed
 * to the bot, which without a configured username waits for getMe by design; {@code
 * --unaddressed} sends {@code /hello} instead, which needs no Bot API call to be answered. {@code
 * --inspect DIR} writes what each bot holds at its first answer into {@code DIR} (see {@link
 * #inspect(long)}); add {@code --jvm -XX:NativeMemoryTracking=summary} for its native memory.
 */
public final class TelegramColdStart {
    private static boolean noUsername;
    private static boolean rss;
    private static boolean addressed = true;
    private static Path inspect;
    private static FakeTelegramServer telegram;
    private static final List<Long> peakRssKib = new ArrayList<>();

    private TelegramColdStart() {}

    /** Runs the measurement and prints the figures. */
    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        String jar = options.text("jar", "examples/target/hello-bot.jar");
        int runs = options.integer("runs", 15);
        String path = options.text("path", "/telegram");
        List<String> jvm = new ArrayList<>(options.words("jvm"));
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalArgumentException(jar + " not found: build it with mvn -B -q -pl examples -am package -DskipTests");
        }
        Path log = Files.createTempFile("chorus-telegram-cold", ".log");
        noUsername = options.flag("no-username");
        rss = options.flag("rss");
        addressed = !options.flag("unaddressed");
        String inspectDir = options.text("inspect", "");
        inspect = inspectDir.isEmpty() ? null : Files.createDirectories(Path.of(inspectDir));
        if (noUsername) {
            telegram = FakeTelegramServer.builder().token(TelegramSamples.TOKEN).botUsername(TelegramSamples.USERNAME)
                    .start();
        }
        if (options.flag("appcds")) {
            String name = Path.of(jar).getFileName().toString().replace(".jar", "");
            Path archive = Path.of(System.getProperty("java.io.tmpdir"),
                    name.equals("hello-bot") ? "chorus-hello-bot.jsa" : "chorus-cold-start-" + name + ".jsa");
            Files.deleteIfExists(archive);
            List<String> training = new ArrayList<>(jvm);
            training.add("-XX:ArchiveClassesAtExit=" + archive);
            once(jar, path, training, log);
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("no AppCDS archive was written; see " + log);
            }
            jvm.add("-XX:SharedArchiveFile=" + archive);
        }
        once(jar, path, jvm, log); // lets the OS cache the jar and the JDK's files: not counted
        long[] millis = new long[runs];
        long[] baseline = new long[runs];
        for (int i = 0; i < runs; i++) {
            // A hello-world JVM right before each bot run shows how busy the machine was.
            baseline[i] = baseline(log);
            millis[i] = once(jar, path, jvm, log);
        }
        System.out.printf("Telegram cold start (java start -> first webhook update answered), %d runs, %s, JVM options %s,"
                + " %s, update %s%n", runs, jar, jvm, noUsername ? "no username, webhook URL set (getMe and setWebhook on a"
                + " loopback fake)" : "username set (no Bot API call)", addressed ? "/hello@" + TelegramSamples.USERNAME
                : "/hello");
        print("hello bot  ", millis);
        print("hello world", baseline);
        if (rss) {
            long[] sorted = peakRssKib.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  peak RSS to the first answer: median %.1f MiB   min %.1f MiB   max %.1f MiB%n",
                    sorted[sorted.length / 2] / 1024.0, sorted[0] / 1024.0, sorted[sorted.length - 1] / 1024.0);
        }
        if (telegram != null) {
            telegram.close();
        }
        Files.deleteIfExists(log);
    }

    /** The process's peak resident set size so far, in KiB: {@code VmHWM} of {@code /proc/<pid>/status}. */
    static long peakRssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring(6).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/" + pid + "/status");
    }

    /**
     * With {@code --inspect DIR}: what the bot holds at its first answer, after its peak RSS was
     * read, into {@code DIR/<pid>-*}: its {@code status} and {@code smaps} and, through
     * {@code jcmd}, its heap, threads, and native memory (when started with
     * {@code -XX:NativeMemoryTracking=summary}).
     */
    private static void inspect(long pid) throws IOException, InterruptedException {
        Path proc = Path.of("/proc", Long.toString(pid));
        Files.copy(proc.resolve("status"), inspect.resolve(pid + "-status.txt"));
        Files.copy(proc.resolve("smaps"), inspect.resolve(pid + "-smaps.txt"));
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (String command : List.of("GC.heap_info", "GC.class_histogram -all", "Thread.print", "VM.native_memory summary")) {
            List<String> line = new ArrayList<>(List.of(jcmd, Long.toString(pid)));
            line.addAll(Arrays.asList(command.split(" ")));
            new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(inspect.resolve(pid + "-" + command.split(" ")[0] + ".txt").toFile())
                    .start().waitFor();
        }
    }

    private static void print(String what, long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("  %s median %d ms   min %d ms   max %d ms   all %s%n", what, sorted[sorted.length / 2],
                sorted[0], sorted[sorted.length - 1], Arrays.toString(millis));
    }

    private static long baseline(Path log) throws Exception {
        long start = System.nanoTime();
        Process hello = ChildJvm.start(List.of(), System.getProperty("java.class.path"), JvmBaseline.class.getName(),
                Map.of(), log);
        hello.waitFor();
        return (System.nanoTime() - start) / 1_000_000L;
    }

    private static long once(String jar, String path, List<String> jvm, Path log) throws Exception {
        int port = ChildJvm.freePort();
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "TELEGRAM_BOT_TOKEN", TelegramSamples.TOKEN,
                // Nothing listens here: an API call at start would fail the run, and none is expected.
                "TELEGRAM_API_URL", "http://127.0.0.1:" + ChildJvm.freePort(),
                "TELEGRAM_WEBHOOK_PORT", Integer.toString(port),
                "TELEGRAM_WEBHOOK_SECRET", TelegramSamples.SECRET,
                "TELEGRAM_BOT_USERNAME", TelegramSamples.USERNAME));
        if (noUsername) {
            env.remove("TELEGRAM_BOT_USERNAME");
            env.put("TELEGRAM_API_URL", telegram.apiUrl().toString());
            env.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.org" + path);
        }
        if (!path.equals("/telegram")) {
            env.put("TELEGRAM_WEBHOOK_PATH", path);
        }
        byte[] update = TelegramSamples.helloUpdate(42, -1001, 5_000_000_001L, addressed);
        long start = System.nanoTime();
        Process bot = ChildJvm.start(jvm, jar, null, env, log);
        try {
            long deadline = start + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                try (KeepAliveConnection c = new KeepAliveConnection(port, path, TelegramSamples.SECRET)) {
                    KeepAliveConnection.Answer answer = c.post(update);
                    long elapsed = System.nanoTime() - start;
                    String body = new String(answer.body(), StandardCharsets.UTF_8);
                    if (answer.status() == 404) {
                        // Listening before its webhook route exists (Telegram would redeliver): not ready yet.
                        LockSupport.parkNanos(200_000L);
                        continue;
                    }
                    if (answer.status() != 200 || !body.contains("\"text\":\"hello Anna Smith!\"")) {
                        throw new IllegalStateException("unexpected answer " + answer.status() + " " + body);
                    }
                    if (rss) {
                        peakRssKib.add(peakRssKib(bot.pid()));
                    }
                    if (inspect != null) {
                        inspect(bot.pid());
                    }
                    return elapsed / 1_000_000L;
                } catch (IOException e) {
                    if (!bot.isAlive()) {
                        throw new IllegalStateException("the bot exited with " + bot.exitValue() + "; see " + log);
                    }
                    LockSupport.parkNanos(200_000L); // not listening yet
                }
            }
            throw new IllegalStateException("the bot did not answer within 60 s; see " + log);
        } finally {
            ChildJvm.stop(bot);
        }
    }
}
