package dev.chorusbot.telegram;

import dev.chorusbot.telegram.internal.SystemScheduler;

/**
 * Where the adapter reads the time and runs delayed work: send pacing, retries after a 429,
 * backoff, the administrator cache. Replace it in tests to control time.
 */
public interface Scheduler {

    /**
     * The current time in milliseconds; only differences matter.
     *
     * @return milliseconds since an arbitrary origin, never decreasing
     */
    long millis();

    /**
     * Runs {@code task} once after {@code delayMillis} (0 = as soon as possible).
     *
     * @param task the work to run, on a thread of the scheduler's choosing
     * @param delayMillis the delay in milliseconds; 0 or less runs it as soon as possible
     */
    void schedule(Runnable task, long delayMillis);

    /** Stops running scheduled work; called when the adapter closes. */
    default void shutdown() {}

    /**
     * The system clock with one daemon thread for delayed work.
     *
     * @return a new scheduler; its thread starts on the first {@link #schedule}
     */
    static Scheduler system() {
        return new SystemScheduler();
    }
}
