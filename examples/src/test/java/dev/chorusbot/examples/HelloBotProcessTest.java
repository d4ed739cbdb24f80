package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the hello bot's main in a child JVM, as a user would, with the console as its platform. */
class HelloBotProcessTest {

    @Test
    void consoleBotAnswersAndExitsCleanlyAtEndOfInput() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HelloBot.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        // No platform variables: the console is used.
        builder.environment().keySet().removeIf(name -> name.startsWith("TELEGRAM_") || name.startsWith("TWITCH_"));
        builder.environment().put("USER", "viktor");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write("!hello\n!help\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isZero();
        assertThat(out.lines().toList()).containsExactly(
                "hello " + System.getProperty("user.name") + "!",
                "Commands:",
                "!hello — Say hello",
                "!help — List the commands, or show how to use one");
    }
}
