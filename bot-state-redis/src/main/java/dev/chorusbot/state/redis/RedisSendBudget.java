package dev.chorusbot.state.redis;

import dev.chorusbot.core.SendBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The send limits as sliding windows in Redis: per limit a sorted set of the sends' times (on
 * Redis's clock, so instances' clocks need not agree), trimmed to the window on every call. One
 * script checks every limit of a send and records it in all or none, so a refusal by one limit
 * takes nothing from the others.
 */
final class RedisSendBudget implements SendBudget {
    static final String PREFIX = "chorus:budget:";
    // Before Redis 5, a script that reads TIME must replicate its effects rather than itself.
    private static final String TAKE = "if redis.replicate_commands then redis.replicate_commands() end\n"
            + "local t = redis.call('TIME')\n"
            + "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"
            + "local wait = 0\n"
            + "for i, key in ipairs(KEYS) do\n"
            + "  local max = tonumber(ARGV[2 * i])\n"
            + "  local window = tonumber(ARGV[2 * i + 1])\n"
            + "  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)\n"
            + "  local count = redis.call('ZCARD', key)\n"
            + "  if count >= max then\n"
            + "    local oldest = redis.call('ZRANGE', key, count - max, count - max, 'WITHSCORES')\n"
            + "    local w = tonumber(oldest[2]) + window - now\n"
            + "    if w < 1 then w = 1 end\n"
            + "    if w > wait then wait = w end\n"
            + "  end\n"
            + "end\n"
            + "if wait > 0 then return wait end\n"
            + "for i, key in ipairs(KEYS) do\n"
            + "  redis.call('ZADD', key, now, ARGV[1])\n"
            + "  redis.call('PEXPIRE', key, tonumber(ARGV[2 * i + 1]))\n"
            + "end\n"
            + "return 0\n";

    private final RedisStateStore store;
    private final long marginMillis;
    private final Script take = new Script(TAKE);
    // Members must differ between sends, also those of other instances in the same millisecond.
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sends = new AtomicLong();

    RedisSendBudget(RedisStateStore store, Duration margin) {
        this.store = store;
        this.marginMillis = margin.toMillis();
    }

    @Override
    public Duration tryTake(List<Limit> limits) {
        if (limits.isEmpty()) {
            return Duration.ZERO;
        }
        List<String> keys = new ArrayList<>(limits.size());
        List<String> args = new ArrayList<>(1 + 2 * limits.size());
        args.add(instance + ":" + sends.incrementAndGet());
        for (Limit limit : limits) {
            keys.add(PREFIX + limit.key());
            args.add(Integer.toString(limit.max()));
            args.add(Long.toString(Math.max(1, limit.window().toMillis()) + marginMillis));
        }
        long wait = (Long) store.once(() -> take.run(store.redis(), keys, args));
        return Duration.ofMillis(wait);
    }
}
