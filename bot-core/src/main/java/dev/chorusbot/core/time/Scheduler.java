package dev.chorusbot.core.time;

import dev.chorusbot.core.Api;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where Chorus reads the time and runs timed work: the wall clock for timestamps, cooldowns and
 * expiry; monotonic time for intervals; delayed, repeating and instant-bound tasks; and a blocking
 * {@link #sleep} for synchronous code. The bot has one ({@code Bot.Builder.scheduler(...)}, by
 * default {@link #system()}) and hands it to its adapters through
 * {@link dev.chorusbot.core.EventSink#scheduler()}, so one scheduler drives every timer of a bot.
 *
 * <p>Tasks run on the scheduler's thread: they must be short and never block (hand slow work to
 * an executor of your own). A task that throws is logged; a repeating one keeps its schedule.
 *
 * <pre>{@code
 * ScheduledTask reminder = scheduler.schedule(Duration.ofMinutes(5), () -> log.info("tea is ready"));
 * ScheduledTask ticker = scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ofSeconds(30), this::tick);
 * reminder.cancel(); // never runs
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public interface Scheduler {

    /**
     * The wall-clock time: for timestamps, cooldowns, expiry and tasks bound to an instant.
     *
     * @return the current instant
     */
    Instant now();

    /**
     * Monotonic time for measuring intervals, immune to wall-clock changes; only differences
     * between two readings mean something (as {@link System#nanoTime()}).
     *
     * @return nanoseconds since an arbitrary origin, never decreasing
     */
    long nanoTime();

    /**
     * Runs {@code task} once after {@code delay}.
     *
     * @param delay how long from now; zero or negative runs it as soon as possible
     * @param task the work to run, on the scheduler's thread; short and non-blocking
     * @return a handle that cancels the run
     * @throws NullPointerException if an argument is null
     * @throws java.util.concurrent.RejectedExecutionException if the scheduler was shut down
     */
    ScheduledTask schedule(Duration delay, Runnable task);

    /**
     * Runs {@code task} once at {@code instant} of the wall clock ({@link #now()}); an instant in the
     * past runs it as soon as possible.
     *
     * @param instant when to run it
     * @param task the work to run, on the scheduler's thread; short and non-blocking
     * @return a handle that cancels the run
     * @throws NullPointerException if an argument is null
     * @throws java.util.concurrent.RejectedExecutionException if the scheduler was shut down
     */
    default ScheduledTask scheduleAt(Instant instant, Runnable task) {
        Objects.requireNonNull(instant, "instant");
        return schedule(Duration.between(now(), instant), task);
    }

    /**
     * Runs {@code task} after {@code initialDelay}, then every {@code period} after that first run's
     * due time. Runs never overlap: one that is late does not shift the later ones, and the missed
     * ones run back to back.
     *
     * @param initialDelay the delay before the first run; zero or negative runs it as soon as possible
     * @param period the time between the due times of two runs; positive
     * @param task the work to run, on the scheduler's thread; short and non-blocking
     * @return a handle that stops the repetition
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code period} is not positive
     * @throws java.util.concurrent.RejectedExecutionException if the scheduler was shut down
     */
    ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task);

    /**
     * Blocks the calling thread for {@code duration}: for synchronous code that must wait (a rate
     * limit's reset). Never call it from a scheduled task.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws NullPointerException if {@code duration} is null
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * This scheduler's wall clock as a {@link Clock} (UTC), for APIs that take one.
     *
     * @return a clock whose {@code instant()} is {@link #now()}
     */
    default Clock clock() {
        return new SchedulerClock(this);
    }

    /**
     * The system's clocks with one shared daemon thread for tasks, started on the first task. It
     * needs no shutdown: a task that is no longer wanted is cancelled through its handle.
     *
     * @return the system scheduler, the same instance on every call
     */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }
}
