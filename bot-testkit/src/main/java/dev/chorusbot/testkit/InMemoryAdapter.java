package dev.chorusbot.testkit;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PullAdapter;
import dev.chorusbot.core.User;
import dev.chorusbot.testkit.internal.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An adapter with no network: tests push events in with {@link #deliver(InboundEvent)} and read
 * what the bot sent from {@link #sent()}. The platform and its capabilities are chosen by the test,
 * so one command set can be checked as Telegram (buttons, 4096 characters) or Twitch (single line,
 * 500 characters) would render it.
 */
@Api(Api.Status.STABLE)
public final class InMemoryAdapter implements PullAdapter {
    private final Platform platform;
    private final Capabilities capabilities;
    private final User self;
    private final List<Outbound> sent = new ArrayList<>();
    private volatile EventSink sink;
    private volatile Handled lastHandled;

    /**
     * An adapter for {@code platform} with the given capabilities, whose own account is
     * {@code self}.
     *
     * @param platform the platform the adapter claims to be; not null
     * @param capabilities what replies are rendered for (buttons, length, formats); not null
     * @param self the bot's own account, used to ignore its own messages and to match addressed
     *     commands; null when the bot has no known account
     */
    public InMemoryAdapter(Platform platform, Capabilities capabilities, User self) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.self = self;
    }

    /** An adapter for the platform {@code test}: plain multi-line text, no buttons. */
    public InMemoryAdapter() {
        this(Platform.of("test"), Capabilities.plainText(), User.of("0", "chorus_bot", "Chorus"));
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Optional<User> self() {
        return Optional.ofNullable(self);
    }

    @Override
    public void start(EventSink eventSink) {
        this.sink = eventSink;
    }

    /**
     * Delivers an event as the platform would, waits until it is handled, sends the answer and
     * returns what was sent.
     *
     * @param event the inbound event, as the platform would deliver it
     * @return the messages sent in answer, in order; empty when the bot did not answer
     * @throws IllegalStateException when the bot was not started
     */
    public List<Outbound> deliver(InboundEvent event) {
        EventSink current = sink;
        if (current == null) {
            throw new IllegalStateException("the bot was not started; call bot.start() first");
        }
        Handled handled = current.dispatch(event).join();
        lastHandled = handled;
        handled.outbound().forEach(this::send);
        return handled.outbound();
    }

    /**
     * What the bot answered to the event {@link #deliver} handled last, with the notice for a
     * button press.
     *
     * @return the last result; empty before any delivery
     */
    public Optional<Handled> lastHandled() {
        return Optional.ofNullable(lastHandled);
    }

    /** The time on the bot's scheduler once started (a manual one stands still), else the system clock. */
    Instant now() {
        EventSink current = sink;
        return current == null ? Instant.now() : current.scheduler().now();
    }

    @Override
    public synchronized CompletableFuture<Void> send(Outbound message) {
        sent.add(message);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Everything sent so far, in order.
     *
     * @return an immutable copy of the messages sent since the start or the last {@link #clear()}
     */
    public synchronized List<Outbound> sent() {
        return List.copyOf(sent);
    }

    /**
     * Waits until at least {@code count} messages were sent since the start or the last {@link
     * #clear()}: for what the bot sends on its own, a job's reply or a proactive send, which no
     * {@link #deliver} returns.
     *
     * @param count how many messages to wait for
     * @param timeout how long to wait at most
     * @return everything sent so far, at least {@code count} messages
     * @throws AssertionError naming the count and what was sent, when the timeout passes first
     */
    public List<Outbound> awaitSent(int count, Duration timeout) {
        return Await.until(count + " sent messages", timeout, this::sent, list -> list.size() >= count,
                list -> list.size() + ": " + list.stream().map(Outbound::text).toList());
    }

    /** Forgets what was sent. */
    public synchronized void clear() {
        sent.clear();
    }

    @Override
    public void close() {}
}
