package dev.chorusbot.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The system clocks and one daemon timer thread, created on the first task. */
final class SystemScheduler implements Scheduler {
    static final SystemScheduler INSTANCE = new SystemScheduler();
    private static final Logger log = LoggerFactory.getLogger(SystemScheduler.class);

    private ScheduledThreadPoolExecutor timer;

    private SystemScheduler() {}

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public ScheduledTask schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        return new Handle(timer().schedule(guarded(task), nanos(delay), TimeUnit.NANOSECONDS));
    }

    @Override
    public ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(task, "task");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        return new Handle(timer().scheduleAtFixedRate(guarded(task), nanos(initialDelay), nanos(period),
                TimeUnit.NANOSECONDS));
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long nanos = nanos(duration);
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    private static long nanos(Duration duration) {
        if (duration.isNegative()) {
            return 0;
        }
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE; // beyond 292 years: never, in practice
        }
    }

    /** A task that throws is logged and, when repeating, keeps its schedule (the executor would stop it). */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("A scheduled task failed", e);
            }
        };
    }

    private synchronized ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            // Lazily: a webhook bot in a function that never needs a delay never starts the thread.
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread thread = new Thread(r, "chorus-timer");
                thread.setDaemon(true);
                return thread;
            });
            // Cancelled tasks leave the queue at once: a pacing timer re-armed on every send would
            // otherwise pile up until its original due time.
            executor.setRemoveOnCancelPolicy(true);
            timer = executor;
        }
        return timer;
    }

    private record Handle(ScheduledFuture<?> future) implements ScheduledTask {
        @Override
        public boolean cancel() {
            return future.cancel(false);
        }

        @Override
        public boolean isDone() {
            return future.isDone();
        }
    }
}
