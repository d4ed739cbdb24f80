package dev.chorusbot.core;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A middleware that counts what the bot handles: events, commands by name, failures, and the time
 * spent in the rest of the chain. Add it with {@code Bot.Builder.middleware(metrics)} and read
 * {@link #snapshot()} from a health endpoint or a scheduled log line; export the numbers to your
 * metrics system from there.
 *
 * <p>Thread-safe and cheap: counters are {@link LongAdder}s, so handlers on many threads do not
 * contend.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class CommandMetrics implements Middleware {
    private final LongAdder events = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();

    /**
     * The counts at one moment.
     *
     * @param events events that reached this middleware
     * @param commands runs per command name
     * @param failures invocations whose chain threw
     * @param totalNanos time spent in the rest of the chain, summed
     */
    public record Snapshot(long events, Map<String, Long> commands, long failures, long totalNanos) {

        /**
         * Copies the components.
         *
         * @param events events that reached this middleware
         * @param commands runs per command name; copied, keeping the names in alphabetical order
         * @param failures invocations whose chain threw
         * @param totalNanos time spent in the rest of the chain, summed, in nanoseconds
         */
        public Snapshot {
            commands = Collections.unmodifiableMap(new TreeMap<>(commands));
        }

        /**
         * Mean time per event in the rest of the chain, in microseconds; 0 when none was counted.
         *
         * @return the mean in microseconds
         */
        public double meanMicros() {
            return events == 0 ? 0 : totalNanos / 1000.0 / events;
        }
    }

    @Override
    public Reply handle(Invocation invocation, Chain chain) throws Exception {
        events.increment();
        invocation.command().ifPresent(call ->
                commands.computeIfAbsent(call.command().name(), name -> new LongAdder()).increment());
        long start = System.nanoTime();
        try {
            return chain.proceed(invocation);
        } catch (Exception | Error e) {
            failures.increment();
            throw e;
        } finally {
            nanos.add(System.nanoTime() - start);
        }
    }

    /**
     * The counts now.
     *
     * @return a snapshot of the counters; later events do not change it
     */
    public Snapshot snapshot() {
        Map<String, Long> byName = new TreeMap<>();
        commands.forEach((name, count) -> byName.put(name, count.sum()));
        return new Snapshot(events.sum(), byName, failures.sum(), nanos.sum());
    }
}
