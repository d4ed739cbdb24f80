package dev.chorusbot.state.file;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.StateUnavailableException;
import dev.chorusbot.core.time.Scheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A durable {@link StateStore} in one SQLite file, for a bot on one machine: de-duplication,
 * cooldowns, counters and scheduled jobs survive a restart, and a crash.
 *
 * <pre>{@code
 * FileStateStore store = FileStateStore.open(Path.of("/var/lib/mybot/state"));
 * Bot bot = Bot.builder().command(hello).stateStore(store).fromEnv().build();
 * }</pre>
 * or, from the environment, {@code CHORUS_STATE=file:/var/lib/mybot/state}.
 *
 * <p><b>Durability.</b> Every call is one SQLite transaction, committed before the call returns,
 * in SQLite's write-ahead log ({@code journal_mode=WAL}, {@code synchronous=NORMAL}): a write
 * that returned survives the process being killed (SIGKILL, an out-of-memory kill) at any moment.
 * The log is synced to the disk at checkpoints, not at every commit, so a power cut or a kernel
 * crash may lose the last writes before it (SQLite's documented trade-off for WAL with NORMAL);
 * the file itself stays consistent.
 *
 * <p><b>Atomicity.</b> Put-if-absent and the index removal are single statements; an increment
 * reads and writes in one immediate transaction. Several processes may share the file (SQLite
 * locks it; a writer waits up to 5 seconds for another), though the store is meant for one.
 * Expired keys are read as absent and swept every few thousand writes.
 *
 * <p>A write the file cannot take (the disk is full, the file was made read-only) fails with a
 * {@link StateUnavailableException} naming the file. Close the store to release it.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class FileStateStore implements StateStore, AutoCloseable {
    private static final int SWEEP_EVERY = 4096;

    private final Path path;
    private final Scheduler scheduler;
    private final Connection db;
    private final PreparedStatement get;
    private final PreparedStatement put;
    private final PreparedStatement putIfAbsent;
    private final PreparedStatement remove;
    private final PreparedStatement addToIndex;
    private final PreparedStatement indexRange;
    private final PreparedStatement removeFromIndex;
    private final PreparedStatement sweep;
    private int writesSinceSweep;
    private boolean closed;

    private FileStateStore(Path path, Scheduler scheduler, Connection db) throws SQLException {
        this.path = path;
        this.scheduler = scheduler;
        this.db = db;
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=5000");
            // exp: the epoch millisecond the value expires at, 0 for never.
            s.execute("CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v TEXT NOT NULL, exp INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS idx (name TEXT NOT NULL, member TEXT NOT NULL,"
                    + " score INTEGER NOT NULL, PRIMARY KEY (name, member))");
            s.execute("CREATE INDEX IF NOT EXISTS idx_by_score ON idx (name, score, member)");
        }
        get = db.prepareStatement("SELECT v FROM kv WHERE k = ? AND (exp = 0 OR exp > ?)");
        put = db.prepareStatement("INSERT INTO kv (k, v, exp) VALUES (?, ?, ?)"
                + " ON CONFLICT (k) DO UPDATE SET v = excluded.v, exp = excluded.exp");
        // Inserts, or replaces an expired value; a live value makes it change nothing (0 rows).
        putIfAbsent = db.prepareStatement("INSERT INTO kv (k, v, exp) VALUES (?, ?, ?)"
                + " ON CONFLICT (k) DO UPDATE SET v = excluded.v, exp = excluded.exp WHERE kv.exp <> 0 AND kv.exp <= ?");
        remove = db.prepareStatement("DELETE FROM kv WHERE k = ?");
        addToIndex = db.prepareStatement("INSERT INTO idx (name, member, score) VALUES (?, ?, ?)"
                + " ON CONFLICT (name, member) DO UPDATE SET score = excluded.score");
        indexRange = db.prepareStatement("SELECT member, score FROM idx WHERE name = ? AND score <= ?"
                + " ORDER BY score, member LIMIT ?");
        removeFromIndex = db.prepareStatement("DELETE FROM idx WHERE name = ? AND member = ?");
        sweep = db.prepareStatement("DELETE FROM kv WHERE exp <> 0 AND exp <= ?");
    }

    /**
     * Opens (or creates) the store in {@code file}, on the system clock.
     *
     * @param file the database file; its directory must exist. SQLite adds {@code -wal} and
     *     {@code -shm} files beside it while it is open
     * @return the open store; close it when done
     * @throws ConfigurationException when the file cannot be opened or created
     */
    public static FileStateStore open(Path file) {
        return open(file, Scheduler.system(), "FileStateStore.open(...)");
    }

    /**
     * Opens (or creates) the store in {@code file}, with expiry measured on {@code scheduler}'s
     * clock, naming {@code source} when it cannot.
     *
     * @param file the database file; its directory must exist
     * @param scheduler whose wall clock the TTLs are measured on
     * @param source where the file was named, such as {@code CHORUS_STATE}, for the error
     * @return the open store; close it when done
     * @throws ConfigurationException when the file cannot be opened or created
     */
    public static FileStateStore open(Path file, Scheduler scheduler, String source) {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new ConfigurationException(source + " names the file " + absolute + ", whose directory does not"
                    + " exist: create it, or name a file in a directory that does");
        }
        if (Files.isDirectory(absolute)) {
            throw new ConfigurationException(source + " names " + absolute + ", which is a directory: name a file"
                    + " in it, such as " + absolute.resolve("state"));
        }
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
            return new FileStateStore(absolute, scheduler, connection);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the open failure is the one to report
                }
            }
            throw new ConfigurationException(source + " names the file " + absolute
                    + ", which cannot be used as a state store: " + e.getMessage());
        }
    }

    @Override
    public synchronized Optional<String> get(String key) {
        notNull(key, "key");
        try {
            open();
            get.setString(1, key);
            get.setLong(2, now());
            try (ResultSet rows = get.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public synchronized void put(String key, String value, Duration ttl) {
        notNull(key, "key");
        notNull(value, "value");
        long expiry = expiry(ttl);
        try {
            open();
            put.setString(1, key);
            put.setString(2, value);
            put.setLong(3, expiry);
            put.executeUpdate();
            wrote();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public synchronized boolean putIfAbsent(String key, String value, Duration ttl) {
        notNull(key, "key");
        notNull(value, "value");
        long expiry = expiry(ttl);
        try {
            open();
            putIfAbsent.setString(1, key);
            putIfAbsent.setString(2, value);
            putIfAbsent.setLong(3, expiry);
            putIfAbsent.setLong(4, now());
            boolean stored = putIfAbsent.executeUpdate() == 1;
            wrote();
            return stored;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public synchronized long increment(String key, long delta, Duration ttl) {
        notNull(key, "key");
        long expiry = expiry(ttl);
        try {
            open();
            // IMMEDIATE takes the write lock before reading, so another process cannot slip in between.
            try (Statement s = db.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            boolean committed = false;
            try {
                long now = now();
                get.setString(1, key);
                get.setLong(2, now);
                long sum;
                String current;
                try (ResultSet rows = get.executeQuery()) {
                    current = rows.next() ? rows.getString(1) : null;
                }
                if (current == null) {
                    sum = delta;
                    put.setString(1, key);
                    put.setString(2, Long.toString(sum));
                    put.setLong(3, expiry);
                    put.executeUpdate();
                } else {
                    try {
                        sum = Math.addExact(Long.parseLong(current), delta);
                    } catch (NumberFormatException | ArithmeticException e) {
                        throw new IllegalStateException("value under '" + key + "' is not a number");
                    }
                    try (PreparedStatement update = db.prepareStatement("UPDATE kv SET v = ? WHERE k = ?")) {
                        update.setString(1, Long.toString(sum));
                        update.setString(2, key);
                        update.executeUpdate();
                    }
                }
                try (Statement s = db.createStatement()) {
                    s.execute("COMMIT");
                }
                committed = true;
                wrote();
                return sum;
            } finally {
                if (!committed) {
                    try (Statement s = db.createStatement()) {
                        s.execute("ROLLBACK");
                    } catch (SQLException ignored) {
                        // the failure that got here is the one to report
                    }
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public synchronized void remove(String key) {
        notNull(key, "key");
        try {
            open();
            remove.setString(1, key);
            remove.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public synchronized void addToIndex(String index, String member, long score) {
        notNull(index, "index");
        if (notNull(member, "member").isEmpty()) {
            throw new IllegalArgumentException("member must not be empty");
        }
        try {
            open();
            addToIndex.setString(1, index);
            addToIndex.setString(2, member);
            addToIndex.setLong(3, score);
            addToIndex.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public synchronized List<Scored> indexRange(String index, long maxScore, int limit) {
        notNull(index, "index");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        try {
            open();
            indexRange.setString(1, index);
            indexRange.setLong(2, maxScore);
            indexRange.setInt(3, limit);
            List<Scored> result = new ArrayList<>();
            try (ResultSet rows = indexRange.executeQuery()) {
                while (rows.next()) {
                    result.add(new Scored(rows.getString(1), rows.getLong(2)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public synchronized boolean removeFromIndex(String index, String member) {
        notNull(index, "index");
        notNull(member, "member");
        try {
            open();
            removeFromIndex.setString(1, index);
            removeFromIndex.setString(2, member);
            return removeFromIndex.executeUpdate() == 1;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * The file the store is kept in.
     *
     * @return the absolute path
     */
    public Path path() {
        return path;
    }

    /** Closes the file; later calls fail. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.close();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public String toString() {
        return "FileStateStore[" + path + "]";
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("the state store " + path + " is closed");
        }
    }

    /** Counts a write; every few thousand, expired keys are deleted (they are already read as absent). */
    private void wrote() throws SQLException {
        if (++writesSinceSweep >= SWEEP_EVERY) {
            writesSinceSweep = 0;
            sweep.setLong(1, now());
            sweep.executeUpdate();
        }
    }

    private long expiry(Duration ttl) {
        notNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
        }
        if (ttl.isZero()) {
            return 0;
        }
        long now = now();
        // Compared as durations: toMillis() itself overflows for a ttl beyond about 292 million years.
        if (ttl.compareTo(Duration.ofMillis(Long.MAX_VALUE - now)) >= 0) {
            return 0;
        }
        return now + Math.max(1, ttl.toMillis());
    }

    private long now() {
        return scheduler.now().toEpochMilli();
    }

    private StateUnavailableException unavailable(SQLException e) {
        return new StateUnavailableException("the state file " + path + " could not be used: " + e.getMessage(), e);
    }

    private static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }
}
