package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.testkit.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the EventSub adapter reports to the bot's observers about its Helix sends. */
class EventSubObserverTest {
    private static final Chat TWITCHDEV = Chat.of("twitchdev", Chat.Kind.GROUP, "#twitchdev");

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final BotObserver observer = new BotObserver() {
        @Override
        public void messageSent(Platform platform) {
            seen.add("sent " + platform);
        }

        @Override
        public void sendRetried(Platform platform, RetryReason reason) {
            seen.add("retried " + platform + " " + reason);
        }

        @Override
        public void sendWaited(Platform platform, Duration waited) {
            seen.add("waited " + platform + " " + waited);
        }
    };

    @Test
    void reportsEachMessageTwitchPostedAndEachRetryWithItsReason() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T20:00:00Z"));
        try (EventSubHarness h = new EventSubHarness(clock, b -> { }, b -> b.observer(observer))) {
            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "first"));
            h.helix.failNext(503);
            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "after a server error"));
            h.helix.remainingPoints(0);
            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "after the reset"));

            assertThat(seen).containsExactly("sent twitch", "waited twitch PT0S",
                    "retried twitch SERVER_ERROR", "sent twitch", "waited twitch PT1S",
                    // Helix's window opened at 20:00:00; a second of it went on the server error's backoff.
                    "retried twitch RATE_LIMITED", "sent twitch", "waited twitch PT59S");
        }
    }

    @Test
    void reportsTheWaitFromQueueingToSendingForRoomInTheChatLimit() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T20:00:00Z"));
        try (EventSubHarness h = new EventSubHarness(clock, b -> { }, b -> b.observer(observer))) {
            CompletableFuture<?>[] twenty = IntStream.rangeClosed(1, 20)
                    .mapToObj(i -> h.adapter.send(Outbound.text(TWITCHDEV, "message " + i)))
                    .toArray(CompletableFuture[]::new);
            EventSubHarness.awaitMovingTime(clock, CompletableFuture.allOf(twenty));
            clock.advance(Duration.ofSeconds(10));

            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "twenty-one"));

            assertThat(seen).filteredOn(s -> s.startsWith("waited")).hasSize(21).last().isEqualTo("waited twitch PT20S");
            assertThat(seen).filteredOn(s -> s.startsWith("sent")).hasSize(21);
        }
    }
}
