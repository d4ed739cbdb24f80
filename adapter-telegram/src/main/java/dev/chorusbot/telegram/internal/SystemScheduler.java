package dev.chorusbot.telegram.internal;

import dev.chorusbot.telegram.Scheduler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The system clock plus one daemon timer thread, created on first use. */
public final class SystemScheduler implements Scheduler {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private ScheduledThreadPoolExecutor timer;

    @Override
    public long millis() {
        return System.nanoTime() / 1_000_000L;
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
        timer().schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
    }

    private synchronized ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            // Lazily: a webhook bot in a function that never needs a delay never starts the thread.
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "chorus-telegram-timer-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    @Override
    public synchronized void shutdown() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
