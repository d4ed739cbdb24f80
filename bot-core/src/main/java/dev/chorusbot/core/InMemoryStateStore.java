package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;
import static dev.chorusbot.core.internal.Checks.positive;

import dev.chorusbot.core.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The default {@link StateStore}: a map in this process's memory. Memory is bounded: expired
 * entries are swept as new ones arrive, and past {@code maxEntries} the least recently used entry
 * is evicted.
 * State does not survive a restart and is not shared between processes.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class InMemoryStateStore implements StateStore {
    private static final long FOREVER = Long.MAX_VALUE;

    private final Scheduler scheduler;
    private final int maxEntries;
    // Access order: a write (or read) moves the key to the end, so the eldest entry is the least
    // recently used one, and it is the one evicted past maxEntries.
    private final LinkedHashMap<String, Entry> entries;
    private final Map<String, Index> indexes = new HashMap<>();
    private int writesSinceSweep;
    // No entry expires before this (a lower bound, exact after each sweep): a sweep before it
    // would remove nothing. Under load the store is full of de-duplication entries evicted long
    // before they expire, and walking all of them (a cache miss or two each) took about an eighth
    // of a command's time in CommandPipelineBenchmark.
    private long earliestExpiry = FOREVER;
    // The holder made last, shared by the writes after it with the same value and expiry: the
    // de-duplication writes "" with one TTL for every event, so the events of one millisecond keep
    // one holder between them instead of one each (under load, fewer objects that survive young
    // collections). Entries are immutable, so sharing one changes nothing a caller can see.
    private Entry lastEntry = new Entry("", FOREVER);

    private record Entry(String value, long expiresAtMillis) {}

    private static final Comparator<Scored> BY_SCORE_THEN_MEMBER =
            Comparator.comparingLong(Scored::score).thenComparing(Scored::member);

    /** One sorted index: the members in order, and each member's score to find it there. */
    private static final class Index {
        final NavigableSet<Scored> ordered = new TreeSet<>(BY_SCORE_THEN_MEMBER);
        final Map<String, Long> scores = new HashMap<>();
    }

    /** A store on the system scheduler's clock holding at most 100,000 entries. */
    public InMemoryStateStore() {
        this(Scheduler.system(), 100_000);
    }

    /**
     * A store whose entries expire on {@code scheduler}'s wall clock, holding at most
     * {@code maxEntries} entries.
     *
     * @param scheduler the scheduler whose clock expiry is measured on; tests pass a manual one
     * @param maxEntries the most entries held before the least recently used is evicted; positive
     * @throws IllegalArgumentException if {@code maxEntries} is not positive
     */
    public InMemoryStateStore(Scheduler scheduler, int maxEntries) {
        this.scheduler = notNull(scheduler, "scheduler");
        this.maxEntries = positive(maxEntries, "maxEntries");
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > InMemoryStateStore.this.maxEntries;
            }
        };
    }

    @Override
    public synchronized Optional<String> get(String key) {
        Entry entry = live(key, millis());
        return entry == null ? Optional.empty() : Optional.of(entry.value);
    }

    @Override
    public synchronized void put(String key, String value, Duration ttl) {
        long now = millis();
        store(key, entry(notNull(value, "value"), expiry(now, ttl)), now);
    }

    @Override
    public synchronized boolean putIfAbsent(String key, String value, Duration ttl) {
        long now = millis();
        if (live(key, now) != null) {
            return false;
        }
        store(key, entry(notNull(value, "value"), expiry(now, ttl)), now);
        return true;
    }

    @Override
    public synchronized long increment(String key, long delta, Duration ttl) {
        long now = millis();
        Entry entry = live(key, now);
        long sum;
        long expiresAt;
        if (entry == null) {
            sum = delta;
            expiresAt = expiry(now, ttl);
        } else {
            long current;
            try {
                current = Long.parseLong(entry.value);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("value under '" + key + "' is not a number");
            }
            sum = current + delta;
            expiresAt = entry.expiresAtMillis;
        }
        store(key, entry(Long.toString(sum), expiresAt), now);
        return sum;
    }

    @Override
    public synchronized void remove(String key) {
        entries.remove(key);
    }

    @Override
    public synchronized void addToIndex(String index, String member, long score) {
        notNull(index, "index");
        if (notNull(member, "member").isEmpty()) {
            throw new IllegalArgumentException("member must not be empty");
        }
        Index target = indexes.computeIfAbsent(index, name -> new Index());
        Long previous = target.scores.put(member, score);
        if (previous != null) {
            target.ordered.remove(new Scored(member, previous));
        }
        target.ordered.add(new Scored(member, score));
    }

    @Override
    public synchronized List<Scored> indexRange(String index, long maxScore, int limit) {
        positive(limit, "limit");
        Index source = indexes.get(notNull(index, "index"));
        List<Scored> range = new ArrayList<>();
        if (source != null) {
            for (Scored scored : source.ordered) {
                if (scored.score() > maxScore || range.size() == limit) {
                    break;
                }
                range.add(scored);
            }
        }
        return range;
    }

    @Override
    public synchronized boolean removeFromIndex(String index, String member) {
        Index source = indexes.get(notNull(index, "index"));
        Long score = source == null ? null : source.scores.remove(notNull(member, "member"));
        if (score == null) {
            return false;
        }
        source.ordered.remove(new Scored(member, score));
        if (source.scores.isEmpty()) {
            indexes.remove(index);
        }
        return true;
    }

    /**
     * The number of entries held, including expired ones not yet swept.
     *
     * @return the entry count, at most {@code maxEntries}
     */
    public synchronized int size() {
        return entries.size();
    }

    private Entry live(String key, long now) {
        Entry entry = entries.get(notNull(key, "key"));
        if (entry != null && entry.expiresAtMillis <= now) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    private Entry entry(String value, long expiresAtMillis) {
        if (expiresAtMillis != lastEntry.expiresAtMillis || !value.equals(lastEntry.value)) {
            lastEntry = new Entry(value, expiresAtMillis);
        }
        return lastEntry;
    }

    private void store(String key, Entry entry, long now) {
        entries.put(key, entry);
        earliestExpiry = Math.min(earliestExpiry, entry.expiresAtMillis);
        // Sweeping walks every entry, so it runs only after as many writes as half the entries
        // (at least 1024): amortised, each write visits at most about two entries.
        if (++writesSinceSweep >= Math.max(1024, entries.size() / 2)) {
            sweep(now);
        }
    }

    private void sweep(long now) {
        writesSinceSweep = 0;
        if (now < earliestExpiry) {
            return;
        }
        long earliest = FOREVER;
        for (Iterator<Entry> held = entries.values().iterator(); held.hasNext(); ) {
            long expiresAt = held.next().expiresAtMillis;
            if (expiresAt <= now) {
                held.remove();
            } else {
                earliest = Math.min(earliest, expiresAt);
            }
        }
        earliestExpiry = earliest;
    }

    private static long expiry(long now, Duration ttl) {
        notNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
        }
        if (ttl.isZero()) {
            return FOREVER;
        }
        // Compared as durations: toMillis() itself overflows for a ttl beyond about 292 million years.
        return ttl.compareTo(Duration.ofMillis(FOREVER - now)) >= 0 ? FOREVER : now + ttl.toMillis();
    }

    private long millis() {
        return scheduler.now().toEpochMilli();
    }
}
