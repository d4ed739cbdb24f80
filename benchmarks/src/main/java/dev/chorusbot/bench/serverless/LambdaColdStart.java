package dev.chorusbot.bench.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.testkit.lambda.FakeLambdaRuntime;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUpdate;
import dev.chorusbot.testkit.telegram.FakeUser;
import java.time.Duration;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cold and warm start of the hello bot as an AWS Lambda function, measured as Lambda would see
 * them: a child JVM runs {@code hello-bot-lambda.jar} under the real AWS Lambda runtime interface
 * client, started with the flags of Lambda's Java 17 runtime, against a loopback Lambda Runtime API
 * that already holds a function URL event with a Telegram {@code /hello} update.
 *
 * <ul>
 *   <li><b>cold</b>: from starting {@code java} to the answer posted to {@code /response} — JVM
 *       start, runtime client, handler construction (bot built and started), first invocation;
 *   <li><b>init</b>: the part of cold until the runtime fetched the event from {@code /next},
 *       that is once the handler was created (the bot built and started);
 *   <li><b>warm</b>: the next invocation on the same process, from queuing the event to the answer.
 * </ul>
 * Every answer is checked to be the inline {@code hello Viktor!} reply. With {@code --appcds} a
 * first training run writes a dynamic AppCDS archive ({@code -XX:ArchiveClassesAtExit}) and the
 * measured runs start with it ({@code -XX:SharedArchiveFile}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.chorusbot.bench.serverless.LambdaColdStart \
 *     [--jar examples/target/hello-bot-lambda.jar] [--runtime-lib benchmarks/target/lambda-runtime] \
 *     [--runs 10] [--appcds] [--baseline] [--no-username] [--verbose] [--redis]
 * </pre>
 * {@code --no-username} leaves {@code TELEGRAM_BOT_USERNAME} out of the function's environment;
 * {@code --archive <file>} starts the runs with an AppCDS archive written beforehand (such as the
 * examples' {@code -Pappcds} build writes) instead of training one.
 * {@code --redis} starts a redis-server on loopback (the testkit's {@code RedisServer}) and
 * alternates runs with {@code CHORUS_STATE} unset (in memory) and set to it, printing the medians of
 * both: the cost of the Redis store (Jedis, its pool, the first connection and commands) side by
 * side with the in-memory store on the same machine at the same time.
 * {@code --discord} makes the function a Discord interactions bot instead ({@code DISCORD_*}
 * variables, a signed {@code /hello} interaction answered with {@code {"type":4,...}}).
 * {@code --baseline} runs {@link BaselineStreamHandler} instead of the bot: the JVM and runtime
 * client alone; {@code --verbose} shows the function's own output (its log says how long building
 * and starting the bot took).
 */
public final class LambdaColdStart {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String HANDLER = "dev.chorusbot.serverless.AwsLambdaHandler::handleRequest";
    // By name: the class needs the Lambda API, which is on the child's class path, not this one's.
    private static final String BASELINE_HANDLER = "dev.chorusbot.bench.serverless.BaselineStreamHandler::handleRequest";
    private static final String SECRET = "bench-webhook-secret";

    private static boolean verbose;
    private static boolean noUsername;
    // Whether the function answers Discord interactions, signed by this key, instead of Telegram.
    private static dev.chorusbot.testkit.discord.InteractionSender discord;
    // CHORUS_STATE of the next run, or null for the in-memory default.
    private static String state;

    private LambdaColdStart() {}

    /** Runs the measurement and prints one line per run and the medians. */
    public static void main(String[] args) throws Exception {
        // The JDK HttpServer writes headers and body separately; without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK add ~40 ms to every /next answer of the fake,
        // which no real Lambda host adds.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path jar = Path.of(option(args, "--jar", "examples/target/hello-bot-lambda.jar"));
        Path lib = Path.of(option(args, "--runtime-lib", "benchmarks/target/lambda-runtime"));
        int runs = Integer.parseInt(option(args, "--runs", "10"));
        boolean appCds = Arrays.asList(args).contains("--appcds");
        boolean baseline = Arrays.asList(args).contains("--baseline");
        verbose = Arrays.asList(args).contains("--verbose");
        noUsername = Arrays.asList(args).contains("--no-username");
        if (Arrays.asList(args).contains("--discord")) {
            discord = dev.chorusbot.testkit.discord.InteractionSender.create();
        }
        if (Arrays.asList(args).contains("--redis")) {
            compareRedis(jar, lib, runs);
            return;
        }
        if (baseline) {
            // The floor: this benchmark's own jar (for the baseline handler) instead of the bot.
            jar = Path.of(LambdaColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        String handler = baseline ? BASELINE_HANDLER : HANDLER;
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            System.err.println("build first: mvn -B -q -pl examples,benchmarks -am package -DskipTests"
                    + " (missing " + (Files.isRegularFile(jar) ? lib : jar) + ")");
            System.exit(2);
        }
        String classPath = classPath(jar, lib);
        List<String> flags = new ArrayList<>(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        String given = option(args, "--archive", "");
        if (!given.isEmpty()) {
            flags.add("-XX:SharedArchiveFile=" + Path.of(given).toAbsolutePath());
        }
        Path archive = null;
        try (FakeTelegramServer telegram = FakeTelegramServer.start()) {
            if (appCds) {
                archive = Files.createTempFile("chorus-lambda-", ".jsa");
                Files.delete(archive);
                List<String> training = new ArrayList<>(flags);
                training.add("-XX:ArchiveClassesAtExit=" + archive);
                Run run = run(classPath, handler, training, telegram, true);
                System.out.printf(Locale.ROOT, "training run (writes %s): cold %.0f ms%n", archive.getFileName(),
                        run.coldMillis());
                flags.add("-XX:SharedArchiveFile=" + archive);
            }
            System.out.println("flags: " + String.join(" ", flags) + (noUsername ? "; no TELEGRAM_BOT_USERNAME" : "")
                    + (discord != null ? "; Discord interactions" : ""));
            List<Double> cold = new ArrayList<>();
            List<Double> init = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                Run run = run(classPath, handler, flags, telegram, false);
                cold.add(run.coldMillis());
                init.add(run.initMillis());
                warm.add(run.warmMillis());
                System.out.printf(Locale.ROOT, "run %2d: cold %6.0f ms (init %4.0f + first invocation %4.0f)   warm %5.1f ms%n",
                        i, run.coldMillis(), run.initMillis(), run.coldMillis() - run.initMillis(), run.warmMillis());
            }
            System.out.printf(Locale.ROOT, "median of %d: cold %.0f ms (min %.0f, max %.0f; init %.0f)   warm %.1f ms"
                    + " (min %.1f)%n", runs, median(cold), min(cold), max(cold), median(init), median(warm), min(warm));
        } finally {
            if (archive != null) {
                Files.deleteIfExists(archive);
            }
        }
    }

    /** Alternates in-memory and Redis runs, so both see the same load on a shared machine. */
    private static void compareRedis(Path jar, Path lib, int runs) throws Exception {
        String classPath = classPath(jar, lib);
        List<String> flags = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
        try (FakeTelegramServer telegram = FakeTelegramServer.start();
                dev.chorusbot.testkit.redis.RedisServer redis = dev.chorusbot.testkit.redis.RedisServer.start()) {
            List<List<Double>> cold = List.of(new ArrayList<>(), new ArrayList<>());
            List<List<Double>> warm = List.of(new ArrayList<>(), new ArrayList<>());
            String[] names = {"memory", "redis"};
            for (int i = 1; i <= runs; i++) {
                for (int which = 0; which < 2; which++) {
                    state = which == 0 ? null : redis.url();
                    Run run = run(classPath, HANDLER, flags, telegram, false);
                    cold.get(which).add(run.coldMillis());
                    warm.get(which).add(run.warmMillis());
                    System.out.printf(Locale.ROOT, "run %2d %-6s: cold %6.0f ms (init %4.0f)   warm %5.1f ms%n", i,
                            names[which], run.coldMillis(), run.initMillis(), run.warmMillis());
                }
            }
            for (int which = 0; which < 2; which++) {
                System.out.printf(Locale.ROOT, "median of %d, %-6s: cold %.0f ms (min %.0f, max %.0f)   warm %.1f ms"
                        + " (min %.1f)%n", runs, names[which], median(cold.get(which)), min(cold.get(which)),
                        max(cold.get(which)), median(warm.get(which)), min(warm.get(which)));
            }
        } finally {
            state = null;
        }
    }

    /** The next user, and so private chat, a run talks in. */
    private static long nextUserId = 42;

    /** One measured process: cold start, its init part, and the warm invocation after it, in ms. */
    record Run(double coldMillis, double initMillis, double warmMillis) {}

    static Run run(String classPath, String handler, List<String> flags, FakeTelegramServer telegram,
            boolean exitCleanly)
            throws Exception {
        try (FakeLambdaRuntime runtime = FakeLambdaRuntime.start()) {
            // A chat of its own for every run: with a shared store (--redis) the per-chat limit of the
            // run before (1 message a second) still holds, and the reply would go through the Bot API
            // instead of inline.
            FakeUser viktor = FakeUser.of(nextUserId++, "Viktor", null, "viktor");
            FakeLambdaRuntime.Invocation first = runtime.invoke(discord != null ? discordEvent()
                    : event(telegram, viktor));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(flags);
            command.addAll(List.of("-cp", classPath, RUNTIME_CLIENT, handler));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(verbose ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtime.address());
            builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "hello-bot");
            builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
            if (discord != null) {
                // The REST API is never called when the answer is inline; the URL only has to be valid.
                builder.environment().put("DISCORD_BOT_TOKEN", dev.chorusbot.testkit.discord.FakeDiscordApi.DEFAULT_TOKEN);
                builder.environment().put("DISCORD_APPLICATION_ID", discord.applicationId());
                builder.environment().put("DISCORD_PUBLIC_KEY", discord.publicKey());
                builder.environment().put("DISCORD_API_URL", telegram.apiUrl().toString());
            } else {
                builder.environment().put("TELEGRAM_BOT_TOKEN", telegram.token());
                builder.environment().put("TELEGRAM_API_URL", telegram.apiUrl().toString());
                builder.environment().put("TELEGRAM_MODE", "webhook");
                builder.environment().put("TELEGRAM_WEBHOOK_SECRET", SECRET);
                if (!noUsername) {
                    builder.environment().put("TELEGRAM_BOT_USERNAME", "chorus_test_bot");
                }
            }
            builder.environment().remove("CHORUS_STATE");
            if (state != null) {
                builder.environment().put("CHORUS_STATE", state);
            }
            long started = System.nanoTime();
            Process process = builder.start();
            try {
                FakeLambdaRuntime.Result cold = first.await(Duration.ofSeconds(60));
                check(cold);
                long queued = System.nanoTime();
                // Another chat: the same one would wait out Telegram's 1 message/s per chat limit.
                FakeUser sameName = FakeUser.of(nextUserId++, "Viktor", null, "viktor_two");
                FakeLambdaRuntime.Result warm = runtime.invoke(discord != null ? discordEvent()
                        : event(telegram, sameName)).await(Duration.ofSeconds(60));
                check(warm);
                return new Run((cold.completedNanos() - started) / 1e6, (cold.deliveredNanos() - started) / 1e6,
                        (warm.completedNanos() - queued) / 1e6);
            } finally {
                if (exitCleanly) {
                    // SIGTERM: the JVM exits through its shutdown sequence, which writes the AppCDS archive.
                    process.destroy();
                    process.waitFor(60, TimeUnit.SECONDS);
                } else {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static String event(FakeTelegramServer telegram, FakeUser user) throws IOException {
        FakeUpdate update = telegram.message(FakeChat.privateWith(user), user, "/hello");
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", "/");
        event.put("rawQueryString", "");
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "application/json");
        headers.put("host", "abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-central-1.on.aws");
        headers.put("x-telegram-bot-api-secret-token", SECRET);
        ObjectNode context = event.putObject("requestContext");
        context.put("domainName", "abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-central-1.on.aws");
        context.put("requestId", "bench");
        context.putObject("http").put("method", "POST").put("path", "/").put("protocol", "HTTP/1.1")
                .put("sourceIp", "91.108.6.1");
        event.put("body", update.json());
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsString(event);
    }

    /** A function URL event carrying a signed Discord {@code /hello}, as Discord POSTs it. */
    private static String discordEvent() throws IOException {
        String body = discord.command("hello").json();
        String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", "/discord");
        event.put("rawQueryString", "");
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "application/json");
        headers.put("host", "abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-central-1.on.aws");
        headers.put("x-signature-timestamp", timestamp);
        headers.put("x-signature-ed25519", discord.sign(timestamp,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ObjectNode context = event.putObject("requestContext");
        context.put("domainName", "abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-central-1.on.aws");
        context.put("requestId", "bench");
        context.putObject("http").put("method", "POST").put("path", "/discord").put("protocol", "HTTP/1.1")
                .put("sourceIp", "162.159.135.232");
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsString(event);
    }

    private static void check(FakeLambdaRuntime.Result result) throws IOException {
        JsonNode answer = JSON.readTree(result.body());
        JsonNode answered = JSON.readTree(answer.path("body").asText("{}"));
        String text = discord != null ? answered.path("data").path("content").asText() : answered.path("text").asText();
        if (result.error() || answer.path("statusCode").asInt() != 200 || !text.equals("hello Viktor!")) {
            throw new IllegalStateException("unexpected answer from the function: " + result.body());
        }
    }

    static String classPath(Path jar, Path lib) throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(jar.toAbsolutePath().toString());
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .forEach(p -> entries.add(p.toAbsolutePath().toString()));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
