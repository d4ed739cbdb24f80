package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.PlatformException;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HelixRepliesTest {
    private static final Chat TWITCHDEV = Chat.of("twitchdev", Chat.Kind.GROUP, "#twitchdev");

    @Test
    void renewsAnExpiredAppTokenWithClientCredentialsAndSendsOnce() {
        try (EventSubHarness h = new EventSubHarness()) {
            h.twitch.chatMessage(ChatMessageNotification.builder().text("!hello"));
            h.helix.expireTokens();

            FakeEventSubSender.Delivery second = h.twitch.chatMessage(ChatMessageNotification.builder()
                    .chatter("222", "anna", "Anna").text("!hello"));

            assertThat(second.status()).isEqualTo(200);
            assertThat(h.helix.tokensIssued()).isEqualTo(2);
            assertThat(h.helix.sentMessages()).extracting(FakeHelixApi.SentChatMessage::message)
                    .containsExactly("hello Viktor!", "hello Anna!");
            assertThat(h.helix.requests(r -> r.path().equals("/oauth2/token")).get(1).body())
                    .contains("grant_type=client_credentials", "client_id=fake-client-id");
        }
    }

    @Test
    void doesNotRenewTheTokenAgainWhenARenewalDidNotCureA401() throws Exception {
        try (LogCapture log = new LogCapture(); EventSubHarness h = new EventSubHarness()) {
            h.twitch.chatMessage(ChatMessageNotification.builder().text("!hello"));
            h.helix.failNext(401);
            h.helix.failNext(401); // a channel that did not let the bot in: a new token does not help

            var first = h.adapter.send(Outbound.text(TWITCHDEV, "one"));
            assertThatThrownBy(first::join).cause().isInstanceOfSatisfying(TwitchApiException.class, e -> {
                assertThat(e.code()).isEqualTo("401");
                assertThat(e.error()).isEqualTo("Unauthorized");
                assertThat(e.reason()).isEqualTo("failing as told");
            }).hasMessage("Twitch answered 401 Unauthorized: failing as told");
            h.helix.failNext(401);
            var second = h.adapter.send(Outbound.text(TWITCHDEV, "two"));
            assertThatThrownBy(second::join).cause().isInstanceOf(TwitchApiException.class);

            assertThat(h.helix.tokensIssued()).isEqualTo(2);
            assertThat(log.text()).contains("Gave up sending a message to #twitchdev: Twitch answered 401 Unauthorized:"
                    + " failing as told (the broadcaster must grant channel:bot or make the bot a moderator");
        }
    }

    @Test
    void failsTheSendAndLogsTheDropReasonWhenTwitchDoesNotPostTheMessage() throws Exception {
        try (LogCapture log = new LogCapture(); EventSubHarness h = new EventSubHarness()) {
            h.twitch.chatMessage(ChatMessageNotification.builder().text("!hello")); // learns #twitchdev's id
            h.helix.dropNextMessage("msg_duplicate",
                    "Your message was not sent because it is identical to the previous one you sent, less than 30"
                            + " seconds ago.");

            var future = h.adapter.send(Outbound.text(TWITCHDEV, "hello again"));

            assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(ChatMessageDroppedException.class, e -> {
                        assertThat(e.platform()).isEqualTo(TwitchEventSubAdapter.PLATFORM);
                        assertThat(e.channel()).isEqualTo("twitchdev");
                        assertThat(e.code()).isEqualTo("msg_duplicate");
                        assertThat(e.reason()).startsWith("Your message was not sent");
                    })
                    .hasMessage("Twitch dropped the message to #twitchdev: msg_duplicate (Your message was not"
                            + " sent because it is identical to the previous one you sent, less than 30 seconds ago.)");
            assertThat(log.text()).contains("Twitch dropped the message to #twitchdev: msg_duplicate");
        }
    }

    @Test
    void looksUpTheChannelIdWithGetUsersWhenNoMessageNamedItYet() throws Exception {
        try (EventSubHarness h = new EventSubHarness()) {
            h.adapter.send(Outbound.text(TWITCHDEV, "good morning")).get(5, TimeUnit.SECONDS);

            assertThat(h.helix.sentMessages()).singleElement()
                    .satisfies(m -> assertThat(m.broadcasterId()).isEqualTo("141981764"));
            assertThat(h.helix.requests(r -> r.path().equals("/helix/users")).get(0).query()).isEqualTo("login=twitchdev");
        }
    }

    @Test
    void refusesAnEmptyOrOverlongMessageWithoutCallingTwitch() {
        try (EventSubHarness h = new EventSubHarness()) {
            var overlong = h.adapter.send(Outbound.text(TWITCHDEV, "😀".repeat(501)));
            var empty = h.adapter.send(Outbound.text(TWITCHDEV, " "));
            var exactly500 = h.adapter.send(Outbound.text(TWITCHDEV, "😀".repeat(500)));

            assertThatThrownBy(overlong::join).cause()
                    .hasMessage("a Twitch chat message holds at most 500 characters, this one has 501");
            assertThatThrownBy(empty::join).cause().hasMessage("a Twitch chat message must not be empty");
            exactly500.join();
            assertThat(h.helix.sentMessages()).extracting(FakeHelixApi.SentChatMessage::message)
                    .containsExactly("😀".repeat(500));
        }
    }

    @Test
    void failsASendToAChannelTwitchDoesNotKnow() {
        try (EventSubHarness h = new EventSubHarness()) {
            var future = h.adapter.send(Outbound.text(Chat.of("nobody_here", Chat.Kind.GROUP, "#nobody_here"), "hi"));

            assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                    .cause().hasMessage("Twitch knows no channel named 'nobody_here'");
        }
    }

    @Test
    void waitsForTheResetWhenNoRequestRemainsInsteadOfBeingRefused() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T20:00:00Z"));
        try (EventSubHarness h = new EventSubHarness(clock, b -> b.pointsPerMinute(3), b -> { })) {
            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "one")); // Get Users + send: 1 left
            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "two")); // 0 left
            assertThat(clock.sleeps()).isEmpty();

            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "three"));

            // The window opened at 20:00:00 and resets at 20:01:00: the adapter waited exactly that long.
            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(60));
            assertThat(h.helix.sentMessages()).extracting(FakeHelixApi.SentChatMessage::message)
                    .containsExactly("one", "two", "three");
            assertThat(h.helix.requests(r -> r.path().startsWith("/helix/"))).hasSize(4); // no request refused
        }
    }

    @Test
    void retriesAfterTheResetWhenTwitchAnswers429() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T20:00:00Z"));
        try (EventSubHarness h = new EventSubHarness(clock, b -> { }, b -> { })) {
            h.twitch.chatMessage(ChatMessageNotification.builder().text("!hello"));
            clock.advance(Duration.ofSeconds(20));
            h.helix.remainingPoints(0); // spent by another instance of the bot: this one cannot know

            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "after the reset"));

            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(40));
            assertThat(h.helix.sentMessages()).extracting(FakeHelixApi.SentChatMessage::message)
                    .containsExactly("hello Viktor!", "after the reset");
            assertThat(h.helix.requests(r -> r.path().equals("/helix/chat/messages"))).hasSize(3); // one 429
        }
    }

    @Test
    void retriesAServerErrorWithBackoff() throws Exception {
        ManualScheduler clock = new ManualScheduler(Instant.parse("2026-11-28T20:00:00Z"));
        try (EventSubHarness h = new EventSubHarness(clock, b -> { }, b -> { })) {
            h.twitch.chatMessage(ChatMessageNotification.builder().text("!hello"));
            h.helix.failNext(503);

            h.sendMovingTime(clock, Outbound.text(TWITCHDEV, "still there"));

            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
            assertThat(h.helix.sentMessages()).hasSize(2);
        }
    }

    @Test
    void failsWithTwitchsOwnMessageWhenTheClientSecretIsWrong() {
        try (FakeHelixApi helix = FakeHelixApi.start()) {
            TwitchEventSubAdapter adapter = new TwitchEventSubAdapter(EventSubHarness.config(helix)
                    .clientSecret("not-the-secret").build());
            try {
                var future = adapter.send(Outbound.text(TWITCHDEV, "hi"));

                assertThatThrownBy(future::join).cause().isInstanceOfSatisfying(AppTokenRefusedException.class, e -> {
                    PlatformException failure = e;
                    assertThat(failure.platform()).isEqualTo(TwitchEventSubAdapter.PLATFORM);
                    assertThat(failure.code()).isEqualTo("403");
                    assertThat(e.toString()).doesNotContain("not-the-secret").doesNotContain(helix.clientSecret());
                })
                        .hasMessage("Twitch answered 403: could not get an app access token with TWITCH_CLIENT_ID and"
                                + " TWITCH_CLIENT_SECRET: invalid client secret");
            } finally {
                adapter.close();
            }
        }
    }

    @Test
    void doesNotBlameTheChannelsAuthorizationWhenTheClientSecretIsWrong() {
        try (LogCapture log = new LogCapture(); FakeHelixApi helix = FakeHelixApi.start()) {
            TwitchEventSubAdapter adapter = new TwitchEventSubAdapter(EventSubHarness.config(helix)
                    .clientSecret("not-the-secret").build());
            try {
                var future = adapter.send(Outbound.text(TWITCHDEV, "hi"));
                assertThatThrownBy(future::join).cause().isInstanceOf(TwitchApiException.class);

                assertThat(log.text()).contains("Gave up sending a message to #twitchdev: Twitch answered 403: could"
                        + " not get an app access token with TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET: invalid client"
                        + " secret").doesNotContain("channel:bot");
            } finally {
                adapter.close();
            }
        }
    }
}
