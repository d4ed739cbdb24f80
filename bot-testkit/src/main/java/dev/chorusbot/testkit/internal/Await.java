package dev.chorusbot.testkit.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one wait every fake's {@code await…} method uses: polls until a condition holds, and on
 * timeout fails with an {@link AssertionError} that names what was awaited and what was seen, so
 * a wait can never pass silently.
 */
public final class Await {
    /** The timeout of every {@code await…} method that takes none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final long POLL_MILLIS = 5;

    private Await() {}

    /**
     * Reads {@code read} until {@code done} accepts the value, and returns that value.
     *
     * @param what what is awaited, for the failure message, such as {@code "2 sendMessage calls"}
     * @param timeout how long to wait at most; not null
     * @param read reads the current state
     * @param done whether the state is the awaited one
     * @param seen describes the last state read, for the failure message
     * @param <T> the state's type
     * @return the first value {@code done} accepted
     * @throws AssertionError naming {@code what} and the last state seen when the timeout passes,
     *     or when the waiting thread is interrupted
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> read, Predicate<T> done,
            Function<T, String> seen) {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = read.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; saw " + seen.apply(value));
            }
            try {
                Thread.sleep(POLL_MILLIS); // the polling interval of a wait with a deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what + "; saw " + seen.apply(value), e);
            }
        }
    }
}
