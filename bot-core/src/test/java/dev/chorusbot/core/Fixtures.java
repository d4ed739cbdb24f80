package dev.chorusbot.core;

import dev.chorusbot.core.time.ScheduledTask;
import dev.chorusbot.core.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Shared test data and small fakes for bot-core's tests. */
final class Fixtures {
    static final Platform TEST = Platform.of("test");
    static final User VIKTOR = User.of("1", "viktor", "Viktor");
    static final User ANNA = User.of("2", "anna", "Anna");
    static final Chat GROUP = Chat.of("group-1", Chat.Kind.GROUP, "Group");
    private static final AtomicLong IDS = new AtomicLong();

    private Fixtures() {}

    static Message message(String text) {
        return message(VIKTOR, GROUP, text);
    }

    static Message message(User sender, Chat chat, String text) {
        return new Message(TEST, "m" + IDS.incrementAndGet(), chat, sender, text, Instant.EPOCH,
                Optional.empty(), null);
    }

    static Command hello() {
        return Command.named("hello")
                .description("Say hello")
                .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                .build();
    }

    /** The texts the bot answers to {@code text} from Viktor in the group. */
    static List<String> answer(Bot bot, String text) {
        return bot.handle(message(text)).texts();
    }

    /**
     * Time the test moves by hand. bot-core cannot use the testkit's ManualScheduler (the testkit
     * depends on core), and its tests only read the clock: tasks and sleeps are refused.
     */
    static final class ManualTime implements Scheduler {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");
        private volatile long nanos;

        void advance(Duration duration) {
            now = now.plus(duration);
            nanos += duration.toNanos();
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public ScheduledTask schedule(Duration delay, Runnable task) {
            throw new UnsupportedOperationException("bot-core's tests move only the clock");
        }

        @Override
        public ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
            throw new UnsupportedOperationException("bot-core's tests move only the clock");
        }

        @Override
        public void sleep(Duration duration) {
            throw new UnsupportedOperationException("bot-core's tests move only the clock");
        }
    }

    /** An adapter that records what it sends and can pretend to be a platform with bot addressing. */
    static class RecordingAdapter implements PullAdapter {
        private final Platform platform;
        private final Capabilities capabilities;
        private final User self;
        final List<Outbound> sent = new ArrayList<>();
        Set<Role> lookedUpRoles = Set.of();
        int roleLookups;
        EventSink sink;

        RecordingAdapter(Platform platform, Capabilities capabilities, User self) {
            this.platform = platform;
            this.capabilities = capabilities;
            this.self = self;
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
        public Set<Role> rolesOf(User user, Chat chat) {
            roleLookups++;
            return lookedUpRoles;
        }

        @Override
        public void start(EventSink eventSink) {
            this.sink = eventSink;
        }

        @Override
        public synchronized CompletableFuture<Void> send(Outbound message) {
            sent.add(message);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }
}
