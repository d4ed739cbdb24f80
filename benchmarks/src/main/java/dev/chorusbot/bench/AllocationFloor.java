package dev.chorusbot.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What the JVM alone makes resident for a process that allocates short-lived objects at a steady
 * rate: no server, no library, only allocation, so its peak RSS is the floor under any bot
 * allocating at that rate with the same JVM flags.
 *
 * <p>It allocates {@code --mb-per-second} of small objects, keeping {@code --live-mb} of them alive
 * in a ring (what a bot keeps for a while, such as de-duplication keys), for {@code --seconds}, and
 * prints every five seconds: MB allocated so far, collections, heap committed and used, and the
 * process's resident set ({@code VmRSS}) and its peak ({@code VmHWM}). Run it with the flags
 * under test, none for the defaults:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.chorusbot.bench.AllocationFloor --mb-per-second 190 --seconds 30
 * }</pre>
 */
public final class AllocationFloor {
    private static final int OBJECT_BYTES = 256;

    private AllocationFloor() {}

    /**
     * Runs the allocation loop.
     *
     * @param args {@code --mb-per-second N} (default 190, about what the hello bot allocates under
     *     {@code wrk} at 20,000 updates/s), {@code --live-mb N} (default 24), {@code --seconds N}
     *     (default 30)
     * @throws IOException if {@code /proc/self/status} cannot be read
     */
    public static void main(String[] args) throws IOException {
        BenchArgs options = new BenchArgs(args);
        int mbPerSecond = options.integer("mb-per-second", 190);
        int liveMb = options.integer("live-mb", 24);
        int seconds = options.integer("seconds", 30);

        byte[][] live = new byte[Math.max(1, liveMb * 1024 * 1024 / OBJECT_BYTES)][];
        long bytesPerMilli = mbPerSecond * 1024L * 1024L / 1000;
        long start = System.nanoTime();
        long nextReport = start + TimeUnit.SECONDS.toNanos(5);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long allocated = 0;
        long checksum = 0;
        int slot = 0;
        System.out.printf("%-7s %12s %6s %15s %12s %10s %10s%n",
                "seconds", "allocated MB", "GCs", "heap committed", "heap used", "VmRSS", "VmHWM");
        for (long tick = start; tick < end; tick += TimeUnit.MILLISECONDS.toNanos(1)) {
            long due = (tick - start) / TimeUnit.MILLISECONDS.toNanos(1) * bytesPerMilli;
            while (allocated < due) {
                byte[] object = new byte[OBJECT_BYTES];
                object[0] = (byte) allocated;
                checksum += object[OBJECT_BYTES - 1];
                if ((allocated / OBJECT_BYTES) % 64 == 0) {
                    // One object in 64 outlives the others for a while, as a bot's remembered keys do.
                    live[slot] = object;
                    slot = (slot + 1) % live.length;
                }
                allocated += OBJECT_BYTES;
            }
            long now = System.nanoTime();
            if (now >= nextReport) {
                report((now - start) / 1_000_000_000.0, allocated);
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
            if (tick > now) {
                LockSupport.parkNanos(tick - now);
            }
        }
        report((System.nanoTime() - start) / 1_000_000_000.0, allocated);
        if (checksum == 42) {
            System.out.println();
        }
    }

    private static void report(double seconds, long allocated) throws IOException {
        long collections = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("%-7.1f %12d %6d %12d MiB %8d MiB %6d MiB %6d MiB%n",
                seconds, allocated >> 20, collections, heap.getCommitted() >> 20, heap.getUsed() >> 20,
                status("VmRSS:") >> 10, status("VmHWM:") >> 10);
    }

    /** A {@code kB} figure of {@code /proc/self/status}. */
    private static long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/self/status");
    }
}
