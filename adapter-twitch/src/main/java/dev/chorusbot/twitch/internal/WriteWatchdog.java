package dev.chorusbot.twitch.internal;

import dev.chorusbot.core.time.ScheduledTask;
import dev.chorusbot.core.time.Scheduler;
import java.time.Duration;

/**
 * Ends a write that does not finish. A TCP write blocks while the server takes no data (its buffers
 * full): the event loop, and with it the keep-alive that would find the connection dead, would wait
 * forever. The watchdog closes such a connection, which ends the write with an IOException.
 *
 * <p>A write only notes when it started ({@link #begin}: two volatile writes); one periodic check on
 * the scheduler's thread, never the event loop, compares that start with the limit. Nothing is
 * scheduled or cancelled per line: a timer per write woke the timer thread on every line and halved
 * TCP throughput (docs/performance.md).
 */
final class WriteWatchdog {
    private final Scheduler scheduler;
    private final long limitNanos;
    private final Duration every;
    /** The connection being written to, null when no write runs, and since when (scheduler nanos). */
    private volatile IrcTransport writing;
    private volatile long startedNanos;
    /** Set by the check when it closed a connection whose write took too long. */
    private volatile boolean timedOut;
    private ScheduledTask check;

    /** A watchdog closing writes that run {@code limit} or longer, checking every {@code every}. */
    WriteWatchdog(Scheduler scheduler, Duration limit, Duration every) {
        this.scheduler = scheduler;
        this.limitNanos = limit.toNanos();
        this.every = every;
    }

    /** Starts the periodic check. */
    synchronized void start() {
        if (check == null) {
            check = scheduler.scheduleAtFixedRate(every, every, this::check);
        }
    }

    /** Stops the periodic check. */
    synchronized void stop() {
        if (check != null) {
            check.cancel();
        }
    }

    /** A write to {@code transport} starts now. */
    void begin(IrcTransport transport) {
        startedNanos = scheduler.nanoTime(); // before writing: a check that sees the write sees its start
        writing = transport;
    }

    /** The write started by {@link #begin} ended. */
    void end() {
        writing = null;
    }

    /** Whether the watchdog closed the connection since the last call: the write failed because it stalled. */
    boolean takeTimedOut() {
        boolean was = timedOut;
        timedOut = false;
        return was;
    }

    /** On the scheduler's thread: closes the connection of a write running for the limit or longer. */
    void check() {
        IrcTransport stuck = writing;
        if (stuck == null) {
            return;
        }
        long started = startedNanos;
        // Still the same write (not one that ended, nor a later one to the same connection)?
        if (scheduler.nanoTime() - started >= limitNanos && writing == stuck && startedNanos == started) {
            timedOut = true;
            stuck.close();
        }
    }
}
