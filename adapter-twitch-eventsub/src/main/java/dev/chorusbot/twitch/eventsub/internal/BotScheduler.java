package dev.chorusbot.twitch.eventsub.internal;

import dev.chorusbot.core.time.ForwardingScheduler;
import dev.chorusbot.core.time.Scheduler;

/**
 * The scheduler the adapter's parts read: the system scheduler until the adapter starts, then the
 * bot's ({@link #use}). The Helix client exists before start (subscriptions can be managed without
 * a bot), so its parts hold this instead of the scheduler itself.
 */
public final class BotScheduler extends ForwardingScheduler {
    private volatile Scheduler target = Scheduler.system();

    /**
     * Switches to {@code scheduler}, the bot's, from now on.
     *
     * @param scheduler the bot's scheduler
     */
    public void use(Scheduler scheduler) {
        this.target = scheduler;
    }

    @Override
    protected Scheduler delegate() {
        return target;
    }
}
