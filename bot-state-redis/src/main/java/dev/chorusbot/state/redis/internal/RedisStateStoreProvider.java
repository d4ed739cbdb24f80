package dev.chorusbot.state.redis.internal;

import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.StateStoreProvider;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.state.redis.RedisStateStore;
import java.util.List;

/** Builds the Redis store for {@code CHORUS_STATE=redis://…} and {@code rediss://…}. */
public final class RedisStateStoreProvider implements StateStoreProvider {

    /** A provider; does no work. */
    public RedisStateStoreProvider() {}

    @Override
    public List<String> schemes() {
        return List.of("redis", "rediss");
    }

    @Override
    public StateStore create(String value, String source, Scheduler scheduler) {
        // Redis keeps time for the TTLs itself: the scheduler has no part in it.
        return RedisStateStore.builder().url(value, source).build();
    }
}
