package dev.chorusbot.telegram;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.time.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/** Starts an adapter on its own, without a bot: it hands out {@code scheduler} and takes no events. */
record SchedulerSink(Scheduler scheduler) implements EventSink {

    @Override
    public CompletableFuture<Handled> dispatch(InboundEvent event) {
        return CompletableFuture.failedFuture(new RejectedExecutionException("no bot behind this sink"));
    }

    @Override
    public void stopped(Adapter adapter, Throwable failure) {}

    /** Starts {@code adapter} on {@code scheduler}; it learns its identity from the configured username. */
    static <A extends Adapter> A start(A adapter, Scheduler scheduler) {
        try {
            adapter.start(new SchedulerSink(scheduler));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return adapter;
    }
}
