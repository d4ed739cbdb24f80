package dev.chorusbot.twitch.internal;

import dev.chorusbot.core.time.ForwardingScheduler;
import dev.chorusbot.core.time.ScheduledTask;
import dev.chorusbot.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The bot's scheduler with each task handed to an event loop when it falls due, so timers of state
 * confined to that loop (joins, send pacing, keep-alive) run there and need no lock.
 */
final class OnLoop extends ForwardingScheduler {
    private final Scheduler time;
    private final Executor loop;

    OnLoop(Scheduler time, Executor loop) {
        this.time = time;
        this.loop = loop;
    }

    @Override
    protected Scheduler delegate() {
        return time;
    }

    @Override
    public ScheduledTask schedule(Duration delay, Runnable task) {
        return time.schedule(delay, () -> loop.execute(task));
    }

    @Override
    public ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        return time.scheduleAtFixedRate(initialDelay, period, () -> loop.execute(task));
    }
}
