package dev.chorusbot.twitch;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** An event sink that records what the adapter dispatches and answers nothing. */
final class RecordingSink implements EventSink {
    final List<InboundEvent> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Throwable> stopped = new CompletableFuture<>();
    /** Whom the adapter reports its sends to; set before the adapter starts. */
    volatile BotObserver observer = BotObserver.NONE;
    private final Scheduler scheduler;
    private final StateStore store;

    /** A sink on the system scheduler. */
    RecordingSink() {
        this(Scheduler.system());
    }

    /** A sink handing {@code scheduler} to the adapter, for its timers. */
    RecordingSink(Scheduler scheduler) {
        this(scheduler, null);
    }

    /** A sink handing {@code scheduler} and the bot's {@code store} to the adapter. */
    RecordingSink(Scheduler scheduler, StateStore store) {
        this.scheduler = scheduler;
        this.store = store;
    }

    @Override
    public Optional<StateStore> stateStore() {
        return Optional.ofNullable(store);
    }

    @Override
    public BotObserver observer() {
        return observer;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public CompletableFuture<Handled> dispatch(InboundEvent event) {
        events.add(event);
        return CompletableFuture.completedFuture(new Handled(event, List.of()));
    }

    @Override
    public void stopped(Adapter adapter, Throwable failure) {
        stopped.complete(failure);
    }

    /** Waits up to 30 s (a loaded machine) for a dispatched event of {@code type} matching {@code test}. */
    <T extends InboundEvent> T await(Class<T> type, Predicate<T> test) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (InboundEvent event : events) {
                if (type.isInstance(event) && test.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5); // poll interval of a wait with a deadline
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " within 30 s; got " + events);
    }
}
