package dev.chorusbot.discord.internal;

/**
 * One per-route rate-limit bucket as Discord's {@code X-RateLimit-*} headers describe it: how many
 * requests remain and when it resets. Until a first answer, nothing is known and requests go.
 * Guarded by the lane that uses it (one request of a lane at a time); shared buckets are
 * synchronized.
 */
final class Bucket {
    private int remaining = -1; // -1: unknown
    private long resetAt;

    /** Nanoseconds to wait before a request may go: 0 when it may go now. */
    synchronized long waitNanos(long now) {
        if (remaining == 0) {
            if (resetAt - now > 0) {
                return resetAt - now;
            }
            remaining = -1; // reset: the next answer says how many there are
        }
        return 0;
    }

    /** A request goes: it takes one of the remaining. */
    synchronized void take() {
        if (remaining > 0) {
            remaining--;
        }
    }

    /** From an answer's headers: {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset-After}. */
    synchronized void update(int remainingNow, long resetAfterNanos, long now) {
        this.remaining = remainingNow;
        this.resetAt = now + resetAfterNanos;
    }

    /** A 429 for this bucket: none remain until {@code retryAfterNanos} from now. */
    synchronized void exhaust(long retryAfterNanos, long now) {
        this.remaining = 0;
        this.resetAt = now + retryAfterNanos;
    }
}
