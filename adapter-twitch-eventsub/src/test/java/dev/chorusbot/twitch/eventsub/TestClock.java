package dev.chorusbot.twitch.eventsub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand; its sleeper advances it instead of sleeping and records each wait. */
final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Waits by moving the clock: no real time passes. */
    TwitchEventSubConfig.Sleeper sleeper() {
        return duration -> {
            if (!duration.isZero() && !duration.isNegative()) {
                sleeps.add(duration);
                advance(duration);
            }
        };
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
