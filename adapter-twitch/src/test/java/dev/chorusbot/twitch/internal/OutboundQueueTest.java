package dev.chorusbot.twitch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Twitch's sending rules, driven by a hand-moved clock: no sleeping, exact times. */
class OutboundQueueTest {
    private final OutboundQueue queue = new OutboundQueue();
    private long now = 1_000_000;

    private OutboundQueue.Pending item(String channel, String text) {
        return new OutboundQueue.Pending(channel, text, Optional.empty(), new CompletableFuture<>(), false, 0);
    }

    /** Runs the queue like the session does: send whatever may go, else jump the clock by the wait. */
    private List<Long> sendAll(int count, String channel) {
        for (int i = 0; i < count; i++) {
            queue.add(item(channel, "message " + i));
        }
        List<Long> times = new ArrayList<>();
        while (!queue.isEmpty()) {
            OutboundQueue.Next next = queue.next(now, c -> true);
            if (next.item() != null) {
                times.add(now);
            } else {
                assertThat(next.waitMillis()).isPositive();
                now += next.waitMillis();
            }
        }
        return times;
    }

    private static int maxInAnyWindow(List<Long> times, long window) {
        int max = 0;
        for (int i = 0; i < times.size(); i++) {
            int count = 0;
            for (int j = i; j < times.size() && times.get(j) < times.get(i) + window; j++) {
                count++;
            }
            max = Math.max(max, count);
        }
        return max;
    }

    @Test
    void neverSendsMoreThanTwentyInAnyThirtySecondWindow() {
        List<Long> times = sendAll(95, "chorus");

        assertThat(times).hasSize(95);
        assertThat(maxInAnyWindow(times, 30_000)).isEqualTo(20);
        assertThat(times.get(20) - times.get(0)).isEqualTo(30_000);
    }

    @Test
    void allowsOneHundredWhereTheBotIsModerator() {
        queue.elevated("chorus", true);

        List<Long> times = sendAll(250, "chorus");

        assertThat(maxInAnyWindow(times, 30_000)).isEqualTo(100);
        assertThat(times.get(99)).isEqualTo(times.get(0));
    }

    @Test
    void messagesToModeratedChannelsCountAgainstTheAccountLimitOfOtherChannels() {
        queue.elevated("modded", true);
        sendAll(30, "modded");

        queue.add(item("plain", "waits"));
        OutboundQueue.Next next = queue.next(now, c -> true);

        assertThat(next.item()).isNull();
        assertThat(next.waitMillis()).isEqualTo(30_000);
    }

    @Test
    void makesARepeatedMessageDistinctWithinThirtySeconds() {
        queue.add(item("chorus", "hello Viktor!"));
        queue.add(item("chorus", "hello Viktor!"));
        queue.add(item("chorus", "hello Viktor!"));

        String first = queue.next(now, c -> true).text();
        String second = queue.next(now + 1000, c -> true).text();
        String third = queue.next(now + 2000, c -> true).text();

        assertThat(first).isEqualTo("hello Viktor!");
        assertThat(second).isEqualTo("hello Viktor!" + OutboundQueue.DISTINCT_SUFFIX);
        assertThat(third).isEqualTo("hello Viktor!");
    }

    @Test
    void sendsARepeatUnchangedAfterThirtySeconds() {
        queue.add(item("chorus", "same"));
        queue.add(item("chorus", "same"));
        queue.next(now, c -> true);

        assertThat(queue.next(now + 30_000, c -> true).text()).isEqualTo("same");
    }

    @Test
    void delaysARepeatThatHasNoRoomForTheSuffix() {
        String full = "x".repeat(500);
        queue.add(item("chorus", full));
        queue.add(item("chorus", full));
        queue.next(now, c -> true);

        OutboundQueue.Next next = queue.next(now + 5_000, c -> true);

        assertThat(next.item()).isNull();
        assertThat(next.waitMillis()).isEqualTo(25_000);
        assertThat(queue.next(now + 30_000, c -> true).text()).isEqualTo(full);
    }

    @Test
    void aRateLimitNoticePausesForAWindowAndResendsTheRefusedMessage() {
        queue.add(item("chorus", "first"));
        queue.add(item("chorus", "second"));
        queue.next(now, c -> true);

        assertThat(queue.refused("chorus", "msg_ratelimit", now + 100)).isTrue();

        OutboundQueue.Next paused = queue.next(now + 200, c -> true);
        assertThat(paused.item()).isNull();
        assertThat(paused.waitMillis()).isEqualTo(30_000 - 100);
        OutboundQueue.Next resumed = queue.next(now + 30_100, c -> true);
        assertThat(resumed.text()).isEqualTo("first");
        assertThat(queue.next(now + 30_100, c -> true).text()).isEqualTo("second");
    }

