package dev.chorusbot.serverless;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real AWS Lambda runtime interface client in a child JVM, running {@link AwsLambdaHandler}
 * against a loopback Runtime API — the code path Lambda's managed Java runtime runs. Output goes to
 * a log file the test can read.
 */
final class LambdaProcess implements AutoCloseable {
    static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String HANDLER = AwsLambdaHandler.class.getName() + "::handleRequest";

    private final Process process;
    private final Path log;

    private LambdaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static LambdaProcess start(String runtimeApi, Map<String, String> environment) throws IOException {
        Path log = Files.createTempFile("chorus-lambda-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The flags Lambda's Java runtimes start the JVM with (tiered compilation stopped at C1).
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider");
        // Traffic is logged at debug: the log a test checks for secrets has every line.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");
        command.add("-cp");
        command.add(testClassPath());
        command.add(RUNTIME_CLIENT);
        command.add(HANDLER);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CHORUS_")
                || name.startsWith("AWS_") || name.startsWith("TELEGRAM_") || name.startsWith("TWITCH_"));
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "chorus-test");
        builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        builder.environment().put("AWS_REGION", "eu-central-1");
        builder.environment().putAll(environment);
        return new LambdaProcess(builder.start(), log);
    }

    /** What the child printed so far. */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }

    private static String testClassPath() {
        // Surefire runs tests from a manifest-only jar; it publishes the real class path here.
        String path = System.getProperty("surefire.test.class.path");
        if (path == null || path.isBlank()) {
            path = System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, path.split(File.pathSeparator));
    }
}
