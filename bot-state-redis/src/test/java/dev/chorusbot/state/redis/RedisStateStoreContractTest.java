package dev.chorusbot.state.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.StateStoreContract;
import dev.chorusbot.testkit.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The {@link StateStore} contract against a real redis-server on loopback. */
class RedisStateStoreContractTest extends StateStoreContract {
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        assumeTrue(RedisServer.unavailableReason().isEmpty(), RedisServer.unavailableReason().orElse(""));
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected StateStore newStore() {
        return RedisStateStore.builder().url(redis.url()).build();
    }
}
