package dev.chorusbot.twitch.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential from {@code min}, capped at {@code max}, each drawn between half and
 * all of the current step ("equal jitter"), so that many bots dropped by one server restart do not
 * come back in lock step, and none hammers the server.
 */
final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int attempt;

    Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.minMillis = min.toMillis();
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.random = random;
    }

    /** The delay before the next attempt; each call doubles the step until the cap. */
    long nextDelayMillis() {
        long step = minMillis << Math.min(attempt, 30);
        if (step <= 0 || step > maxMillis) {
            step = maxMillis;
        }
        attempt++;
        long half = step / 2;
        return half + (long) (random.getAsDouble() * (step - half));
    }

    /** Starts over after a connection that logged in. */
    void reset() {
        attempt = 0;
    }
}
