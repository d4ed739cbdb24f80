package dev.chorusbot.state.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.Schedule;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.TestBot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reminder set before a restart is sent once after it: the first bot's store is closed, and the
 * next bot opens the same file, as a process that was stopped and started again would.
 */
class ReminderRestartTest {
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-03-01T10:00:00Z"));

    private Bot.Builder remindingBot(FileStateStore store) {
        return Bot.builder()
                .scheduler(time)
                .stateStore(store)
                .command(Command.named("remind").handler(ctx -> {
                    ctx.jobs().schedule("remind", ctx.rawArguments(), Schedule.in(Duration.ofSeconds(30)));
                    return Reply.text("ok");
                }).build())
                .job("remind", job -> Reply.text("reminder: " + job.payload()));
    }

    @Test
    void aReminderSurvivesARestartOnTheFileStore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.db");
        try (FileStateStore store = FileStateStore.open(file, time, "test");
                TestBot before = TestBot.start(remindingBot(store))) {
            before.send("!remind stretch").assertReply("ok");
            time.advance(Duration.ofSeconds(10));
        }
        time.advance(Duration.ofSeconds(60)); // down while it fell due

        try (FileStateStore store = FileStateStore.open(file, time, "test");
                TestBot after = TestBot.start(remindingBot(store))) {
            time.advance(Duration.ofSeconds(1));
            assertThat(after.adapter().awaitSent(1, Duration.ofSeconds(10))).extracting(Outbound::text)
                    .containsExactly("reminder: stretch");
            time.advance(Duration.ofSeconds(5));
            assertThat(after.bot().runDueJobs().toCompletableFuture().join()).isZero();
            assertThat(after.adapter().sent()).hasSize(1);
        }
    }
}
