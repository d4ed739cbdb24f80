package dev.chorusbot.twitch.internal;

/**
 * A {@link SlidingWindow} that several connections of one account count in together: Twitch's
 * limits on logins, JOINs and messages hold per account, not per connection
 * (https://dev.twitch.tv/docs/chat/#rate-limits). Thread-safe: each connection has its own event loop.
 */
final class SharedWindow {
    private final SlidingWindow window;

    SharedWindow(long windowMillis) {
        this.window = new SlidingWindow(windowMillis);
    }

    /** Milliseconds from {@code now} until fewer than {@code limit} events are in the window; 0 if already so. */
    synchronized long delay(int limit, long now) {
        return window.delayUntilBelow(limit, now);
    }

    /**
     * Records an event at {@code now} if fewer than {@code limit} are in the window, in one step so
     * that two connections cannot both take the last place.
     *
     * @return 0 when recorded, else how long to wait
     */
    synchronized long acquire(int limit, long now) {
        long wait = window.delayUntilBelow(limit, now);
        if (wait == 0) {
            window.record(now);
        }
        return wait;
    }
}
