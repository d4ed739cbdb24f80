package dev.chorusbot.core;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot's observers as one: each is told in turn, and what one throws is logged and dropped. */
final class ObserverList implements BotObserver {
    private static final Logger log = LoggerFactory.getLogger(ObserverList.class);

    private final List<BotObserver> observers;

    private ObserverList(List<BotObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    /** {@link BotObserver#NONE} for no observers, else the guarded list. */
    static BotObserver of(List<BotObserver> observers) {
        // One observer is wrapped too: what it throws must not break a send.
        return observers.isEmpty() ? NONE : new ObserverList(observers);
    }

    private void each(Consumer<BotObserver> call) {
        for (BotObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                log.warn("Bot observer {} failed", observer.getClass().getName(), e);
            }
        }
    }

    @Override
    public void messageSent(Platform platform) {
        each(o -> o.messageSent(platform));
    }

    @Override
    public void sendRetried(Platform platform, RetryReason reason) {
        each(o -> o.sendRetried(platform, reason));
    }

    @Override
    public void sendWaited(Platform platform, Duration waited) {
        each(o -> o.sendWaited(platform, waited));
    }

    @Override
    public void reconnecting(Platform platform) {
        each(o -> o.reconnecting(platform));
    }

    @Override
    public void webhookAnswered(Platform platform, int status) {
        each(o -> o.webhookAnswered(platform, status));
    }
}
