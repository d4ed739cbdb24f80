package dev.chorusbot.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a bot in a JVM of its own, as an operator would, with the Telegram variables set. */
final class ChildJvm {
    private ChildJvm() {}

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts {@code java <jvmArgs> -cp <classpath> <main>} (or {@code -jar} when {@code main} is
     * null) with {@code env} added; its output goes to {@code log}.
     */
    static Process start(List<String> jvmArgs, String classpath, String main, Map<String, String> env, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
        command.addAll(jvmArgs);
        if (main == null) {
            command.add("-jar");
            command.add(classpath);
        } else {
            command.add("-cp");
            command.add(classpath);
            command.add(main);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("TELEGRAM_") || name.startsWith("TWITCH_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: the bot's shutdown hook stops it gracefully
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
