package dev.chorusbot.twitch.eventsub.internal;

import dev.chorusbot.core.time.ScheduledTask;
import dev.chorusbot.core.time.Scheduler;
import java.time.Duration;
import java.time.Instant;

/**
 * The scheduler the adapter's parts read: the system scheduler until the adapter starts, then the
 * bot's ({@link #use}). The Helix client exists before start (subscriptions can be managed without
 * a bot), so its parts hold this instead of the scheduler itself.
 */
public final class BotScheduler implements Scheduler {
    private volatile Scheduler target = Scheduler.system();

    /** Switches to {@code scheduler}, the bot's, from now on. */
    public void use(Scheduler scheduler) {
        this.target = scheduler;
    }

    @Override
    public Instant now() {
        return target.now();
    }

    @Override
    public long nanoTime() {
        return target.nanoTime();
    }

    @Override
    public ScheduledTask schedule(Duration delay, Runnable task) {
        return target.schedule(delay, task);
    }

    @Override
    public ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        return target.scheduleAtFixedRate(initialDelay, period, task);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        target.sleep(duration);
    }
}
