package dev.chorusbot.telegram;

import java.time.Duration;
import java.util.PriorityQueue;

/** A scheduler whose time moves only when a test calls {@link #advance(long)}. */
final class ManualScheduler implements Scheduler {
    private record Task(long at, long seq, Runnable run) {}

    private final PriorityQueue<Task> tasks =
            new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    @Override
    public synchronized long millis() {
        return now;
    }

    @Override
    public synchronized void schedule(Runnable task, long delayMillis) {
        tasks.add(new Task(now + Math.max(0, delayMillis), seq++, task));
        notifyAll();
    }

    /** Moves time forward by {@code millis}, running every task that falls due, in order. */
    void advance(long millis) {
        long target;
        synchronized (this) {
            target = now + millis;
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.at > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = next.at;
            }
            next.run.run();
        }
    }

    /** Tasks waiting to fall due. */
    synchronized int scheduled() {
        return tasks.size();
    }

    /** The time the earliest waiting task falls due, or -1. */
    synchronized long nextDue() {
        return tasks.isEmpty() ? -1 : tasks.peek().at;
    }

    /** Waits (real time) until at least {@code count} tasks are scheduled. */
    synchronized void awaitScheduled(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (tasks.size() < count) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new AssertionError("expected " + count + " scheduled tasks, have " + tasks.size());
            }
            wait(left);
        }
    }
}
