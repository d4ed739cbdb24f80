package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Chat;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Twitch's chat limit for Helix sends: 20 messages per 30 seconds for the account, 100 where the bot
 * is moderator or broadcaster. The test moves the bot's manual scheduler through each wait the adapter sleeps, so every wait is exact.
 */
class HelixChatLimitTest {
    private static final Chat TWITCHDEV = Chat.of("twitchdev", Chat.Kind.GROUP, "#twitchdev");
    private static final Chat OWN = Chat.of(EventSubHarness.BOT_LOGIN, Chat.Kind.GROUP, "#" + EventSubHarness.BOT_LOGIN);

    @Test
    void holdsTheTwentyFirstMessageIn30SecondsUntilTheFirstLeavesTheWindow() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T20:00:00Z"));
        try (EventSubHarness h = new EventSubHarness(clock, b -> { }, b -> { })) {
            sendAll(h, clock, TWITCHDEV, 20);
            assertThat(clock.sleeps()).isEmpty();
            clock.advance(Duration.ofSeconds(10));

            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "twenty-one"));

            // The first 20 went out at 20:00:00; the 21st may go at 20:00:30, 20 seconds after it was asked.
            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(20));
            assertThat(h.helix.sentMessages()).hasSize(21).last()
                    .satisfies(m -> assertThat(m.message()).isEqualTo("twenty-one"));
        }
    }

    @Test
    void allowsAHundredMessagesWhereTheBotsOwnMessageShowsItIsModerator() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T20:00:00Z"));
        try (EventSubHarness h = new EventSubHarness(clock, b -> { }, b -> { })) {
            h.twitch.chatMessage(ownMessage().badge("moderator", "1", ""));
            assertThat(h.helix.sentMessages()).isEmpty(); // the bot does not answer itself

            sendAll(h, clock, TWITCHDEV, 100);
            assertThat(clock.sleeps()).isEmpty();
            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "one too many"));

            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30));
            assertThat(h.helix.sentMessages()).hasSize(101);
        }
    }

    @Test
    void fallsBackToTheNormalLimitWhenTheBotsMessageNoLongerCarriesTheModeratorBadge() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T20:00:00Z"));
        try (EventSubHarness h = new EventSubHarness(clock, b -> { }, b -> { })) {
            h.twitch.chatMessage(ownMessage().badge("moderator", "1", ""));
            h.twitch.chatMessage(ownMessage()); // unmodded since

            sendAll(h, clock, TWITCHDEV, 20);
            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "twenty-one"));

            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30));
        }
    }

    @Test
    void allowsAHundredMessagesInTheBotsOwnChannel() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T20:00:00Z"));
        try (EventSubHarness h = new EventSubHarness(clock, b -> { }, b -> { })) {
            sendAll(h, clock, OWN, 100);

            assertThat(clock.sleeps()).isEmpty();
            assertThat(h.helix.sentMessages()).hasSize(100)
                    .allSatisfy(m -> assertThat(m.broadcasterId()).isEqualTo(EventSubHarness.BOT_ID));
        }
    }

    @Test
    void countsEveryChannelAgainstOneWindowAndAppliesTheLimitOfTheChannelSentTo() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T20:00:00Z"));
        try (EventSubHarness h = new EventSubHarness(clock, b -> { }, b -> { })) {
            sendAll(h, clock, OWN, 20); // within the own channel's 100
            clock.advance(Duration.ofSeconds(5));

            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "elsewhere"));

            // #twitchdev allows 20 per 30 s and the window already holds 20 messages from 20:00:00.
            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(25));
            assertThat(h.helix.sentMessages()).hasSize(21);
        }
    }

    @Test
    void keepsTheLimitsTheBotWasConfiguredWith() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T20:00:00Z"));
        try (EventSubHarness h = new EventSubHarness(clock, b -> { }, b -> { },
                c -> c.messageLimits(2, 3))) {
            sendAll(h, clock, TWITCHDEV, 3);
            sendAll(h, clock, OWN, 3);

            // #twitchdev allows 2: its third message waits 30 s for the first to leave the window.
            // The own channel allows 3, but the window still holds that third #twitchdev message,
            // so the own channel's third message waits 30 s as well.
            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
            assertThat(h.helix.sentMessages()).hasSize(6);
        }
    }

    @Test
    void refusesLimitsThatAreNotPositiveOrWhereTheModeratorLimitIsLower() {
        assertThatThrownBy(() -> limited().messageLimits(0, 100).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("messageLimits must be positive, the moderator limit at least the normal one; were 0 and 100");
        assertThatThrownBy(() -> limited().messageLimits(20, 10).build())
                .hasMessage("messageLimits must be positive, the moderator limit at least the normal one; were 20 and 10");
    }

    private static TwitchEventSubConfig.Builder limited() {
        return TwitchEventSubConfig.builder().clientId("id").clientSecret("secret").eventSubSecret("0123456789")
                .botUserId("141981764");
    }

    private static ChatMessageNotification ownMessage() {
        return ChatMessageNotification.builder()
                .chatter(EventSubHarness.BOT_ID, EventSubHarness.BOT_LOGIN, "ChorusBot")
                .text("a message the bot sent");
    }

    /** Sends {@code count} messages and waits for them, moving the clock through every wait. */
    private static void sendAll(EventSubHarness h, ManualScheduler clock, Chat chat, int count) throws Exception {
        CompletableFuture<?>[] sends = IntStream.rangeClosed(1, count)
                .mapToObj(i -> h.adapter.send(Outbound.text(chat, "message " + i)))
                .toArray(CompletableFuture[]::new);
        EventSubHarness.awaitMovingTime(clock, CompletableFuture.allOf(sends));
        assertThat(h.helix.requests(r -> r.path().equals("/helix/chat/messages"))).hasSizeGreaterThanOrEqualTo(count);
    }
}
