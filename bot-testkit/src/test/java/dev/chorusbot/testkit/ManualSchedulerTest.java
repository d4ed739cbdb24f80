package dev.chorusbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.time.ScheduledTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void movesOnlyWhenTold() {
        ManualScheduler time = new ManualScheduler(Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(time.now()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(time.clock().instant()).isEqualTo("2026-05-01T10:00:00Z");
        time.advance(Duration.ofMinutes(90));
        assertThat(time.now()).isEqualTo("2026-05-01T11:30:00Z");
        assertThat(time.nanoTime()).isEqualTo(Duration.ofMinutes(90).toNanos());
    }

    @Test
    void runsDueTasksInTimeOrderWithTheClockAtEachDueTime() {
        ManualScheduler time = new ManualScheduler(Instant.EPOCH);
        List<String> runs = new CopyOnWriteArrayList<>();
        time.schedule(Duration.ofSeconds(3), () -> runs.add("c@" + time.now().getEpochSecond()));
        time.schedule(Duration.ofSeconds(1), () -> runs.add("a@" + time.now().getEpochSecond()));
        time.scheduleAt(Instant.ofEpochSecond(2), () -> runs.add("b@" + time.now().getEpochSecond()));
        time.schedule(Duration.ofSeconds(10), () -> runs.add("late"));

        time.advance(Duration.ofSeconds(5));

        assertThat(runs).containsExactly("a@1", "b@2", "c@3");
        assertThat(time.now()).isEqualTo(Instant.ofEpochSecond(5));
        assertThat(time.pendingTasks()).isEqualTo(1);
        assertThat(time.nextTaskIn()).contains(Duration.ofSeconds(5));
    }

    @Test
    void advancesToAnInstantAndNeverBack() {
        ManualScheduler time = new ManualScheduler(Instant.EPOCH);
        List<String> runs = new CopyOnWriteArrayList<>();
        time.scheduleAt(Instant.ofEpochSecond(60), () -> runs.add("at a minute"));

        time.advanceTo(Instant.ofEpochSecond(60));

        assertThat(runs).containsExactly("at a minute");
        assertThat(time.now()).isEqualTo(Instant.ofEpochSecond(60));
        assertThatThrownBy(() -> time.advanceTo(Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time only moves forward; 1970-01-01T00:00:00Z is before 1970-01-01T00:01:00Z");
        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time only moves forward; duration was PT-1S");
    }

    @Test
    void runsTasksThatDueTasksScheduleWithinTheSameAdvance() {
        ManualScheduler time = new ManualScheduler(Instant.EPOCH);
        List<Long> runs = new CopyOnWriteArrayList<>();
        time.schedule(Duration.ofSeconds(1), () -> {
            runs.add(time.now().getEpochSecond());
            time.schedule(Duration.ofSeconds(1), () -> runs.add(time.now().getEpochSecond()));
            time.schedule(Duration.ofSeconds(9), () -> runs.add(time.now().getEpochSecond()));
        });

        time.advance(Duration.ofSeconds(3));

        assertThat(runs).containsExactly(1L, 2L);
        assertThat(time.pendingTasks()).isEqualTo(1);
    }

    @Test
    void repeatsAtAFixedRateUntilCancelled() {
        ManualScheduler time = new ManualScheduler(Instant.EPOCH);
        List<Long> runs = new CopyOnWriteArrayList<>();
        ScheduledTask ticker = time.scheduleAtFixedRate(Duration.ofSeconds(1), Duration.ofSeconds(2),
                () -> runs.add(time.now().getEpochSecond()));

        time.advance(Duration.ofSeconds(6));
        assertThat(runs).containsExactly(1L, 3L, 5L);

        assertThat(ticker.cancel()).isTrue();
        time.advance(Duration.ofSeconds(6));
        assertThat(runs).containsExactly(1L, 3L, 5L);
        assertThat(ticker.isDone()).isTrue();
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void aCancelledTaskNeverRuns() {
        ManualScheduler time = new ManualScheduler();
        List<String> runs = new CopyOnWriteArrayList<>();
        ScheduledTask task = time.schedule(Duration.ofSeconds(1), () -> runs.add("ran"));

        assertThat(task.cancel()).isTrue();
        assertThat(task.cancel()).isFalse();
        time.advance(Duration.ofSeconds(2));

        assertThat(runs).isEmpty();
    }

    @Test
    void aFailingTaskDoesNotStopTheOthersAndItsFailureReachesTheTest() {
        ManualScheduler time = new ManualScheduler();
        List<String> runs = new CopyOnWriteArrayList<>();
        time.schedule(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("boom");
        });
        time.schedule(Duration.ofSeconds(2), () -> runs.add("second"));

        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(3))).hasMessage("boom");
        assertThat(runs).containsExactly("second");
        assertThat(time.nanoTime()).isEqualTo(Duration.ofSeconds(3).toNanos());
    }

    @Test
    void wakesASleepingThreadOnlyWhenItsTimeHasCome() throws Exception {
        ManualScheduler time = new ManualScheduler();
        CompletableFuture<Instant> woke = CompletableFuture.supplyAsync(() -> {
            try {
                time.sleep(Duration.ofSeconds(30));
                return time.now();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        time.awaitSleeping(1, WAIT);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
        time.advance(Duration.ofSeconds(29));
        assertThat(woke).isNotDone();
        assertThat(time.sleepingThreads()).isEqualTo(1);

        time.advance(Duration.ofSeconds(1));
        assertThat(woke.get(5, TimeUnit.SECONDS)).isEqualTo(Instant.parse("2026-01-01T00:00:30Z"));
        time.awaitSleeping(0, WAIT);
    }

    @Test
    void awaitingFailsWithAMessageAtTheDeadline() {
        ManualScheduler time = new ManualScheduler();

        assertThatThrownBy(() -> time.awaitPendingTasks(1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected 1 pending task(s) within PT0.05S, have 0");
        assertThatThrownBy(() -> time.awaitSleeping(1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected 1 sleeping thread(s) within PT0.05S, have 0");
    }

    @Test
    void aTaskMustNotSleep() {
        ManualScheduler time = new ManualScheduler();
        time.schedule(Duration.ZERO, () -> {
            try {
                time.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThatThrownBy(() -> time.advance(Duration.ZERO))
                .hasMessage("a task run by ManualScheduler.advance must not sleep: nothing would wake it");
    }

    @Test
    void testsACooldownWithoutSleeping() {
        Command roll = Command.named("roll").cooldown(Duration.ofSeconds(10))
                .handler(ctx -> Reply.text(ctx.sender().displayName() + " rolls 4")).build();
        ManualScheduler time = new ManualScheduler();
        try (TestBot bot = TestBot.start(Bot.builder().scheduler(time).command(roll))) {
            bot.send("!roll").assertReplyContains("rolls");
            bot.send("!roll").assertReply("Please wait 10 s before using !roll again.");
            time.advance(Duration.ofSeconds(10));
            bot.send("!roll").assertReplyContains("rolls");
        }
    }
}
