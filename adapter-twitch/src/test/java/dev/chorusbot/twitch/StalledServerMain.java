package dev.chorusbot.twitch;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A bot against a Twitch server that stops reading and floods PINGs, with two {@code !hello}s in the
 * flood; run by {@link StalledServerTest} in a JVM with a small heap. Prints {@code answered} and the
 * peak heap, and exits 0, when both are answered once after the reconnect; exits 1 otherwise.
 */
final class StalledServerMain {
    /** PINGs before the first {@code !hello}: enough PONGs to fill the socket buffers many times over. */
    static final int PINGS_BEFORE = 500_000;
    /** PINGs after the second {@code !hello}: each would cost a waiting task without coalescing. */
    static final int PINGS_AFTER = 1_000_000;

    private StalledServerMain() {}

    public static void main(String[] args) throws Exception {
        ManualScheduler time = new ManualScheduler();
        try (FakeTwitchIrcServer twitch = FakeTwitchIrcServer.start()) {
            TwitchAdapter adapter = new TwitchAdapter(TwitchConfig.builder()
                    .username("chorus_bot").token("tok3n").channels("chorus").server(twitch.uri())
                    .keepAlive(Duration.ofSeconds(5), Duration.ofSeconds(10))
                    .reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2))
                    .closeTimeout(Duration.ZERO)
                    .build());
            Bot bot = Bot.builder().scheduler(time).adapter(adapter)
                    .command(Command.named("hello").handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build())
                    .build();
            bot.start();
            twitch.awaitJoined("chorus");

            twitch.stopReading();
            Thread flood = new Thread(() -> {
                for (int i = 0; i < PINGS_BEFORE && twitch.connectionCount() == 1; i++) {
                    twitch.sendRaw("PING :tmi.twitch.tv");
                }
                twitch.chat("chorus", "viktor", "Viktor", "!hello");
                twitch.sendRaw("PING :tmi.twitch.tv");
                twitch.chat("chorus", "anna", "Anna", "!hello");
                for (int i = 0; i < PINGS_AFTER && twitch.connectionCount() == 1; i++) {
                    twitch.sendRaw("PING :tmi.twitch.tv");
                }
            }, "flood");
            flood.start();
            flood.join(TimeUnit.MINUTES.toMillis(5));
            if (flood.isAlive()) {
                fail("the flood of PINGs did not end within 5 minutes");
            }
            System.gc();
            long heapAfterFlood = heapUsed();

            // 20 s of the adapter's time: the write watchdog (15 s) ends the stalled connection, the
            // backoff (1-2 s) opens the next one, whose server reads again.
            String viktor = "PRIVMSG #chorus :hello Viktor!";
            String anna = "PRIVMSG #chorus :hello Anna!";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int seconds = 0;
            while (!(twitch.accepted().contains(viktor) && twitch.accepted().contains(anna))) {
                if (System.nanoTime() > deadline) {
                    fail("not both answered: accepted " + twitch.accepted() + " after " + seconds
                            + " s of adapter time and " + twitch.connectionCount() + " connection(s)");
                }
                if (seconds < 40) {
                    time.advance(Duration.ofSeconds(1));
                    seconds++;
                }
                Thread.sleep(50); // real time for the loop and the sockets between steps of adapter time
            }
            Thread.sleep(500); // a second answer to either would arrive by now
            List<String> accepted = twitch.accepted();
            long viktorCount = accepted.stream().filter(viktor::equals).count();
            long annaCount = accepted.stream().filter(anna::equals).count();
            if (viktorCount != 1 || annaCount != 1) {
                fail("answered more than once: " + accepted);
            }
            System.out.println("answered viktor=" + viktorCount + " anna=" + annaCount + " connections="
                    + twitch.connectionCount() + " heapAfterFloodMiB=" + heapAfterFlood / (1 << 20)
                    + " peakHeapMiB=" + peakHeap() / (1 << 20));
            bot.stop();
        }
        System.exit(0);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void fail(String why) {
        System.out.println("FAILED: " + why);
        System.exit(1);
    }
}
