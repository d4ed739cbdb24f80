package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.StateStore.Scored;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link StateStore} contract, run against every implementation: each store's test extends
 * this class and supplies a fresh, empty store. Published in bot-core's test jar
 * ({@code <classifier>tests</classifier>}, test scope) for the store modules.
 *
 * <p>Expiry is checked on the real clock with short TTLs and a poll with a deadline, because a
 * shared store (Redis) expires keys on its own clock; keys and indexes carry a random prefix so
 * that stores reused between tests do not see each other's data.
 */
public abstract class StateStoreContract {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** The store under test; created for each test by {@link #newStore()}. */
    protected StateStore store;
    /** A prefix unique to the running test, for keys and index names. */
    protected String ns;

    /**
     * A fresh store for one test.
     *
     * @return the store
     * @throws Exception when it cannot be created
     */
    protected abstract StateStore newStore() throws Exception;

    /**
     * Releases the store after a test; closes it when it is {@link AutoCloseable}.
     *
     * @param used the store the test used
     * @throws Exception when closing fails
     */
    protected void closeStore(StateStore used) throws Exception {
        if (used instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @BeforeEach
    final void createStore() throws Exception {
        store = newStore();
        ns = "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    @AfterEach
    final void dropStore() throws Exception {
        closeStore(store);
    }

    @Test
    void getOfAnAbsentKeyIsEmpty() {
        assertThat(store.get(ns + "absent")).isEmpty();
    }

    @Test
    void putThenGetAndReplace() {
        store.put(ns + "k", "v1", Duration.ZERO);
        assertThat(store.get(ns + "k")).contains("v1");
        store.put(ns + "k", "v2 with spaces, ünïcödé and \"quotes\"", Duration.ofHours(1));
        assertThat(store.get(ns + "k")).contains("v2 with spaces, ünïcödé and \"quotes\"");
    }

    @Test
    void valuesExpireAfterTheirTtl() {
        store.put(ns + "k", "v", SHORT);
        store.put(ns + "forever", "v", Duration.ZERO);
        store.put(ns + "long", "v", Duration.ofHours(1));
        awaitAbsent(ns + "k");
        assertThat(store.get(ns + "forever")).contains("v");
        assertThat(store.get(ns + "long")).contains("v");
    }

    @Test
    void putReplacesTheExpiry() {
        store.put(ns + "k", "v", SHORT);
        store.put(ns + "k", "w", Duration.ZERO);
        store.put(ns + "witness", "v", SHORT); // expires no earlier than k's first TTL would have
        awaitAbsent(ns + "witness");
        assertThat(store.get(ns + "k")).contains("w");
    }

    @Test
    void putIfAbsentStoresOnlyOnceUntilExpiry() {
        assertThat(store.putIfAbsent(ns + "k", "a", SHORT)).isTrue();
        assertThat(store.putIfAbsent(ns + "k", "b", SHORT)).isFalse();
        assertThat(store.get(ns + "k")).contains("a");
        awaitAbsent(ns + "k");
        assertThat(store.putIfAbsent(ns + "k", "c", Duration.ZERO)).isTrue();
        assertThat(store.get(ns + "k")).contains("c");
    }

    @Test
    void incrementStartsAtZeroCountsAndKeepsTheFirstExpiry() {
        assertThat(store.increment(ns + "n", 1, Duration.ZERO)).isEqualTo(1);
        assertThat(store.increment(ns + "n", 41, Duration.ZERO)).isEqualTo(42);
        assertThat(store.increment(ns + "n", -50, Duration.ZERO)).isEqualTo(-8);
        assertThat(store.get(ns + "n")).contains("-8");

        assertThat(store.increment(ns + "e", 1, SHORT)).isEqualTo(1);
        assertThat(store.increment(ns + "e", 1, Duration.ZERO)).isEqualTo(2);
        awaitAbsent(ns + "e");
        assertThat(store.increment(ns + "e", 5, Duration.ZERO)).isEqualTo(5);
    }

    @Test
    void incrementRefusesANonNumber() {
        store.put(ns + "k", "text", Duration.ZERO);
        assertThatThrownBy(() -> store.increment(ns + "k", 1, Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a number");
        assertThat(store.get(ns + "k")).contains("text");
    }

    @Test
    void removeDeletesAndIgnoresAbsentKeys() {
        store.put(ns + "k", "v", Duration.ZERO);
        store.remove(ns + "k");
        store.remove(ns + "never");
        assertThat(store.get(ns + "k")).isEmpty();
        assertThat(store.putIfAbsent(ns + "k", "again", Duration.ZERO)).isTrue();
    }

    @Test
    void aNegativeTtlIsRefused() {
        assertThatThrownBy(() -> store.put(ns + "k", "v", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentPutIfAbsentLetsExactlyOneWin() throws Exception {
        List<Boolean> results = race(16, () -> store.putIfAbsent(ns + "once", "v", Duration.ZERO));
        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void concurrentIncrementsAreAllCounted() throws Exception {
        race(8, () -> {
            for (int i = 0; i < 50; i++) {
                store.increment(ns + "count", 1, Duration.ZERO);
            }
            return true;
        });
        assertThat(store.get(ns + "count")).contains("400");
    }

    @Test
    void indexRangeIsOrderedByScoreThenMemberUpToTheLimit() {
        String index = ns + "jobs";
        store.addToIndex(index, "c", 30);
        store.addToIndex(index, "b", 10);
        store.addToIndex(index, "a", 10);
        store.addToIndex(index, "d", 1_700_000_000_000L);
        assertThat(store.indexRange(index, Long.MAX_VALUE, 10)).containsExactly(
                new Scored("a", 10), new Scored("b", 10), new Scored("c", 30),
                new Scored("d", 1_700_000_000_000L));
        assertThat(store.indexRange(index, 29, 10))
                .containsExactly(new Scored("a", 10), new Scored("b", 10));
        assertThat(store.indexRange(index, Long.MAX_VALUE, 2))
                .containsExactly(new Scored("a", 10), new Scored("b", 10));
        assertThat(store.indexRange(index, 9, 10)).isEmpty();
        assertThat(store.indexRange(ns + "absent", Long.MAX_VALUE, 10)).isEmpty();
    }

    @Test
    void addingAMemberAgainMovesIt() {
        String index = ns + "jobs";
        store.addToIndex(index, "a", 10);
        store.addToIndex(index, "b", 20);
        store.addToIndex(index, "a", 30);
        assertThat(store.indexRange(index, Long.MAX_VALUE, 10))
                .containsExactly(new Scored("b", 20), new Scored("a", 30));
    }

    @Test
    void negativeAndLargeScoresKeepTheirOrder() {
        String index = ns + "jobs";
        long large = 1L << 53;
        store.addToIndex(index, "big", large);
        store.addToIndex(index, "neg", -5);
        store.addToIndex(index, "zero", 0);
        assertThat(store.indexRange(index, Long.MAX_VALUE, 10)).containsExactly(
                new Scored("neg", -5), new Scored("zero", 0), new Scored("big", large));
    }

    @Test
    void removeFromIndexTellsWhetherItRemoved() {
        String index = ns + "jobs";
        store.addToIndex(index, "a", 1);
        assertThat(store.removeFromIndex(index, "a")).isTrue();
        assertThat(store.removeFromIndex(index, "a")).isFalse();
        assertThat(store.removeFromIndex(ns + "absent", "a")).isFalse();
        assertThat(store.indexRange(index, Long.MAX_VALUE, 10)).isEmpty();
    }

    @Test
    void indexesAreSeparateFromKeysAndFromEachOther() {
        store.addToIndex(ns + "one", "m", 1);
        store.addToIndex(ns + "two", "m", 2);
        store.put(ns + "m", "value", Duration.ZERO);
        assertThat(store.indexRange(ns + "one", Long.MAX_VALUE, 10)).containsExactly(new Scored("m", 1));
        assertThat(store.indexRange(ns + "two", Long.MAX_VALUE, 10)).containsExactly(new Scored("m", 2));
        assertThat(store.get(ns + "m")).contains("value");
    }

    @Test
    void concurrentRemovalsOfOneMemberLetExactlyOneClaimIt() throws Exception {
        String index = ns + "jobs";
        for (int i = 0; i < 20; i++) {
            store.addToIndex(index, "job" + i, i);
        }
        List<Boolean> claims = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String member = "job" + i;
            claims.addAll(race(6, () -> store.removeFromIndex(index, member)));
        }
        assertThat(claims).filteredOn(Boolean::booleanValue).hasSize(20);
        assertThat(store.indexRange(index, Long.MAX_VALUE, 100)).isEmpty();
    }

    @Test
    void aNonPositiveLimitIsRefused() {
        assertThatThrownBy(() -> store.indexRange(ns + "jobs", 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Runs {@code task} on {@code threads} threads started together and returns their results.
     *
     * @param threads how many run at once
     * @param task the task
     * @param <T> its result
     * @return each thread's result
     * @throws Exception when a task failed
     */
    protected static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitAbsent(String key) {
        await(() -> store.get(key).isEmpty(), key + " to expire");
    }

    private static void await(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // the poll's interval
        }
    }
}
