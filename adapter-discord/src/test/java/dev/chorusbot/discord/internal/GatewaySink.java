package dev.chorusbot.discord.internal;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.testkit.internal.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An event sink that records the messages the Gateway adapter dispatches and answers each with {@code echo: <text>}. */
final class GatewaySink implements EventSink {
    final List<Message> messages = new CopyOnWriteArrayList<>();
    final CompletableFuture<Throwable> stopped = new CompletableFuture<>();
    final AtomicInteger reconnects = new AtomicInteger();
    volatile boolean answer;
    private final Scheduler scheduler;

    GatewaySink(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public CompletableFuture<Handled> dispatch(InboundEvent event) {
        Message m = (Message) event;
        messages.add(m);
        List<Outbound> out = answer ? List.of(new Outbound(m.chat(), "echo: " + m.text(),
                dev.chorusbot.core.Format.PLAIN, List.of(), java.util.Optional.of(m.id()))) : List.of();
        return CompletableFuture.completedFuture(new Handled(event, out));
    }

    @Override
    public void stopped(Adapter adapter, Throwable failure) {
        stopped.complete(failure);
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public BotObserver observer() {
        return new BotObserver() {
            @Override
            public void reconnecting(Platform platform) {
                reconnects.incrementAndGet();
            }
        };
    }

    /** Waits up to 30 s for {@code count} messages. */
    List<Message> await(int count) {
        return Await.until(count + " dispatched messages", Duration.ofSeconds(30), () -> List.copyOf(messages),
                l -> l.size() >= count, l -> l.size() + " " + l.stream().map(Message::text).toList());
    }
}
