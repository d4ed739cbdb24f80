package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.time.Duration;
import java.time.Instant;

/**
 * When a job runs: once after a delay, once at an instant, or repeatedly.
 *
 * <pre>{@code
 * Schedule.in(Duration.ofMinutes(10));              // once, ten minutes from now
 * Schedule.at(Instant.parse("2027-01-01T00:00:00Z")); // once, at midnight UTC
 * Schedule.every(Duration.ofMinutes(15));            // every 15 minutes, the first in 15 minutes
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class Schedule {
    private final Duration delay;
    private final Instant at;
    private final Duration period;

    private Schedule(Duration delay, Instant at, Duration period) {
        this.delay = delay;
        this.at = at;
        this.period = period;
    }

    /**
     * Once, {@code delay} from when the job is scheduled.
     *
     * @param delay how long from now; zero or negative runs it at the next look for due jobs
     * @return the schedule
     */
    public static Schedule in(Duration delay) {
        return new Schedule(notNull(delay, "delay"), null, Duration.ZERO);
    }

    /**
     * Once, at {@code instant}.
     *
     * @param instant when to run it; an instant in the past runs it at the next look for due jobs
     * @return the schedule
     */
    public static Schedule at(Instant instant) {
        return new Schedule(null, notNull(instant, "instant"), Duration.ZERO);
    }

    /**
     * Every {@code period}, the first run one period from when the job is scheduled. Runs that were
     * missed (the bot was down, no trigger came) are not made up: the job runs once, then keeps
     * its rhythm.
     *
     * @param period the time between two runs; at least one second
     * @return the schedule
     * @throws IllegalArgumentException when {@code period} is shorter than a second
     */
    public static Schedule every(Duration period) {
        if (notNull(period, "period").compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a job repeats at most once a second, not every " + period);
        }
        return new Schedule(period, null, period);
    }

    /**
     * When the first run is due, for a job scheduled at {@code now}.
     *
     * @param now the time the job is scheduled
     * @return the instant of the first run
     */
    public Instant firstRun(Instant now) {
        return at != null ? at : now.plus(delay);
    }

    /**
     * The time between runs of a repeating job.
     *
     * @return the period, or {@link Duration#ZERO} for a job that runs once
     */
    public Duration period() {
        return period;
    }

    @Override
    public String toString() {
        return !period.isZero() ? "every " + period : at != null ? "at " + at : "in " + delay;
    }
}
