package dev.chorusbot.core;

/**
 * The entries of an {@link InMemoryStateStore}: key, value and expiry in parallel arrays, found by
 * open addressing (linear probing), and chained through the slots in the order they were last
 * used, so the least recently used one is known for eviction. Not thread-safe: the store locks.
 *
 * <p>Why not a {@code LinkedHashMap<String, Entry>} in access order: that allocates a node (40
 * bytes) and a value holder (24 bytes) on every write, and under webhook load the store's
 * de-duplication entries, up to its maximum, are most of what survives a young collection, to be
 * copied there and again into the old generation. Here a write allocates nothing: an entry is its
 * key and value strings plus 28 bytes in each of two to four slots (the table is at most half full
 * and grows by doubling), about what the map's node and holder took, but in a few long-lived
 * arrays, four of them without references, rather than in two young objects per entry.
 */
final class EntryTable {
    /** No slot: an absent key, or the end of the use order. */
    static final int NONE = -1;

    private String[] keys;
    // Each key's hash beside it: a probe compares hashes in this array before it reads a key
    // string (and its bytes) from elsewhere in the heap.
    private int[] hashes;
    private String[] values;
    private long[] expiries;
    private int[] older; // the slot used just before this one, NONE for the eldest
    private int[] newer; // the slot used just after this one, NONE for the newest
    private int eldest = NONE;
    private int newest = NONE;
    private int size;
    private int shift; // 32 minus log2 of the capacity, for Fibonacci hashing

    /** An empty table with {@code capacity} slots, a power of two of at least 2. */
    EntryTable(int capacity) {
        allocate(capacity);
    }

    int size() {
        return size;
    }

    /** The slot holding {@code key}, or {@link #NONE}. */
    int find(String key) {
        int hash = key.hashCode();
        int mask = keys.length - 1;
        for (int slot = home(hash); keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && keys[slot].equals(key)) {
                return slot;
            }
        }
        return NONE;
    }

    String key(int slot) {
        return keys[slot];
    }

    String value(int slot) {
        return values[slot];
    }

    long expiresAt(int slot) {
        return expiries[slot];
    }

    /** The least recently used entry's slot, or {@link #NONE} when the table is empty. */
    int eldest() {
        return eldest;
    }

    /** Marks the entry in {@code slot} as the most recently used. */
    void touch(int slot) {
        if (slot != newest) {
            unlink(slot);
            linkNewest(slot);
        }
    }

    /** Sets {@code key}'s value and expiry, adding it if absent; it becomes the most recently used. */
    void put(String key, String value, long expiresAt) {
        int slot = find(key);
        if (slot == NONE) {
            if (size + 1 > keys.length / 2) {
                allocate(keys.length * 2);
            }
            slot = freeSlot(key.hashCode());
            keys[slot] = key;
            hashes[slot] = key.hashCode();
            linkNewest(slot);
            size++;
        } else {
            touch(slot);
        }
        values[slot] = value;
        expiries[slot] = expiresAt;
    }

    /** Removes {@code key}'s entry, if there is one. */
    void remove(String key) {
        int slot = find(key);
        if (slot != NONE) {
            removeAt(slot);
        }
    }

    /** Removes the entry in {@code slot}; entries further along its probe run may move to other slots. */
    void removeAt(int slot) {
        unlink(slot);
        size--;
        // Backward-shift deletion: an entry after the gap in the same run moves into it when the
        // gap lies on its way from its home slot, so every lookup still finds what it looks for
        // before the first empty slot, and no tombstones pile up.
        int mask = keys.length - 1;
        int gap = slot;
        for (int at = (gap + 1) & mask; keys[at] != null; at = (at + 1) & mask) {
            if (((at - home(hashes[at])) & mask) >= ((at - gap) & mask)) {
                move(at, gap);
                gap = at;
            }
        }
        keys[gap] = null;
        values[gap] = null;
    }

    /** Removes every entry that expires at or before {@code now}. */
    void removeExpired(long now) {
        // Slot by slot: a removal moves only entries of the same run into the gap, which is this
        // slot or one further on (or one already passed when the run wraps around the end, and
        // what was passed is live), so checking this slot again until it holds a live entry or
        // none sees every entry once at least.
        for (int slot = 0; slot < keys.length; slot++) {
            while (keys[slot] != null && expiries[slot] <= now) {
                removeAt(slot);
            }
        }
    }

    /** The slot a key of {@code hash} is looked for first. */
    private int home(int hash) {
        // Fibonacci hashing: spreads String hashes that differ only in their low bits (keys that
        // differ in their last character) over the whole table.
        return (hash * 0x9E3779B9) >>> shift;
    }

    private int freeSlot(int hash) {
        int mask = keys.length - 1;
        int slot = home(hash);
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void move(int from, int to) {
        keys[to] = keys[from];
        hashes[to] = hashes[from];
        values[to] = values[from];
        expiries[to] = expiries[from];
        int before = older[from];
        int after = newer[from];
        older[to] = before;
        newer[to] = after;
        if (before == NONE) {
            eldest = to;
        } else {
            newer[before] = to;
        }
        if (after == NONE) {
            newest = to;
        } else {
            older[after] = to;
        }
    }

    private void unlink(int slot) {
        int before = older[slot];
        int after = newer[slot];
        if (before == NONE) {
            eldest = after;
        } else {
            newer[before] = after;
        }
        if (after == NONE) {
            newest = before;
        } else {
            older[after] = before;
        }
    }

    private void linkNewest(int slot) {
        older[slot] = newest;
        newer[slot] = NONE;
        if (newest == NONE) {
            eldest = slot;
        } else {
            newer[newest] = slot;
        }
        newest = slot;
    }

    /** Fresh arrays of {@code capacity} slots, holding the entries there were in their use order. */
    private void allocate(int capacity) {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        String[] oldValues = values;
        long[] oldExpiries = expiries;
        int[] oldNewer = newer;
        int from = eldest;
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new String[capacity];
        expiries = new long[capacity];
        older = new int[capacity];
        newer = new int[capacity];
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        eldest = NONE;
        newest = NONE;
        for (int slot = from; slot != NONE; slot = oldNewer[slot]) {
            int to = freeSlot(oldHashes[slot]);
            keys[to] = oldKeys[slot];
            hashes[to] = oldHashes[slot];
            values[to] = oldValues[slot];
            expiries[to] = oldExpiries[slot];
            linkNewest(to);
        }
    }
}
