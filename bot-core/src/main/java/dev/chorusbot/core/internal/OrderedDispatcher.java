package dev.chorusbot.core.internal;

import dev.chorusbot.core.EventNotTakenException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs tasks on an executor so that tasks with the same key run one after another in submission
 * order, while tasks with different keys run in parallel. Each key with pending work has a lane; a
 * lane occupies at most one executor thread at a time and disappears when it runs dry, so memory
 * follows the number of busy chats, not the number ever seen.
 */
public final class OrderedDispatcher {
    /** After this many tasks a lane yields its thread so one busy chat cannot starve the others. */
    private static final int BATCH = 64;

    /** The dispatcher whose task the current thread is running, if any. */
    private static final ThreadLocal<OrderedDispatcher> RUNNING = new ThreadLocal<>();

    private final Executor executor;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Object idle = new Object();
    private long pending; // guarded by idle
    private boolean closed; // guarded by idle

    /** A dispatcher running tasks on {@code executor}. */
    public OrderedDispatcher(Executor executor) {
        this.executor = Checks.notNull(executor, "executor");
    }

    /**
     * Queues {@code work} behind earlier work of the same key.
     *
     * @return completes with the work's result or exception; fails at once with an
     *     {@link EventNotTakenException} when closed
     */
    public <T> CompletableFuture<T> submit(String key, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            OrderedDispatcher outer = RUNNING.get();
            RUNNING.set(this);
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                if (outer == null) {
                    RUNNING.remove();
                } else {
                    RUNNING.set(outer);
                }
                done();
            }
        };
        // The check and the count under one lock with close(): work accepted before close() is
        // always counted, so awaitIdle() after close() waits for it.
        synchronized (idle) {
            if (closed) {
                result.completeExceptionally(new EventNotTakenException("the bot is stopping"));
                return result;
            }
            pending++;
        }
        Lane[] toStart = new Lane[1];
        lanes.compute(key, (k, lane) -> {
            if (lane == null) {
                lane = new Lane(k);
                toStart[0] = lane;
            }
            lane.queue.add(task);
            return lane;
        });
        if (toStart[0] != null) {
            schedule(toStart[0]);
        }
        return result;
    }

    /** Refuses new work from now on; work already queued still runs. */
    public void close() {
        synchronized (idle) {
            closed = true;
        }
    }

    /**
     * True when the calling thread is running one of this dispatcher's tasks: such a caller must
     * not {@link #awaitIdle wait for idleness}, which could only come once it returned.
     */
    public boolean isRunningTask() {
        return RUNNING.get() == this;
    }

    /** The number of tasks queued or running. */
    public long pending() {
        synchronized (idle) {
            return pending;
        }
    }

    /**
     * Waits until every queued task has run, or {@code timeout} passed.
     *
     * @return true when nothing is pending
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private void done() {
        synchronized (idle) {
            if (--pending == 0) {
                idle.notifyAll();
            }
        }
    }

    private void schedule(Lane lane) {
        try {
            executor.execute(lane);
        } catch (RejectedExecutionException e) {
            // The executor was shut down under us: run the lane here rather than lose its tasks.
            lane.run();
        }
    }

    private final class Lane implements Runnable {
        private final String key;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>(); // guarded by lanes.compute(key)

        Lane(String key) {
            this.key = key;
        }

        @Override
        public void run() {
            for (int ran = 0; ; ran++) {
                if (ran == BATCH) {
                    schedule(this); // yield; the lane stays in the map, so order is kept
                    return;
                }
                Runnable next = take();
                if (next == null) {
                    return;
                }
                next.run();
            }
        }

        private Runnable take() {
            Runnable[] next = new Runnable[1];
            lanes.compute(key, (k, lane) -> {
                next[0] = lane.queue.poll();
                return next[0] == null ? null : lane; // an empty lane leaves the map
            });
            return next[0];
        }
    }
}
