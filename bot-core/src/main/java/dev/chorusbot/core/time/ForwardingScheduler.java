package dev.chorusbot.core.time;

import dev.chorusbot.core.Api;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link Scheduler} that hands every call to another one, so a wrapper overrides only what it
 * changes: a scheduler that runs each task on an event loop overrides the two scheduling methods,
 * one that switches targets overrides {@link #delegate()} alone.
 *
 * <pre>{@code
 * Scheduler onLoop = new ForwardingScheduler() {
 *     protected Scheduler delegate() { return bot.scheduler(); }
 *     public ScheduledTask schedule(Duration delay, Runnable task) {
 *         return delegate().schedule(delay, () -> loop.execute(task));
 *     }
 * };
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public abstract class ForwardingScheduler implements Scheduler {
    /** For subclasses only. */
    protected ForwardingScheduler() {
    }

    /**
     * The scheduler calls go to; read on every call, so it may change over time.
     *
     * @return the scheduler that does the work
     */
    protected abstract Scheduler delegate();

    @Override
    public Instant now() {
        return delegate().now();
    }

    @Override
    public long nanoTime() {
        return delegate().nanoTime();
    }

    @Override
    public ScheduledTask schedule(Duration delay, Runnable task) {
        return delegate().schedule(delay, task);
    }

    @Override
    public ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        return delegate().scheduleAtFixedRate(initialDelay, period, task);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        delegate().sleep(duration);
    }
}
