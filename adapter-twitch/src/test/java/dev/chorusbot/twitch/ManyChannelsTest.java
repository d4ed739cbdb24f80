package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.InMemoryStateStore;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A bot in many channels: several connections within the account's JOIN limit, joins and parts at run time. */
class ManyChannelsTest {
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    private FakeTwitchIrcServer fake(Scheduler time) {
        FakeTwitchIrcServer twitch = FakeTwitchIrcServer.builder().clock(time.clock()).start();
        cleanup.add(twitch);
        return twitch;
    }

    private TwitchAdapter adapter(TwitchConfig config, RecordingSink sink) {
        TwitchAdapter adapter = new TwitchAdapter(config);
        adapter.start(sink);
        cleanup.add(adapter::close);
        return adapter;
    }

    private static TwitchConfig.Builder config(FakeTwitchIrcServer twitch, List<String> channels) {
        return TwitchConfig.builder().username("chorus_bot").token("tok3n").channels(channels).server(twitch.uri())
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(200)).closeTimeout(Duration.ZERO);
    }

    /**
     * Waits (real time) until the fake has read every line the adapter wrote and nothing new came
     * for a few polls: the adapter caught up, and the fake stamped each line with the time it was
     * written, which its JOIN limit counts by. Lines written to a connection the fake dropped are
     * never read: then a longer quiet spell ends the wait.
     */
    private static void settle(FakeTwitchIrcServer twitch, TwitchAdapter adapter) {
        int quiet = 0;
        long seen = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long now = twitch.receivedCount();
            quiet = now == seen ? quiet + 1 : 0;
            seen = now;
            if (quiet >= 3 && now == adapter.linesWritten() || quiet >= 20) {
                return;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10); // poll interval of a wait with a deadline
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Moves the adapter's time in steps of 500 ms until {@code done}, for at most {@code limit}; returns the time taken. */
    private static Duration advanceUntil(ManualScheduler time, FakeTwitchIrcServer twitch, TwitchAdapter adapter,
            BooleanSupplier done, Duration limit) {
        Duration elapsed = Duration.ZERO;
        settle(twitch, adapter);
        while (!done.getAsBoolean()) {
            if (elapsed.compareTo(limit) >= 0) {
                throw new AssertionError("not done after " + limit + " of adapter time; joined "
                        + twitch.joinedChannels().size() + " channels on " + twitch.connectionCount() + " connections");
            }
            time.advance(Duration.ofMillis(500));
            elapsed = elapsed.plusMillis(500);
            settle(twitch, adapter);
        }
        return elapsed;
    }

    private static long joinsReceived(FakeTwitchIrcServer twitch) {
        return twitch.received().stream().filter(line -> line.startsWith("JOIN #")).count();
    }

    @Test
    void spreadsTwoHundredFiftyChannelsOverConnectionsWithinTheAccountsJoinLimitAndReconnectsOnlyTheOneThatDropped() {
        ManualScheduler time = new ManualScheduler();
        FakeTwitchIrcServer twitch = fake(time);
        List<String> channels = IntStream.range(0, 250).mapToObj(i -> String.format("channel%03d", i)).toList();
        TwitchAdapter adapter = adapter(config(twitch, channels).build(), new RecordingSink(time));

        // 250 JOINs at 20 per 10 s for the account take 12 full windows; the fake drops any connection
        // of an account past 20 JOINs in 10 s, over all its connections.
        Duration took = advanceUntil(time, twitch, adapter, () -> twitch.joinedChannels().size() == 250, Duration.ofSeconds(300));

        assertThat(adapter.connectionsKept()).isEqualTo(5);
        assertThat(twitch.connectionCount()).as("connections opened; a dropped one would be replaced").isEqualTo(5);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(120));
        assertThat(joinsReceived(twitch)).isEqualTo(250);

        twitch.dropConnectionOf("channel120");
        advanceUntil(time, twitch, adapter, () -> twitch.joinedChannels().size() == 250, Duration.ofSeconds(60));

        assertThat(twitch.connectionCount()).isEqualTo(6);
        assertThat(joinsReceived(twitch)).as("JOINs after the drop: the dropped connection's 50 channels").isEqualTo(300);
    }

    @Test
    void joinsAndPartsAtRunTimeAndKeepsTheChannelsInTheBotsStore() {
        ManualScheduler time = new ManualScheduler();
        FakeTwitchIrcServer twitch = fake(time);
        StateStore store = new InMemoryStateStore(time, 1_000);
        TwitchAdapter adapter = adapter(config(twitch, List.of("chorus")).channelsPerConnection(2).build(),
                new RecordingSink(time, store));
        twitch.awaitJoined("chorus");

        adapter.join("#Friend");
        adapter.join("third");
        twitch.awaitJoined("friend");
        twitch.awaitJoined("third");
        assertThat(adapter.connectionsKept()).as("two channels per connection").isEqualTo(2);
        adapter.part("friend");
        twitch.awaitReceived(line -> line.equals("PART #friend"));

        assertThat(adapter.channels()).containsExactlyInAnyOrder("chorus", "third");
        assertThat(store.indexRange("chorus:twitch:channels:chorus_bot", Long.MAX_VALUE, 10))
                .extracting(StateStore.Scored::member).containsExactly("third");

        adapter.close();
        FakeTwitchIrcServer later = fake(time);
        adapter(config(later, List.of("chorus")).build(), new RecordingSink(time, store));
        later.awaitJoined("third");
        later.awaitJoined("chorus");
        assertThat(later.received()).noneMatch(line -> line.equals("JOIN #friend"));
    }
}
