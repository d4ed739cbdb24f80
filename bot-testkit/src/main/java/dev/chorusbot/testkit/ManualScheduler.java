package dev.chorusbot.testkit;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.time.ScheduledTask;
import dev.chorusbot.core.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose time moves only when the test calls {@link #advance(Duration)}: give it
 * to {@code Bot.Builder.scheduler(...)} and it drives the bot's cooldowns and expiry and every
 * adapter timer (send pacing, retries, backoff, keep-alive, join pacing), so nothing in a test
 * sleeps and every wait is exact. Thread-safe: the bot's threads read it and schedule on it while
 * the test advances it.
 *
 * <pre>{@code
 * ManualScheduler time = new ManualScheduler();
 * TestBot bot = TestBot.start(Bot.builder().scheduler(time).command(roll));
 * bot.send("!roll");
 * time.advance(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Tasks run on the thread that calls {@link #advance}, in the order they fall due. A thread in
 * {@link #sleep} blocks until the test advances past its wake-up time; {@link #awaitSleeping} and
 * {@link #awaitPendingTasks} let the test wait (in real time, with a deadline) until the bot's
 * threads got there. The wall clock and the monotonic clock move together.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class ManualScheduler implements Scheduler {
    private static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final Instant start;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private long elapsedNanos;
    private long sequence;
    private int sleeping;
    private Thread advancing;

    /** A scheduler standing at 2026-01-01T00:00:00Z. */
    public ManualScheduler() {
        this(DEFAULT_START);
    }

    /**
     * A scheduler standing at {@code start}.
     *
     * @param start the instant {@link #now()} shows until time is moved
     * @throws NullPointerException if {@code start} is null
     */
    public ManualScheduler(Instant start) {
        this.start = Objects.requireNonNull(start, "start");
    }

    @Override
    public synchronized Instant now() {
        return start.plusNanos(elapsedNanos);
    }

    @Override
    public synchronized long nanoTime() {
        return elapsedNanos;
    }

    @Override
    public ScheduledTask schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        return add(delay, 0, task);
    }

    @Override
    public ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(task, "task");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        return add(initialDelay, period.toNanos(), task);
    }

    private synchronized Task add(Duration delay, long periodNanos, Runnable task) {
        Task handle = new Task(task, periodNanos);
        enqueue(new Entry(elapsedNanos + Math.max(0, delay.toNanos()), sequence++, handle, null));
        return handle;
    }

    private void enqueue(Entry entry) {
        if (entry.task != null) {
            entry.task.entry = entry;
        }
        queue.add(entry);
        notifyAll();
    }

    /**
     * Blocks until the test has advanced time by {@code duration} (a zero or negative one returns
     * at once). Each sleep is recorded in {@link #sleeps()}.
     *
     * @param duration how long to wait in this scheduler's time
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws IllegalStateException when called from a task this scheduler runs: the test's thread
     *     would wait for itself
     */
    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        if (Thread.currentThread() == advancing) {
            throw new IllegalStateException("a task run by ManualScheduler.advance must not sleep: nothing would wake it");
        }
        long wakeAt = elapsedNanos + duration.toNanos();
        Entry entry = new Entry(wakeAt, sequence++, null, Thread.currentThread());
        sleeps.add(duration);
        enqueue(entry);
        sleeping++;
        try {
            while (elapsedNanos < wakeAt) {
                wait();
            }
        } finally {
            sleeping--;
            queue.remove(entry);
            notifyAll();
        }
    }

    /**
     * Moves time forward by {@code duration}: runs every task that falls due on the way, in the order
     * of their due times, on the calling thread (with the clock at each task's due time), including
     * those they schedule that fall due within the advance, and wakes every sleeping thread whose
     * time has come. A task that throws does not stop the others; the first failure is thrown once
     * time has reached its target.
     *
     * @param duration how far to move; zero runs the tasks already due
     * @throws IllegalArgumentException if {@code duration} is negative
     * @throws IllegalStateException if a task is already advancing time (advance from a task)
     * @throws RuntimeException the first exception a task threw
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward; duration was " + duration);
        }
        long target;
        synchronized (this) {
            if (advancing != null) {
                throw new IllegalStateException("ManualScheduler.advance called while " + advancing.getName()
                        + " advances it");
            }
            advancing = Thread.currentThread();
            target = elapsedNanos + duration.toNanos();
        }
        RuntimeException failure = null;
        try {
            while (true) {
                Task due;
                synchronized (this) {
                    Entry next = queue.peek();
                    if (next == null || next.at > target) {
                        elapsedNanos = target;
                        notifyAll();
                        break;
                    }
                    queue.poll();
                    elapsedNanos = Math.max(elapsedNanos, next.at);
                    notifyAll(); // wakes the sleepers whose time came
                    if (next.task == null || next.task.cancelled) {
                        continue;
                    }
                    due = next.task;
                    if (due.periodNanos > 0) {
                        enqueue(new Entry(next.at + due.periodNanos, sequence++, due, null));
                    } else {
                        due.entry = null;
                        due.ran = true;
                    }
                }
                try {
                    due.run.run();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
        } finally {
            synchronized (this) {
                advancing = null;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Moves time forward to {@code instant} of the wall clock, as {@link #advance} does.
     *
     * @param instant the instant {@link #now()} shows afterwards; not before {@link #now()}
     * @throws IllegalArgumentException if {@code instant} is before {@link #now()}
     * @throws RuntimeException the first exception a task threw
     */
    public void advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Duration by = Duration.between(now(), instant);
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward; " + instant + " is before " + now());
        }
        advance(by);
    }

    /**
     * Tasks waiting to fall due (each repeating task counts once).
     *
     * @return the number of scheduled, not yet due and not cancelled tasks
     */
    public synchronized int pendingTasks() {
        return (int) queue.stream().filter(e -> e.task != null && !e.task.cancelled).count();
    }

    /**
     * How long until the earliest task falls due.
     *
     * @return the delay to the next task, or empty when none is scheduled
     */
    public synchronized Optional<Duration> nextTaskIn() {
        return queue.stream().filter(e -> e.task != null && !e.task.cancelled).mapToLong(e -> e.at).min()
                .stream().mapToObj(at -> Duration.ofNanos(at - elapsedNanos)).findFirst();
    }

    /**
     * Threads blocked in {@link #sleep} right now.
     *
     * @return the number of sleeping threads
     */
    public synchronized int sleepingThreads() {
        return sleeping;
    }

    /**
     * Every sleep requested so far, in the order requested, the running ones included.
     *
     * @return the requested durations
     */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /**
     * Waits (in real time) until at least {@code count} tasks are pending, for a test that must let
     * the bot's threads schedule their timers before it advances.
     *
     * @param count the number of pending tasks to wait for
     * @param timeout how long to wait in real time
     * @throws AssertionError naming the expected and actual counts when the timeout passes first
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public synchronized void awaitPendingTasks(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pendingTasks() < count) {
            waitUntil(deadline, () -> "expected " + count + " pending task(s) within " + timeout + ", have "
                    + pendingTasks());
        }
    }

    /**
     * Waits (in real time) until at least {@code count} threads are blocked in {@link #sleep}.
     *
     * @param count the number of sleeping threads to wait for
     * @param timeout how long to wait in real time
     * @throws AssertionError naming the expected and actual counts when the timeout passes first
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public synchronized void awaitSleeping(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sleeping < count) {
            waitUntil(deadline, () -> "expected " + count + " sleeping thread(s) within " + timeout + ", have "
                    + sleeping + " (sleeps so far: " + sleeps + ")");
        }
    }

    private void waitUntil(long deadline, java.util.function.Supplier<String> failure) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError(failure.get());
        }
        wait(Math.max(1, left / 1_000_000L));
    }

    @Override
    public String toString() {
        return "ManualScheduler[" + now() + ", " + pendingTasks() + " pending, " + sleepingThreads() + " sleeping]";
    }

    /** A queued due time: a task's run, or a sleeping thread's wake-up. */
    private record Entry(long at, long seq, Task task, Thread sleeper) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            return at != other.at ? Long.compare(at, other.at) : Long.compare(seq, other.seq);
        }
    }

    private final class Task implements ScheduledTask {
        final Runnable run;
        final long periodNanos;
        Entry entry;
        boolean cancelled;
        boolean ran;

        Task(Runnable run, long periodNanos) {
            this.run = run;
            this.periodNanos = periodNanos;
        }

        @Override
        public boolean cancel() {
            synchronized (ManualScheduler.this) {
                if (cancelled || ran) {
                    return false;
                }
                cancelled = true;
                if (entry != null) {
                    queue.remove(entry);
                    entry = null;
                }
                ManualScheduler.this.notifyAll();
                return true;
            }
        }

        @Override
        public boolean isDone() {
            synchronized (ManualScheduler.this) {
                return cancelled || ran;
            }
        }
    }
}
