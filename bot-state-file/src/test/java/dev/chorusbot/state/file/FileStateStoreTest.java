package dev.chorusbot.state.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.StateStores;
import dev.chorusbot.core.User;
import dev.chorusbot.testkit.ManualScheduler;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store's durability and configuration. */
class FileStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void keepsItsStateWhenOpenedAgain() {
        Path file = dir.resolve("state");
        try (FileStateStore store = FileStateStore.open(file)) {
            store.put("greeting", "hello", Duration.ZERO);
            store.increment("count", 5, Duration.ZERO);
            store.addToIndex("jobs", "remind", 42);
        }

        try (FileStateStore again = FileStateStore.open(file)) {
            assertThat(again.get("greeting")).contains("hello");
            assertThat(again.increment("count", 1, Duration.ZERO)).isEqualTo(6);
            assertThat(again.indexRange("jobs", Long.MAX_VALUE, 10)).containsExactly(new StateStore.Scored("remind", 42));
        }
    }

    @Test
    void losesNoAcknowledgedWriteWhenTheProcessIsKilledWithSigkill() throws Exception {
        Path file = dir.resolve("killed");
        Process writer = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-cp", System.getProperty("java.class.path"), KilledWriter.class.getName(), file.toString())
                .redirectError(dir.resolve("writer.err").toFile()).start();
        long acknowledged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged = Long.parseLong(line.strip());
                if (acknowledged == 500) {
                    // SIGKILL to its pid (no shutdown hook, no close); through the handle, which leaves
                    // the pipe open, so the numbers already printed can still be read.
                    writer.toHandle().destroyForcibly();
                }
            }
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(writer.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(acknowledged).as(Files.readString(dir.resolve("writer.err"))).isGreaterThanOrEqualTo(500);

        try (FileStateStore store = FileStateStore.open(file)) {
            for (long i = 0; i <= acknowledged; i++) {
                assertThat(store.get("key:" + i)).as("write %d", i).contains("value " + i);
            }
            // The writer may have incremented once more before it was killed, not less.
            assertThat(Long.parseLong(store.get("count").orElseThrow())).isBetween(acknowledged + 1, acknowledged + 2);
            assertThat(store.indexRange("jobs", acknowledged, Integer.MAX_VALUE)).hasSize((int) acknowledged + 1);
        }
    }

    @Test
    void chorusStateChoosesTheFileStoreForABotBuiltFromTheEnvironment() {
        Path file = dir.resolve("bot-state");
        Bot bot = Bot.builder().command(Command.named("count")
                        .handler(ctx -> Reply.text("n=" + ctx.state().increment("n", 1, Duration.ZERO))).build())
                .fromEnv(Map.of("CHORUS_STATE", "file:" + file)).build();
        Message count = Message.of(Platform.of("console"), "1", Chat.of("c", Chat.Kind.PRIVATE, "c"),
                User.of("7", "viktor", "Viktor"), "!count");
        try {
            assertThat(bot.handle(count).outbound()).singleElement().satisfies(o -> assertThat(o.text()).isEqualTo("n=1"));
        } finally {
            bot.stop(); // closes the store it opened
        }

        try (FileStateStore store = FileStateStore.open(file)) {
            assertThat(store.get("n")).contains("1");
        }
    }

    @Test
    void aFileInADirectoryThatDoesNotExistIsOneSentenceNamingTheVariable() {
        Path missing = dir.resolve("no/such/dir/state").toAbsolutePath();

        assertThatThrownBy(() -> StateStores.fromEnv(Map.of("CHORUS_STATE", "file:" + missing)))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly("CHORUS_STATE names the file "
                        + missing + ", whose directory does not exist: create it, or name a file in a directory that does"));
    }

    @Test
    void anEmptyFileNameIsRefused() {
        assertThatThrownBy(() -> StateStores.fromEnv(Map.of("CHORUS_STATE", "file:")))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "CHORUS_STATE names no file: expected file:<path>, such as file:/var/lib/mybot/state"));
    }

    @Test
    void aClosedStoreSaysSo() {
        FileStateStore store = FileStateStore.open(dir.resolve("closed"));
        store.close();

        assertThatThrownBy(() -> store.get("k")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the state store " + dir.resolve("closed").toAbsolutePath() + " is closed");
    }

    @Test
    void expiredKeysAreAbsentAfterAReopen() throws Exception {
        Path file = dir.resolve("ttl");
        ManualScheduler time = new ManualScheduler(Instant.parse("2026-03-01T10:00:00Z"));
        try (FileStateStore store = FileStateStore.open(file, time, "test")) {
            store.put("short", "x", Duration.ofMillis(1));
            store.put("long", "y", Duration.ofHours(1));
        }
        time.advance(Duration.ofMillis(5)); // past the 1 ms TTL, while the store is closed

        try (FileStateStore store = FileStateStore.open(file, time, "test")) {
            assertThat(store.get("short")).isEmpty();
            assertThat(store.get("long")).contains("y");
            assertThat(store.putIfAbsent("short", "z", Duration.ZERO)).isTrue();
            assertThat(List.of(store.get("short").orElseThrow())).containsExactly("z");
        }
    }
}
