package dev.chorusbot.telegram.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The update ids seen lately, to answer a redelivered update without handling it again. Telegram
 * redelivers when an answer was late or not 2xx. Bounded: the oldest ids are forgotten first.
 */
public final class SeenUpdates {
    private final Map<Long, Boolean> ids;

    /** Remembers up to {@code capacity} ids. */
    public SeenUpdates(int capacity) {
        this.ids = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when {@code updateId} is new (and now remembered), false when it was seen. */
    public synchronized boolean add(long updateId) {
        return ids.putIfAbsent(updateId, Boolean.TRUE) == null;
    }

    /** Forgets {@code updateId}, so a redelivery is handled (the first delivery was refused). */
    public synchronized void forget(long updateId) {
        ids.remove(updateId);
    }
}
