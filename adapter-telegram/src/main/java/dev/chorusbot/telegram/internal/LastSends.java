package dev.chorusbot.telegram.internal;

/**
 * The time of the one recent send to each chat of one kind whose send queue has nothing else to
 * remember: no message waiting, none in flight, no retry-after, a single send within the limit
 * window. A bot answering many chats once each (every new user of a public bot) keeps only this
 * for them: 16 bytes per chat in two primitive arrays, kept at most one window (a second for a
 * private chat, a minute for a group), instead of a lane with its queues.
 *
 * <p>Open addressing with linear probing on the chat id. Expired times count as absent when looked
 * up and are dropped when the table is rebuilt: when it fills up, and at most once a window on
 * {@link #sweep}, so a table that grew under a burst of new chats shrinks again when they are
 * gone. Not thread-safe: the send queue guards it.
 */
final class LastSends {
    private static final long EMPTY = Long.MIN_VALUE;
    private static final int MIN_CAPACITY = 64;

    private final long window;
    private long[] chats = new long[MIN_CAPACITY];
    private long[] times = newTimes(MIN_CAPACITY);
    private int size; // slots in use, expired ones included
    private long rebuiltAt = Long.MIN_VALUE / 2;

    /** A table whose entries expire {@code windowMillis} after their send. */
    LastSends(long windowMillis) {
        this.window = windowMillis;
    }

    private static long[] newTimes(int capacity) {
        long[] t = new long[capacity];
        java.util.Arrays.fill(t, EMPTY);
        return t;
    }

    /** Whether {@code chat} has a send within the window before {@code now}. */
    boolean has(long chat, long now) {
        int slot = find(chat);
        return slot >= 0 && times[slot] + window > now;
    }

    /** The time of {@code chat}'s send within the window; only valid when {@link #has} says so. */
    long time(long chat) {
        return times[find(chat)];
    }

    /** Records a send to {@code chat} at {@code now}, replacing an earlier one. */
    void put(long chat, long now) {
        int slot = find(chat);
        if (slot >= 0) {
            times[slot] = now;
            return;
        }
        if (size + 1 > chats.length * 7 / 10) {
            rebuild(now);
        }
        insert(chats, times, chat, now);
        size++;
    }

    /** Forgets {@code chat}. */
    void remove(long chat) {
        int slot = find(chat);
        if (slot < 0) {
            return;
        }
        // Backward-shift deletion: later entries of the same probe run move up, so no lookup
        // stops early at the gap.
        int mask = chats.length - 1;
        int gap = slot;
        int next = (gap + 1) & mask;
        while (times[next] != EMPTY) {
            int home = home(chats[next], mask);
            // The entry at next may fill the gap when its home is not cyclically within (gap, next].
            if (((next - home) & mask) >= ((next - gap) & mask)) {
                chats[gap] = chats[next];
                times[gap] = times[next];
                gap = next;
            }
            next = (next + 1) & mask;
        }
        times[gap] = EMPTY;
        size--;
    }

    /**
     * Drops the expired entries and shrinks the table, when it holds any and a window has passed
     * since it was last rebuilt; otherwise does nothing, so it may be called on every send.
     */
    void sweep(long now) {
        if (size > 0 && now - rebuiltAt >= window) {
            rebuild(now);
        }
    }

    /** Slots in use, including expired entries not yet dropped. */
    int size() {
        return size;
    }

    /** The table's length in slots, 16 bytes each. */
    int capacity() {
        return chats.length;
    }


    /** Drops the expired entries and sizes the table for the rest: at most a third full after. */
    private void rebuild(long now) {
        rebuiltAt = now;
        int live = 0;
        for (int i = 0; i < times.length; i++) {
            if (times[i] != EMPTY && times[i] + window > now) {
                live++;
            }
        }
        int capacity = MIN_CAPACITY;
        while (capacity < (live + 1) * 3) {
            capacity <<= 1;
        }
        long[] newChats = new long[capacity];
        long[] newTimes = newTimes(capacity);
        for (int i = 0; i < times.length; i++) {
            if (times[i] != EMPTY && times[i] + window > now) {
                insert(newChats, newTimes, chats[i], times[i]);
            }
        }
        chats = newChats;
        times = newTimes;
        size = live;
    }

    private static void insert(long[] chats, long[] times, long chat, long time) {
        int mask = chats.length - 1;
        int slot = home(chat, mask);
        while (times[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        chats[slot] = chat;
        times[slot] = time;
    }

    private int find(long chat) {
        int mask = chats.length - 1;
        int slot = home(chat, mask);
        while (times[slot] != EMPTY) {
            if (chats[slot] == chat) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static int home(long chat, int mask) {
        long h = chat * 0x9E3779B97F4A7C15L; // Fibonacci hashing: chat ids are often sequential
        return (int) (h >>> 32) & mask;
    }
}
