package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatchTest {

    @Test
    void keepsPerChatOrderAndHandlesEveryEventExactlyOnce() throws Exception {
        int chats = 50;
        int perChat = 200; // 10,000 events in all
        int senders = 5;
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicInteger handled = new AtomicInteger();
        Bot bot = Bot.builder()
                .command(Command.named("n").argument(Argument.integer("seq")).handler(ctx -> {
                    seen.computeIfAbsent(ctx.chat().id(), k -> new CopyOnWriteArrayList<>())
                            .add(ctx.args().integer("seq"));
                    handled.incrementAndGet();
                    return Reply.none();
                }).build())
                .build();

        // Each sender thread owns 10 chats and sends their events in sequence order, interleaving chats,
        // so several threads dispatch at once while every chat's events have one order of submission.
        ExecutorService threads = Executors.newFixedThreadPool(senders);
        List<CompletableFuture<Handled>> futures = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.execute(() -> {
                awaitQuietly(start);
                for (int seq = 0; seq < perChat; seq++) {
                    for (int c = sender; c < chats; c += senders) {
                        Chat chat = Chat.of("chat-" + c, Chat.Kind.GROUP, "");
                        Message message = new Message(Fixtures.TEST, c + ":" + seq, chat, Fixtures.VIKTOR,
                                "!n " + seq, Instant.EPOCH, Optional.empty(), null);
                        futures.add(bot.dispatch(message));
                    }
                }
            });
        }
        start.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(handled).hasValue(chats * perChat);
        assertThat(seen).hasSize(chats);
        List<Integer> expected = new ArrayList<>();
        for (int seq = 0; seq < perChat; seq++) {
            expected.add(seq);
        }
        seen.forEach((chat, order) -> assertThat(order).as(chat).containsExactlyElementsOf(expected));
        bot.stop();
    }

    @Test
    void aSlowChatDoesNotHoldUpOtherChats() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Bot bot = Bot.builder()
                .command(Command.named("slow").handler(ctx -> {
                    release.await(10, TimeUnit.SECONDS);
                    return Reply.text("slow done");
                }).build())
                .command(Fixtures.hello())
                .build();
        CompletableFuture<Handled> slow = bot.dispatch(Fixtures.message(Fixtures.VIKTOR,
                Chat.of("a", Chat.Kind.GROUP, ""), "!slow"));
        Handled fast = bot.dispatch(Fixtures.message(Fixtures.VIKTOR, Chat.of("b", Chat.Kind.GROUP, ""), "!hello"))
                .get(10, TimeUnit.SECONDS);
        assertThat(fast.texts()).containsExactly("hello Viktor!");
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).texts()).containsExactly("slow done");
        bot.stop();
    }

    @Test
    void stopDrainsEventsInFlightBeforeClosingAdapters() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null) {
            @Override
            public void stopReceiving() {
                order.add("stopReceiving");
            }

            @Override
            public void close() {
                order.add("close");
            }
        };
        Bot bot = Bot.builder()
                .command(Command.named("work").handler(ctx -> {
                    started.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    order.add("handled");
                    return Reply.text("done");
                }).build())
                .adapter(adapter)
                .build();
        bot.start();
        CompletableFuture<Handled> inFlight = adapter.sink.dispatch(Fixtures.message("!work"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread stopper = new Thread(bot::stop);
        stopper.start();
        awaitUntil(() -> order.contains("stopReceiving"));
        assertThat(bot.dispatch(Fixtures.message("!work")))
                .as("no new events once stopping").isCompletedExceptionally();
        release.countDown();
        stopper.join(10_000);
        assertThat(inFlight.get().texts()).containsExactly("done");
        assertThat(order).containsExactly("stopReceiving", "handled", "close");
        assertThat(bot.isTerminated()).isTrue();
    }

    @Test
    void aHandlerThatStopsTheBotIsAnsweredBeforeTheAdaptersCloseAndDoesNotWaitForItself() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null) {
            @Override
            public void close() {
                order.add("close");
            }
        };
        Bot[] self = new Bot[1];
        Bot bot = Bot.builder()
                .command(Command.named("shutdown").handler(ctx -> {
                    self[0].stop();
                    order.add("handled");
                    return Reply.text("bye");
                }).build())
                .adapter(adapter)
                .shutdownTimeout(Duration.ofMinutes(5)) // far longer than the waits below
                .build();
        self[0] = bot;
        bot.start();

        Handled handled = adapter.sink.dispatch(Fixtures.message("!shutdown")).get(10, TimeUnit.SECONDS);
        awaitUntil(bot::isTerminated);

        assertThat(handled.texts()).containsExactly("bye");
        assertThat(order).containsExactly("handled", "close");
    }

    @Test
    void usesTheInjectedExecutor() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-executor"));
        try {
            List<String> threads = new CopyOnWriteArrayList<>();
            Bot bot = Bot.builder()
                    .executor(executor)
                    .command(Command.named("where").handler(ctx -> {
                        threads.add(Thread.currentThread().getName());
                        return Reply.none();
                    }).build())
                    .build();
            bot.dispatch(Fixtures.message("!where")).get(10, TimeUnit.SECONDS);
            assertThat(threads).containsExactly("my-executor");
            bot.stop();
            assertThat(executor.isShutdown()).as("the bot does not shut down an executor it was given").isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void botStopsWhenItsOnlyAdapterStops() throws Exception {
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null);
        Bot bot = Bot.builder().adapter(adapter).shutdownTimeout(Duration.ofSeconds(5)).build();
        bot.start();
        adapter.sink.stopped(adapter, null);
        bot.awaitTermination();
        assertThat(bot.isTerminated()).isTrue();
    }

    @Test
    void runReportsTheFailureThatStoppedAnAdapter() {
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null) {
            @Override
            public void start(EventSink sink) {
                super.start(sink);
                sink.stopped(this, new IllegalStateException("the token was rejected"));
            }
        };
        Bot bot = Bot.builder().adapter(adapter).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(bot::run)
                .isInstanceOf(AdapterStoppedException.class)
                .hasMessage("test: the token was rejected");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
