package dev.chorusbot.core.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A scheduler's wall clock as a {@link Clock}, in UTC unless moved to another zone. */
final class SchedulerClock extends Clock {
    private final Scheduler scheduler;
    private final ZoneId zone;

    SchedulerClock(Scheduler scheduler) {
        this(scheduler, ZoneOffset.UTC);
    }

    private SchedulerClock(Scheduler scheduler, ZoneId zone) {
        this.scheduler = scheduler;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return scheduler.now();
    }

    @Override
    public long millis() {
        return scheduler.now().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time seen in {@code other}. */
    @Override
    public Clock withZone(ZoneId other) {
        return zone.equals(other) ? this : new SchedulerClock(scheduler, Objects.requireNonNull(other, "zone"));
    }
}
