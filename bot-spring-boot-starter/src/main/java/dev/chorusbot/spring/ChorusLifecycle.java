package dev.chorusbot.spring;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Bot;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the bot with the application context: it starts once the web server listens (Spring starts
 * the server in an earlier phase), so Telegram's setWebhook and EventSub's subscriptions are made
 * when the webhooks can be answered, and it stops, draining in-flight events, before the server
 * does.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class ChorusLifecycle implements SmartLifecycle {
    private final Bot bot;
    private volatile boolean running;

    /**
     * A lifecycle for {@code bot}.
     *
     * @param bot the bot, not started
     */
    public ChorusLifecycle(Bot bot) {
        this.bot = bot;
    }

    @Override
    public void start() {
        bot.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        bot.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
