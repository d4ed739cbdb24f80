package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TwitchAdapterCloseTest {
    @Test
    void closeEndsTheSessionThreadEvenWhileAReconnectIsScheduled() throws Exception {
        int deadPort;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = unused.getLocalPort(); // nothing listens here once it is closed
        }
        TwitchAdapter adapter = new TwitchAdapter(TwitchConfig.builder()
                .username("chorus_bot")
                .token("tok3n")
                .channels("#chorus")
                .server(URI.create("irc://127.0.0.1:" + deadPort))
                .reconnectBackoff(Duration.ofHours(1), Duration.ofHours(1))
                .build());
        Set<Thread> before = sessionThreads();
        Bot bot = Bot.builder().adapter(adapter).build();
        bot.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Thread> started;
        do {
            started = sessionThreads();
            started.removeAll(before);
            Thread.onSpinWait();
        } while (started.isEmpty() && System.nanoTime() < deadline);
        assertThat(started).as("the session's thread").isNotEmpty();

        bot.stop(); // the refused connect ran first on the session's thread and scheduled a retry in an hour

        for (Thread thread : started) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(thread.isAlive()).as("%s still running after close", thread.getName()).isFalse();
        }
    }

    @Test
    void closeLeavesNothingScheduledOnTheBotsScheduler() throws Exception {
        try (FakeTwitchIrcServer twitch = FakeTwitchIrcServer.start()) {
            ManualScheduler time = new ManualScheduler();
            TwitchAdapter adapter = new TwitchAdapter(TwitchConfig.builder().username("chorus_bot").token("tok3n")
                    .channels("#chorus").server(twitch.uri()).build());
            Bot bot = Bot.builder().adapter(adapter).scheduler(time).build();
            bot.start();
            twitch.awaitJoined("chorus"); // CAP, PASS, NICK and JOIN were written, each under the watchdog
            time.awaitPendingTasks(3, Duration.ofSeconds(10)); // keep-alive, write watchdog, JOIN timeout

            bot.stop();

            assertThat(time.pendingTasks()).as("tasks left on the scheduler after close").isZero();
        }
    }

    private static Set<Thread> sessionThreads() {
        return threads("chorus-twitch");
    }

    private static Set<Thread> threads(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name) && t.isAlive())
                .collect(Collectors.toSet());
    }
}
