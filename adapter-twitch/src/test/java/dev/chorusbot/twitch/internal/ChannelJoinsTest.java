package dev.chorusbot.twitch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.testkit.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Channel joins on a hand-moved scheduler: pacing and the join timeout, exact to the millisecond. */
class ChannelJoinsTest {
    private final ManualScheduler time = new ManualScheduler();
    private final List<String> written = new ArrayList<>();
    private final Map<String, String> refused = new LinkedHashMap<>();
    private boolean connectionFails;

    private ChannelJoins joins(List<String> channels) {
        return new ChannelJoins(channels, Duration.ofSeconds(10), time, new ChannelJoins.Link() {
            @Override
            public boolean join(String channel) {
                written.add(channel);
                return !connectionFails;
            }

            @Override
            public void refused(String channel, String reason) {
                refused.put(channel, reason);
            }
        });
    }

    private static List<String> channels(int count) {
        return IntStream.range(0, count).mapToObj(i -> "channel" + i).toList();
    }

    @Test
    void joinsTwentyAtOnceAndTheRestWhenTheWindowHasRoom() {
        ChannelJoins joins = joins(channels(25));

        joins.connected();
        assertThat(written).hasSize(20);
        assertThat(joins.waiting()).isEqualTo(5);

        time.advance(Duration.ofMillis(9_999));
        assertThat(written).hasSize(20);
        time.advance(Duration.ofMillis(1));
        assertThat(written).hasSize(25).endsWith("channel24");
        assertThat(joins.waiting()).isZero();
    }

    @Test
    void refusesAJoinLeftUnansweredForTheJoinTimeout() {
        ChannelJoins joins = joins(List.of("chorus", "typo"));
        joins.connected();
        joins.joined("chorus");

        time.advance(Duration.ofMillis(9_999));
        assertThat(refused).isEmpty();
        time.advance(Duration.ofMillis(1));

        assertThat(refused).containsExactly(
                Map.entry("typo", "no answer to JOIN within 10000 ms; does the channel exist?"));
        assertThat(joins.refusal("typo")).contains("no answer to JOIN within 10000 ms; does the channel exist?");
        assertThat(joins.mayWrite("typo")).isFalse();
        assertThat(joins.mayWrite("chorus")).isTrue();
    }

    @Test
    void timesOutEachJoinFromWhenItWasSent() {
        ChannelJoins joins = joins(channels(21));
        joins.connected(); // channel20 waits for the window and goes out 10 s later

        time.advance(Duration.ofSeconds(10)); // the first twenty time out as channel20 is sent
        assertThat(refused).hasSize(20).doesNotContainKey("channel20");

        time.advance(Duration.ofMillis(9_999));
        assertThat(refused).doesNotContainKey("channel20");
        time.advance(Duration.ofMillis(1));
        assertThat(refused).containsKey("channel20");
    }

    @Test
    void aLateAnswerStillCounts() {
        ChannelJoins joins = joins(List.of("slow"));
        joins.connected();
        time.advance(Duration.ofSeconds(10));
        assertThat(joins.refusal("slow")).isPresent();

        joins.joined("slow");

        assertThat(joins.refusal("slow")).isEmpty();
        assertThat(joins.mayWrite("slow")).isTrue();
        assertThat(joins.takeJoinUserstate("slow")).isTrue();
        assertThat(joins.takeJoinUserstate("slow")).as("only the first USERSTATE answers the JOIN").isFalse();
    }

    @Test
    void aNoticeRefusesOnlyAChannelStillBeingJoined() {
        ChannelJoins joins = joins(List.of("chorus", "gone"));
        joins.connected();
        joins.joined("chorus");

        assertThat(joins.refuseIfJoining("gone", "msg_channel_suspended", "This channel has been suspended.")).isTrue();
        assertThat(joins.refuseIfJoining("chorus", "msg_banned", "You are banned.")).isFalse();
        assertThat(joins.refuseIfJoining("elsewhere", "msg_channel_suspended", "Not configured.")).isFalse();

        assertThat(refused).containsExactly(Map.entry("gone", "This channel has been suspended."));
        time.advance(Duration.ofSeconds(10));
        assertThat(refused).hasSize(1);
    }

    @Test
    void writesOnlyToJoinedOrUnconfiguredChannels() {
        ChannelJoins joins = joins(List.of("chorus"));
        assertThat(joins.mayWrite("chorus")).isFalse();
        assertThat(joins.mayWrite("elsewhere")).isTrue();

        joins.connected();
        joins.joined("chorus");
        assertThat(joins.mayWrite("chorus")).isTrue();

        joins.parted("chorus");
        assertThat(joins.mayWrite("chorus")).isFalse();
    }

    @Test
    void aDroppedConnectionCancelsItsTimersAndANewOneAsksAgain() {
        ChannelJoins joins = joins(channels(25));
        joins.connected();
        joins.refuseIfJoining("channel0", "msg_channel_suspended", "This channel has been suspended.");

        joins.disconnected();
        assertThat(time.pendingTasks()).isZero();
        time.advance(Duration.ofSeconds(30));
        assertThat(written).hasSize(20);
        assertThat(refused).hasSize(1);

        joins.connected(); // the window of the first connection has passed
        assertThat(written).hasSize(40);
        assertThat(joins.refusal("channel0")).as("a suspension can end").isEmpty();
    }

    @Test
    void stopsJoiningWhenTheConnectionFails() {
        ChannelJoins joins = joins(channels(3));
        connectionFails = true;

        joins.connected();

        assertThat(written).containsExactly("channel0");
    }
}
