package dev.chorusbot.twitch.eventsub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.time.ScheduledTask;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import dev.chorusbot.twitch.eventsub.TwitchEventSubConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReplyQueueCloseTest {
    private static final Chat TWITCHDEV = Chat.of("twitchdev", Chat.Kind.GROUP, "#twitchdev");

    /**
     * close() waits for the queued replies in no particular order; a reply that Twitch dropped
     * while close() waited for it must not make close() abandon the replies still being sent.
     * Repeated because which reply close() waits for first is up to a hash set's order.
     */
    @Test
    void closeStillSendsTheQueuedRepliesWhenAnEarlierOneWasDropped() throws Exception {
        try (FakeHelixApi helix = FakeHelixApi.start()) {
            helix.addUser("141981764", "twitchdev", "TwitchDev");
            for (int round = 0; round < 16; round++) {
                helix.dropNextMessage("msg_duplicate", "Your message was not sent because it is identical to the"
                        + " previous one you sent, less than 30 seconds ago.");
                CountDownLatch firstMayGo = new CountDownLatch(1);
                CountDownLatch secondMayGo = new CountDownLatch(1);
                AtomicInteger requests = new AtomicInteger();
                TwitchEventSubConfig config = TwitchEventSubConfig.builder()
                        .clientId(helix.clientId())
                        .clientSecret(helix.clientSecret())
                        .eventSubSecret("s3cre7-for-eventsub-tests")
                        .botUserId("900000001")
                        .apiUrl(helix.baseUrl())
                        .authUrl(helix.baseUrl())
                        .closeTimeout(Duration.ofSeconds(10))
                        .build();
                // Each request's rate-limit wait holds it: both replies are still on their way when close() starts.
                Scheduler holding = new HoldingScheduler(
                        () -> (requests.incrementAndGet() == 1 ? firstMayGo : secondMayGo).await());
                HelixApi api = new HelixApi(config, holding);
                ChannelIds ids = new ChannelIds(api);
                ids.learn("twitchdev", "141981764");
                ReplyQueue queue = new ReplyQueue(config, api, ids, new ChatLimit(config, holding), holding);

                CompletableFuture<Void> dropped = queue.send(Outbound.text(TWITCHDEV, "same again"));
                CompletableFuture<Void> second = queue.send(Outbound.text(TWITCHDEV, "round " + round));
                Thread closer = new Thread(queue::close);
                closer.start();
                awaitTrue(() -> closer.getState() == Thread.State.TIMED_WAITING);
                firstMayGo.countDown();
                awaitTrue(() -> dropped.isDone() && (requests.get() >= 2 || closer.getState() == Thread.State.TERMINATED));
                secondMayGo.countDown();
                closer.join(TimeUnit.SECONDS.toMillis(10));

                assertThat(closer.isAlive()).isFalse();
                assertThat(dropped).isCompletedExceptionally();
                assertThat(second).as("round %d", round).succeedsWithin(Duration.ofSeconds(5));
            }
            assertThat(helix.sentMessages()).extracting(FakeHelixApi.SentChatMessage::message)
                    .contains("round 0", "round 15");
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** The system scheduler, except that each sleep runs {@code hold} instead (the test's latch). */
    private record HoldingScheduler(Hold hold) implements Scheduler {
        interface Hold {
            void run() throws InterruptedException;
        }

        @Override
        public Instant now() {
            return Scheduler.system().now();
        }

        @Override
        public long nanoTime() {
            return Scheduler.system().nanoTime();
        }

        @Override
        public ScheduledTask schedule(Duration delay, Runnable task) {
            return Scheduler.system().schedule(delay, task);
        }

        @Override
        public ScheduledTask scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
            return Scheduler.system().scheduleAtFixedRate(initialDelay, period, task);
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            hold.run();
        }
    }
}
