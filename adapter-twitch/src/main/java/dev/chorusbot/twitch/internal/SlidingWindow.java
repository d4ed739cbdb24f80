package dev.chorusbot.twitch.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts events in a sliding window of time. Twitch refills its rate-limit buckets on a schedule the
 * client cannot see; a sliding window that never holds more than the bucket size stays within the
 * limit whenever the bucket refills (https://github.com/pajbot/tmi-rate-limits). Used by the IRC
 * and the EventSub adapter alike; not thread-safe.
 */
public final class SlidingWindow {
    private final long windowMillis;
    private final Deque<Long> times = new ArrayDeque<>();

    /** A window {@code windowMillis} long. */
    public SlidingWindow(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Events in the window ending at {@code now}: those at a time t with now - window < t. */
    public int count(long now) {
        expire(now);
        return times.size();
    }

    /** Milliseconds from {@code now} until fewer than {@code limit} events are in the window; 0 if already so. */
    public long delayUntilBelow(int limit, long now) {
        expire(now);
        int excess = times.size() - limit;
        if (excess < 0) {
            return 0;
        }
        // The (excess+1)-th oldest event must leave the window.
        int index = 0;
        for (long time : times) {
            if (index++ == excess) {
                return Math.max(1, time + windowMillis - now);
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Records an event at {@code now}. */
    public void record(long now) {
        times.addLast(now);
    }

    private void expire(long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.removeFirst();
        }
    }
}
