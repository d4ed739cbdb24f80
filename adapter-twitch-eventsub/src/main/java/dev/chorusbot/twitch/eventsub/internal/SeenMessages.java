package dev.chorusbot.twitch.eventsub.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The delivery ids seen recently. EventSub delivers at least once, so the same
 * {@code Twitch-Eventsub-Message-Id} can arrive twice; a delivery older than the replay window is
 * refused anyway, so ids need to be kept only that long. Memory is bounded: past {@code capacity}
 * the oldest ids are forgotten first.
 */
public final class SeenMessages {
    private final int capacity;
    private final Duration keep;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    /** Remembers at most {@code capacity} ids, each for {@code keep}. */
    public SeenMessages(int capacity, Duration keep) {
        this.capacity = capacity;
        this.keep = keep;
    }

    /** Records {@code id} at {@code now}; false when it was already seen within the window. */
    public synchronized boolean add(String id, Instant now) {
        expire(now);
        if (seen.containsKey(id)) {
            return false;
        }
        seen.put(id, now);
        if (seen.size() > capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Forgets {@code id}, so a redelivery is handled again (the first attempt was not taken). */
    public synchronized void forget(String id) {
        seen.remove(id);
    }

    /** How many ids are remembered. */
    public synchronized int size() {
        return seen.size();
    }

    private void expire(Instant now) {
        Instant limit = now.minus(keep);
        Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().isBefore(limit)) {
                it.remove();
            } else {
                return; // insertion order: the rest are newer
            }
        }
    }
}
