package dev.chorusbot.bench;

import dev.chorusbot.core.InMemoryStateStore;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.state.file.FileStateStore;
import dev.chorusbot.state.redis.RedisStateStore;
import dev.chorusbot.testkit.redis.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The state stores side by side, one thread, one operation at a time as a handler calls them: the
 * de-duplication's {@code putIfAbsent} of a new key with a TTL, a counter's {@code increment}, and
 * a {@code get}. {@code memory} is the default store, {@code file} the SQLite file store in a
 * temporary directory, {@code redis} the Redis store against a redis-server this benchmark starts
 * on loopback. JMH runs the three parameters one after another in one invocation, so they see the
 * same machine.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar StateStoreBenchmark
 * </pre>
 */
public class StateStoreBenchmark extends SingleThreadThroughput {
    /** Which store. */
    @Param({"memory", "file", "redis"})
    public String store;

    private StateStore state;
    private RedisServer redis;
    private Path dir;
    private long next;

    /** Opens the store (and starts Redis or makes the directory it needs). */
    @Setup
    public void open() throws IOException {
        switch (store) {
            case "memory" -> state = new InMemoryStateStore();
            case "file" -> {
                dir = Files.createTempDirectory("chorus-bench-state");
                state = FileStateStore.open(dir.resolve("state"));
            }
            case "redis" -> {
                redis = RedisServer.start();
                state = RedisStateStore.builder().url(redis.url()).build();
            }
            default -> throw new IllegalArgumentException("no store named " + store);
        }
        state.put("counter", "0", Duration.ZERO);
    }

    /** Closes the store and removes what it left. */
    @TearDown
    public void close() throws Exception {
        if (state instanceof AutoCloseable closeable) {
            closeable.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * A new update's de-duplication mark.
     *
     * @return whether it was new (always)
     */
    @Benchmark
    public boolean putIfAbsent() {
        return state.putIfAbsent("chorus:seen:telegram:42:message:" + next++, "", Duration.ofMinutes(10));
    }

    /**
     * A counter.
     *
     * @return the sum
     */
    @Benchmark
    public long increment() {
        return state.increment("counter", 1, Duration.ZERO);
    }

    /**
     * A read.
     *
     * @return the counter's text
     */
    @Benchmark
    public Object get() {
        return state.get("counter");
    }
}
