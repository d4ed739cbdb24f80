package dev.chorusbot.telegram;

import dev.chorusbot.telegram.internal.SystemScheduler;

/**
 * Where the adapter reads the time and runs delayed work: send pacing, retries after a 429,
 * backoff, the administrator cache. Replace it in tests to control time.
 */
public interface Scheduler {

    /** The current time in milliseconds; only differences matter. */
    long millis();

    /** Runs {@code task} once after {@code delayMillis} (0 = as soon as possible). */
    void schedule(Runnable task, long delayMillis);

    /** Stops running scheduled work; called when the adapter closes. */
    default void shutdown() {}

    /** The system clock with one daemon thread for delayed work. */
    static Scheduler system() {
        return new SystemScheduler();
    }
}
