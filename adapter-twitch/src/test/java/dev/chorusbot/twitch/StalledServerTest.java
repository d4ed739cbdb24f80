package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server that stops reading and floods PINGs costs bounded memory, and the chat read meanwhile is
 * answered after the reconnect. In a child JVM whose heap is 64 MiB, so that memory growing with the
 * flood fails as an OutOfMemoryError rather than as a guess from heap figures.
 */
class StalledServerTest {

    @Test
    void aServerThatStopsReadingAndFloodsPingsCostsBoundedMemoryAndTheChatReadMeanwhileIsAnswered() throws Exception {
        File log = File.createTempFile("stalled-server", ".log");
        log.deleteOnExit();
        Process child = new ProcessBuilder(List.of(new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.dev.chorusbot.twitch=info",
                "-cp", System.getProperty("java.class.path"), StalledServerMain.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        String output;
        try {
            boolean ended = child.waitFor(8, TimeUnit.MINUTES);
            output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            assertThat(ended).as("the child JVM ended within 8 minutes; it printed:%n%s", output).isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(child.exitValue()).as("exit code; the child printed:%n%s", output).isZero();
        assertThat(output).contains("answered viktor=1 anna=1").doesNotContain("OutOfMemoryError");
    }
}
