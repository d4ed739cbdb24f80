package dev.chorusbot.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, so cooldowns, expiry and rate limits are tested without sleeping.
 * Thread-safe: the bot's threads read it while the test advances it.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * TestBot bot = TestBot.start(Bot.builder().clock(clock).command(roll));
 * bot.send("!roll");
 * clock.advance(Duration.ofSeconds(10));
 * }</pre>
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;

    /** A clock standing at 2026-01-01T00:00:00Z. */
    public ManualClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * A clock standing at {@code start}.
     *
     * @param start the instant the clock shows until it is moved; not null
     */
    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * Moves the clock forward by {@code duration}.
     *
     * @param duration how far to move; not null, and a negative duration moves the clock back
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        now.updateAndGet(t -> t.plus(duration));
    }

    /**
     * Sets the clock to {@code instant}.
     *
     * @param instant the instant the clock shows from now on, earlier or later; not null
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
