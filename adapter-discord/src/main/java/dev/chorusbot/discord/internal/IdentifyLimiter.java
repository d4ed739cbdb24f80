package dev.chorusbot.discord.internal;

import dev.chorusbot.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a shard may IDENTIFY, after Discord's two limits on starting sessions:
 * <ul>
 *   <li>{@code max_concurrency} identifies per 5 s: a shard's rate-limit key is
 *       {@code shard_id % max_concurrency}, and each key starts one session per 5 s (Gateway:
 *       "Max Concurrency"; more is answered with Invalid Session);</li>
 *   <li>{@code session_start_limit.remaining}: when no start remains, wait {@code reset_after}
 *       (Gateway: "Clients are limited to 1000 IDENTIFY calls ... Upon hitting this limit, all
 *       active sessions for the app will be terminated, the bot token will be reset").</li>
 * </ul>
 * Shards start by bucket in order (Gateway: "you must start them by bucket in order"): until every
 * shard has started once, a shard waits for the shards of its key with lower ids. Resumes are not
 * limited by either. Thread-safe; waits are tasks on the bot's scheduler.
 */
final class IdentifyLimiter {
    private static final Logger log = LoggerFactory.getLogger(IdentifyLimiter.class);
    /**
     * Discord's 5 s, and a tenth of a second more: Discord counts when an identify arrives, and
     * one sent a little late must not arrive within 5 s of the next one.
     */
    static final Duration WINDOW = Duration.ofMillis(5_100);
    /** Discord's session start limit resets once a day. */
    private static final Duration DAY = Duration.ofHours(24);

    private final Scheduler time;
    private final int maxConcurrency;
    private final int total;
    /** The last identify of each rate-limit key, in nanos; absent keys have never identified. */
    private final long[] lastStart;
    private final boolean[] started;
    /** Per key, the lowest shard id of the key that has not started yet; its turn comes first. */
    private final int[] nextInOrder;
    private final int shardCount;
    private int remaining;
    private long resetAtNanos;

    IdentifyLimiter(Scheduler time, GatewayInfo info, int shardCount) {
        this.time = time;
        this.maxConcurrency = info.maxConcurrency();
        this.total = info.total();
        this.remaining = info.remaining();
        this.resetAtNanos = time.nanoTime() + info.resetAfter().toNanos();
        this.lastStart = new long[maxConcurrency];
        this.started = new boolean[maxConcurrency];
        this.shardCount = shardCount;
        this.nextInOrder = new int[maxConcurrency];
        for (int key = 0; key < maxConcurrency; key++) {
            nextInOrder[key] = key;
        }
    }

    /**
     * Runs {@code identify} on {@code loop} as soon as shard {@code shardId} may identify, unless
     * {@code wanted} says by then that it no longer needs to (its connection closed meanwhile).
     */
    void acquire(int shardId, BooleanSupplier wanted, Executor loop, Runnable identify) {
        if (!wanted.getAsBoolean()) {
            return;
        }
        long wait = tryTake(shardId);
        if (wait == 0) {
            identify.run();
        } else {
            time.schedule(Duration.ofNanos(wait), () -> loop.execute(() -> acquire(shardId, wanted, loop, identify)));
        }
    }

    /** 0 when shard {@code shardId} took a start now, else nanoseconds until it may try again. */
    synchronized long tryTake(int shardId) {
        long now = time.nanoTime();
        if (remaining <= 0) {
            if (now - resetAtNanos < 0) {
                long wait = resetAtNanos - now;
                log.warn("Discord allows no more Gateway session starts until its limit resets in {} s;"
                        + " shard {} waits", Duration.ofNanos(wait).toSeconds(), shardId);
                return wait;
            }
            remaining = total;
            resetAtNanos = now + DAY.toNanos();
        }
        int key = shardId % maxConcurrency;
        if (shardId > nextInOrder[key] && nextInOrder[key] < shardCount) {
            return WINDOW.toNanos(); // a lower shard of this key goes first; ask again a window later
        }
        if (started[key] && now - lastStart[key] < WINDOW.toNanos()) {
            return WINDOW.toNanos() - (now - lastStart[key]);
        }
        started[key] = true;
        lastStart[key] = now;
        nextInOrder[key] = Math.max(nextInOrder[key], shardId + maxConcurrency);
        remaining--;
        return 0;
    }
}
