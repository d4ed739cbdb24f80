package dev.chorusbot.core.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A scheduler's wall clock as a {@link Clock}, in UTC. */
final class SchedulerClock extends Clock {
    private final Scheduler scheduler;

    SchedulerClock(Scheduler scheduler) {
        this.scheduler = scheduler;
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
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? this : new Zoned(zone);
    }

    /** The same time seen in another zone. */
    private final class Zoned extends Clock {
        private final ZoneId zone;

        Zoned(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return scheduler.now();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return SchedulerClock.this.withZone(other);
        }
    }
}
