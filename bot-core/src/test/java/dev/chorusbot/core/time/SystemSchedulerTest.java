package dev.chorusbot.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The system scheduler: real clocks, one daemon timer thread. */
class SystemSchedulerTest {
    private final Scheduler system = Scheduler.system();

    @Test
    void isOneSharedInstance() {
        assertThat(Scheduler.system()).isSameAs(system);
    }

    @Test
    void runsADelayedTaskOnADaemonTimerThread() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Thread[] on = new Thread[1];
        long start = system.nanoTime();

        ScheduledTask task = system.schedule(Duration.ofMillis(20), () -> {
            on[0] = Thread.currentThread();
            ran.countDown();
        });

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(system.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
        assertThat(on[0].isDaemon()).isTrue();
        assertThat(on[0].getName()).isEqualTo("chorus-timer");
        awaitDone(task);
        assertThat(task.cancel()).isFalse();
    }

    @Test
    void aCancelledTaskNeverRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        // A second between scheduling and cancelling: even a thread descheduled on a loaded machine
        // cancels before the task is due.
        ScheduledTask task = system.schedule(Duration.ofSeconds(1), runs::incrementAndGet);

        assertThat(task.cancel()).isTrue();
        assertThat(task.isDone()).isTrue();
        CountDownLatch later = new CountDownLatch(1);
        system.schedule(Duration.ofMillis(1100), later::countDown);
        assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(runs).hasValue(0);
    }

    @Test
    void aRepeatingTaskThatThrowsKeepsItsSchedule() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        ScheduledTask task = system.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(5), () -> {
            three.countDown();
            throw new IllegalStateException("every run fails");
        });
        try {
            assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            task.cancel();
        }
    }

    @Test
    void runsATaskAtAnInstantOfTheWallClock() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        Instant at = system.now().plusMillis(20);

        system.scheduleAt(at, ran::countDown);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(system.now()).isAfterOrEqualTo(at);
    }

    @Test
    void sleepsForTheDurationAndReturnsAtOnceForNone() throws Exception {
        long start = system.nanoTime();
        system.sleep(Duration.ofMillis(20));
        assertThat(system.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());

        system.sleep(Duration.ZERO);
        system.sleep(Duration.ofSeconds(-1));
    }

    @Test
    void refusesAPeriodThatIsNotPositive() {
        assertThatThrownBy(() -> system.scheduleAtFixedRate(Duration.ZERO, Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period must be positive, was PT0S");
    }

    @Test
    void showsItsWallClockAsAUtcClock() {
        Instant before = Instant.now();
        Instant seen = system.clock().instant();

        assertThat(seen).isAfterOrEqualTo(before);
        assertThat(system.clock().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(system.clock().withZone(ZoneOffset.ofHours(3)).getZone()).isEqualTo(ZoneOffset.ofHours(3));
    }

    private static void awaitDone(ScheduledTask task) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!task.isDone()) {
            assertThat(System.nanoTime()).as("task done within 5 s").isLessThan(deadline);
            Thread.sleep(1); // poll interval of a wait with a deadline
        }
    }
}