    @Test
    void messagesRefusedOneAfterAnotherAsTooFastAreResentInTheirOriginalOrder() {
        queue.add(item("chorus", "first"));
        queue.add(item("chorus", "second"));
        queue.add(item("chorus", "third"));
        queue.add(item("chorus", "fourth"));
        queue.next(now, c -> true);
        queue.next(now, c -> true);
        queue.next(now, c -> true); // another client of the account spent the allowance: all three refused

        queue.refused("chorus", "msg_ratelimit", now + 10);
        queue.refused("chorus", "msg_ratelimit", now + 11);
        queue.refused("chorus", "msg_ratelimit", now + 12);

        List<String> resent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            resent.add(queue.next(now + 30_012, c -> true).text());
        }
        assertThat(resent).containsExactly("first", "second", "third", "fourth");
    }

    @Test
    void forgetsUnconfirmedMessagesAfterAWindowEvenWhenTwitchNeverAnswers() {
        // A server without twitch.tv/commands never sends USERSTATE: nothing may pile up meanwhile.
        for (int minute = 0; minute < 60; minute++) {
            for (int i = 0; i < 20; i++) {
                queue.add(item("chorus", "minute " + minute + " message " + i));
                assertThat(queue.next(now, c -> true).item()).isNotNull();
            }
            now += 60_000;
        }

        assertThat(queue.unconfirmed("chorus")).isEqualTo(20);
    }

    @Test
    void aDuplicateNoticeResendsTheMessageMadeDistinct() {
        queue.add(item("chorus", "again"));
        queue.next(now, c -> true);

        queue.refused("chorus", "msg_duplicate", now + 50);

        assertThat(queue.next(now + 100, c -> true).text()).isEqualTo("again" + OutboundQueue.DISTINCT_SUFFIX);
    }

    @Test
    void anAcceptedMessageIsNotResentOnALaterNotice() {
        queue.add(item("chorus", "one"));
        queue.next(now, c -> true);
        queue.accepted("chorus", now + 10);

        assertThat(queue.refused("chorus", "msg_ratelimit", now + 20)).isFalse();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void keepsEachChannelsOrderWhileAnotherChannelWaitsToBeJoined() {
        queue.add(item("notyet", "a"));
        queue.add(item("joined", "b"));
        queue.add(item("notyet", "c"));

        assertThat(queue.next(now, c -> c.equals("joined")).text()).isEqualTo("b");
        assertThat(queue.next(now, c -> c.equals("joined")).item()).isNull();
        assertThat(queue.next(now, c -> true).text()).isEqualTo("a");
        assertThat(queue.next(now, c -> true).text()).isEqualTo("c");
    }

    @Test
    void messagesSentButNotConfirmedWhenTheConnectionEndsGoAgainFirstInTheOrderSentWithTheirText() {
        queue.add(item("chorus", "one"));
        queue.add(item("chorus", "two"));
        queue.add(item("other", "three"));
        queue.next(now, c -> true);
        queue.next(now, c -> true);
        queue.accepted("chorus", now); // "one" confirmed
        queue.next(now, c -> true);
        queue.add(item("chorus", "four"));

        assertThat(queue.requeueUnconfirmed(true, now)).isEqualTo(2);

        assertThat(queue.next(now + 1, c -> true).text()).isEqualTo("two");
        assertThat(queue.next(now + 1, c -> true).text()).isEqualTo("three");
        // Sent again word for word, not made distinct from what was "sent" last.
        assertThat(queue.unconfirmed("chorus")).isEqualTo(1);
        assertThat(queue.next(now + 1, c -> true).text()).isEqualTo("four");
    }

    @Test
    void aResentMessageThatTwitchRefusesAsADuplicateWasDeliveredAndIsNotSentAThirdTime() {
        queue.add(item("chorus", "hello Viktor!"));
        queue.next(now, c -> true);
        queue.requeueUnconfirmed(true, now);
        queue.next(now + 1, c -> true);

        boolean putBack = queue.refused("chorus", "msg_duplicate", now + 2);

        assertThat(putBack).isFalse();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void withoutConfirmationsNothingSentIsSentAgain() {
        queue.add(item("chorus", "one"));
        queue.next(now, c -> true);

        assertThat(queue.requeueUnconfirmed(false, now)).isZero();

        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void aMessageSentBeforeTheConfirmationWindowIsNotSentAgain() {
        queue.add(item("chorus", "one"));
        queue.next(now, c -> true);

        assertThat(queue.requeueUnconfirmed(true, now + OutboundQueue.CONFIRM_MILLIS)).isZero();
    }
}
