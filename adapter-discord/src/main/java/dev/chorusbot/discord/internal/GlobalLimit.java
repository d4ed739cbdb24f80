package dev.chorusbot.discord.internal;

import java.util.ArrayDeque;

/**
 * Discord's global limit: at most {@code perSecond} requests of the bot in any second (Rate Limits:
 * "All bots can make up to 50 requests per second to our API"), and a pause of every request after
 * a global 429.
 *
 * <p>A request holds its slot while in flight and for one second after its answer arrived, not
 * after it was sent: Discord counts requests when they reach it, which is before the answer comes
 * back, so a second measured from the answer holds however late the earlier request arrived. Times
 * are the scheduler's monotonic nanoseconds.
 */
final class GlobalLimit {
    private static final long SECOND = 1_000_000_000L;
    /** How long to wait when every slot is in flight: an answer frees one, at the earliest. */
    private static final long IN_FLIGHT_POLL = 10_000_000L;

    private final int perSecond;
    /** When each answered request's slot frees, oldest first. */
    private final ArrayDeque<Long> frees = new ArrayDeque<>();
    private int inFlight;
    private long pausedUntil = Long.MIN_VALUE;

    GlobalLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Takes a slot and answers 0, or answers how many nanoseconds to wait before asking again. */
    synchronized long reserve(long now) {
        while (!frees.isEmpty() && frees.peekFirst() - now <= 0) {
            frees.pollFirst();
        }
        if (pausedUntil != Long.MIN_VALUE && pausedUntil - now > 0) {
            return pausedUntil - now;
        }
        if (inFlight + frees.size() < perSecond) {
            inFlight++;
            return 0;
        }
        return frees.isEmpty() ? IN_FLIGHT_POLL : Math.max(1, frees.peekFirst() - now);
    }

    /** The request of a reserved slot was answered (or failed) at {@code now}. */
    synchronized void release(long now) {
        inFlight--;
        frees.addLast(now + SECOND);
    }

    /** A reserved slot was not used after all (the shared budget said wait): it is free at once. */
    synchronized void cancel() {
        inFlight--;
    }

    /** Discord answered a global 429: no request goes out before {@code until}. */
    synchronized void pause(long until) {
        if (pausedUntil == Long.MIN_VALUE || until - pausedUntil > 0) {
            pausedUntil = until;
        }
    }
}
