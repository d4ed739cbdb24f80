package dev.chorusbot.twitch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.testkit.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The write watchdog on a hand-moved scheduler: one periodic check, nothing scheduled per write. */
class WriteWatchdogTest {
    private final ManualScheduler time = new ManualScheduler();
    private final WriteWatchdog watchdog = new WriteWatchdog(time, Duration.ofSeconds(5), Duration.ofSeconds(1));

    /** A connection that only records being closed. */
    private static final class Connection implements IrcTransport {
        int closed;

        @Override
        public void send(String line) {}

        @Override
        public void close() {
            closed++;
        }
    }

    @Test
    void closesTheConnectionOfAWriteRunningForTheLimit() {
        Connection connection = new Connection();
        watchdog.start();

        watchdog.begin(connection);
        time.advance(Duration.ofMillis(4_999));
        assertThat(connection.closed).isZero();
        time.advance(Duration.ofMillis(1));

        assertThat(connection.closed).isEqualTo(1);
        assertThat(watchdog.takeTimedOut()).isTrue();
        assertThat(watchdog.takeTimedOut()).as("reported once").isFalse();
    }

    @Test
    void leavesWritesThatFinishAlone() {
        Connection connection = new Connection();
        watchdog.start();

        for (int i = 0; i < 1_000; i++) {
            watchdog.begin(connection);
            time.advance(Duration.ofMillis(100));
            watchdog.end();
        }

        assertThat(connection.closed).isZero();
        assertThat(watchdog.takeTimedOut()).isFalse();
    }

    @Test
    void schedulesOneCheckNoMatterHowManyWrites() {
        Connection connection = new Connection();
        watchdog.start();
        watchdog.start();

        for (int i = 0; i < 10_000; i++) {
            watchdog.begin(connection);
            watchdog.end();
        }

        assertThat(time.pendingTasks()).isEqualTo(1);
    }

    @Test
    void stopEndsTheCheck() {
        Connection connection = new Connection();
        watchdog.start();
        watchdog.stop();

        watchdog.begin(connection);
        time.advance(Duration.ofSeconds(10));

        assertThat(connection.closed).isZero();
        assertThat(time.pendingTasks()).isZero();
    }
}
