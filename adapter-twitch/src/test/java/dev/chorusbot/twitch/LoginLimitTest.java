package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Twitch allows an account 20 authentication attempts in 10 seconds and may lock it out past that
 * (https://dev.twitch.tv/docs/chat/#rate-limits): a server that answers every login with RECONNECT
 * must not make the adapter log in as fast as it can. Time is the adapter's manual scheduler, which
 * the fake's windows read too.
 */
class LoginLimitTest {
    private final ManualScheduler time = new ManualScheduler();
    private FakeTwitchIrcServer twitch;
    private TwitchAdapter adapter;

    @AfterEach
    void close() {
        if (adapter != null) {
            adapter.close();
        }
        if (twitch != null) {
            twitch.close();
        }
    }

    private void start(Duration backoffMin, Duration backoffMax) {
        twitch = FakeTwitchIrcServer.builder().clock(time.clock()).start().reconnectAfterLogin(true);
        adapter = new TwitchAdapter(TwitchConfig.builder().username("chorus_bot").token("tok3n").channels("chorus")
                .server(twitch.uri()).reconnectBackoff(backoffMin, backoffMax).closeTimeout(Duration.ZERO).build());
        adapter.start(new RecordingSink(time));
    }

    /**
     * Moves the adapter's time in steps of 100 ms; before each, waits until the connection opened
     * last has logged in, been told to reconnect, and the adapter waits for its timer.
     */
    private void run(Duration total) {
        for (long step = 0; step < total.toMillis() / 100; step++) {
            awaitLoginsSettled();
            time.advance(Duration.ofMillis(100));
        }
        awaitLoginsSettled();
    }

    private void awaitLoginsSettled() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!adapter.isWaitingToConnect() || twitch.logins().size() != adapter.connectionCount()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waiting to connect: " + adapter.isWaitingToConnect() + "; the fake saw "
                        + twitch.logins().size() + " logins on "
                        + adapter.connectionCount() + " connections");
            }
            // Parks rather than spins: on a loaded machine a spinning test thread takes the CPU the
            // adapter's threads need to get there.
            LockSupport.parkNanos(100_000L);
        }
    }

    @Test
    void aReconnectRightAfterEachLoginMeetsAGrowingDelay() {
        start(Duration.ofSeconds(1), Duration.ofSeconds(60));

        run(Duration.ofSeconds(60));

        // 1, 2, 4, 8, 16, 32 s steps with jitter between half and all of each: at most 7 logins in 60 s.
        List<Instant> logins = twitch.logins();
        assertThat(logins).hasSizeBetween(4, 8);
        Duration lastGap = Duration.between(logins.get(logins.size() - 2), logins.get(logins.size() - 1));
        assertThat(lastGap).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void neverLogsInMoreThanTwentyTimesInTenSeconds() {
        start(Duration.ofMillis(1), Duration.ofMillis(1));

        run(Duration.ofSeconds(30));

        assertThat(twitch.maxLoginsInTenSeconds()).isEqualTo(20);
        assertThat(twitch.logins()).hasSizeGreaterThanOrEqualTo(40);
    }
}
