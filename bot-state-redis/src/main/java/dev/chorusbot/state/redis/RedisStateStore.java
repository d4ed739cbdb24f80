package dev.chorusbot.state.redis;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.SendBudget;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.StateUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.Tuple;

/**
 * A {@link StateStore} in Redis, shared by every instance of a bot: de-duplication, cooldowns,
 * counters, scheduled jobs and the platforms' send budgets ({@link #sendBudget()}) then hold across
 * instances. Each call is one Redis command or one Lua script, so each is atomic; TTLs are Redis's
 * own ({@code PX}), and sorted indexes are sorted sets.
 *
 * <pre>{@code
 * RedisStateStore store = RedisStateStore.builder().url("redis://localhost:6379/0").build();
 * Bot bot = Bot.builder().command(hello).stateStore(store).fromEnv().build();
 * }</pre>
 * or, from the environment, {@code CHORUS_STATE=redis://localhost:6379/0}.
 *
 * <p>Connections come from a pool (Jedis over commons-pool2); a connection that broke is dropped
 * and the next call opens a new one, so the store recovers by itself when Redis comes back. While
 * Redis cannot be reached, a call fails after the timeout with a {@link StateUnavailableException}
 * naming the host; the bot then leaves the event unanswered so that the platform delivers it again
 * (a webhook is answered 503). Commands that may safely run twice (get, put, remove and the index
 * reads and writes) are tried once more on a fresh connection first, so that a connection the
 * server closed while idle costs nothing.
 *
 * <p>Redis Cluster is not supported: the send budget's script touches several keys. A replicated
 * primary with replicas (ElastiCache or Memorystore with cluster mode off) is what to use.
 * {@link #toString()}, logs and messages never show the password.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class RedisStateStore implements StateStore, AutoCloseable {
    private static final String INCREMENT = "local existed = redis.call('EXISTS', KEYS[1])\n"
            + "local sum = redis.call('INCRBY', KEYS[1], ARGV[1])\n"
            + "if existed == 0 and tonumber(ARGV[2]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end\n"
            + "return sum\n";

    private final RedisUrl url;
    private final UnifiedJedis redis;
    private final Script increment;
    private final RedisSendBudget budget;

    private RedisStateStore(Builder builder, RedisUrl url) {
        this.url = url;
        Duration timeout = url.timeout().orElse(builder.timeout);
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(timeout))
                .socketTimeoutMillis(millis(timeout))
                .database(url.database())
                .ssl(url.tls())
                .clientName("chorus");
        url.user().ifPresent(client::user);
        url.password().ifPresent(client::password);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(builder.maxConnections);
        pool.setMaxIdle(builder.maxConnections);
        pool.setMinIdle(0);
        // A caller waits this long for a free connection before the call fails, as for a slow Redis.
        pool.setMaxWait(timeout);
        // Idle connections are checked now and then, so ones the server or a proxy closed are dropped.
        pool.setTestWhileIdle(true);
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
        pool.setJmxEnabled(false);
        this.redis = RedisClient.builder().hostAndPort(url.host(), url.port()).clientConfig(client.build())
                .poolConfig(pool).build();
        this.increment = new Script(INCREMENT);
        this.budget = new RedisSendBudget(this, url.budgetMargin().orElse(builder.budgetMargin));
    }

    /**
     * A builder; {@link Builder#url(String)} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<String> get(String key) {
        notNull(key, "key");
        return Optional.ofNullable(retried(() -> redis.get(key)));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        notNull(key, "key");
        notNull(value, "value");
        long px = ttlMillis(ttl);
        retried(() -> px == 0 ? redis.set(key, value) : redis.set(key, value, SetParams.setParams().px(px)));
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        notNull(key, "key");
        notNull(value, "value");
        long px = ttlMillis(ttl);
        SetParams params = px == 0 ? SetParams.setParams().nx() : SetParams.setParams().nx().px(px);
        return once(() -> redis.set(key, value, params)) != null;
    }

    @Override
    public long increment(String key, long delta, Duration ttl) {
        notNull(key, "key");
        long px = ttlMillis(ttl);
        try {
            Object sum = once(() -> increment.run(redis, List.of(key), List.of(Long.toString(delta), Long.toString(px))));
            return (Long) sum;
        } catch (IllegalStateException e) {
            throw new IllegalStateException("value under '" + key + "' is not a number");
        }
    }

    @Override
    public void remove(String key) {
        notNull(key, "key");
        retried(() -> redis.del(key));
    }

    @Override
    public void addToIndex(String index, String member, long score) {
        notNull(index, "index");
        if (notNull(member, "member").isEmpty()) {
            throw new IllegalArgumentException("member must not be empty");
        }
        retried(() -> redis.zadd(index, (double) score, member));
    }

    @Override
    public List<Scored> indexRange(String index, long maxScore, int limit) {
        notNull(index, "index");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        List<Tuple> tuples = retried(() -> redis.zrangeByScoreWithScores(index, Double.NEGATIVE_INFINITY,
                (double) maxScore, 0, limit));
        List<Scored> scored = new ArrayList<>(tuples.size());
        for (Tuple tuple : tuples) {
            scored.add(new Scored(tuple.getElement(), (long) tuple.getScore()));
        }
        return scored;
    }

    @Override
    public boolean removeFromIndex(String index, String member) {
        notNull(index, "index");
        notNull(member, "member");
        return once(() -> redis.zrem(index, member)) == 1L;
    }

    /**
     * The platforms' send limits counted in Redis for every instance sharing it: one Lua script
     * keeps a sliding window per limit (a sorted set of send times, on Redis's own clock) and takes
     * a send from all of a call's limits or from none.
     *
     * @return the shared budget
     */
    @Override
    public SendBudget sendBudget() {
        return budget;
    }

    /** Closes the pool's connections. */
    @Override
    public void close() {
        redis.close();
    }

    /**
     * Where the store connects, without the password.
     *
     * @return for example {@code RedisStateStore[redis://localhost:6379/0]}
     */
    @Override
    public String toString() {
        return "RedisStateStore[" + url + "]";
    }

    /** Runs a command that must not run twice (its answer says what it did). */
    <T> T once(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw translated(e);
        }
    }

    /** Runs a command that may run twice, once more on a fresh connection after a broken one. */
    private <T> T retried(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisConnectionException e) {
            return once(command);
        } catch (JedisException e) {
            throw translated(e);
        }
    }

    private RuntimeException translated(JedisException e) {
        if (e instanceof JedisDataException && !(e instanceof JedisAccessControlException)) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("WRONGTYPE") || message.contains("not an integer")) {
                // The data is wrong, not the server: the caller's mistake, not an outage.
                return new IllegalStateException(message, e);
            }
        }
        // Cannot connect, timed out, WRONGPASS, LOADING, READONLY after a failover, OOM...
        return unavailable(e);
    }

    UnifiedJedis redis() {
        return redis;
    }

    private StateUnavailableException unavailable(JedisException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // Jedis's messages name hosts, not passwords; the password is scrubbed all the same.
        String pw = url.password().orElse(null);
        if (pw != null) {
            reason = reason.replace(pw, "<password>");
        }
        return new StateUnavailableException("Redis at " + url.host() + ":" + url.port()
                + " could not be used: " + reason, null);
    }

    private static long ttlMillis(Duration ttl) {
        notNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
        }
        if (ttl.isZero()) {
            return 0;
        }
        // PX takes whole milliseconds, at least 1; a TTL past what a long holds is as good as forever.
        try {
            return Math.max(1, ttl.toMillis() + (ttl.toNanosPart() % 1_000_000 == 0 ? 0 : 1));
        } catch (ArithmeticException e) {
            return 0;
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    private static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /** Configures a {@link RedisStateStore}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private String url;
        private String source = "url(...)";
        private Duration timeout = Duration.ofSeconds(2);
        private int maxConnections = 16;
        private Duration budgetMargin = Duration.ofMillis(100);
        private final List<String> problems = new ArrayList<>();

        private Builder() {}

        /**
         * Where Redis is.
         *
         * @param value {@code redis://[user:password@]host:port[/db]}, or {@code rediss://…} for
         *     TLS; port 6379 and database 0 by default. The query may set {@code timeout} and
         *     {@code budgetMargin} ({@code ?timeout=2s&budgetMargin=200ms}), which win over the setters
         * @return this builder
         */
        public Builder url(String value) {
            this.url = value;
            this.source = "url(...)";
            return this;
        }

        /**
         * The URL, with the name of where it came from for the problems' sentences.
         *
         * @param value the URL
         * @param from the source, such as {@code CHORUS_STATE}
         * @return this builder
         */
        public Builder url(String value, String from) {
            this.url = value;
            this.source = notNull(from, "from");
            return this;
        }

        /**
         * How long a connect, a command, or the wait for a free pooled connection may take before
         * the call fails with a {@link StateUnavailableException}; default 2 seconds.
         *
         * @param value positive
         * @return this builder
         */
        public Builder timeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                problems.add("timeout must be positive, was " + value);
            } else {
                this.timeout = value;
            }
            return this;
        }

        /**
         * The most connections the pool opens; default 16.
         *
         * @param value positive
         * @return this builder
         */
        public Builder maxConnections(int value) {
            if (value <= 0) {
                problems.add("maxConnections must be positive, was " + value);
            } else {
                this.maxConnections = value;
            }
            return this;
        }

        /**
         * How much longer than the platform's each send-budget window is counted, so that sends
         * that take different times to reach the platform still arrive within its limit; default
         * 100 milliseconds (so Telegram's 30 a second become about 27).
         *
         * @param value zero or more
         * @return this builder
         */
        public Builder budgetMargin(Duration value) {
            if (value == null || value.isNegative()) {
                problems.add("budgetMargin must not be negative, was " + value);
            } else {
                this.budgetMargin = value;
            }
            return this;
        }

        /**
         * The store. Connections are opened on first use, so building does not need Redis up.
         *
         * @return the store; close it when done
         * @throws ConfigurationException listing every problem, each naming its setter or variable
         */
        public RedisStateStore build() {
            List<String> found = new ArrayList<>(problems);
            RedisUrl parsed = null;
            if (url == null || url.isBlank()) {
                found.add("url is required: redis://[user:password@]host:port[/db]");
            } else {
                parsed = RedisUrl.parse(url, source, found);
            }
            if (!found.isEmpty()) {
                throw new ConfigurationException(found);
            }
            return new RedisStateStore(this, parsed);
        }
    }
}
