package dev.chorusbot.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A small key-value store with expiry, through which cooldowns, update de-duplication and command
 * state go. The default is {@link InMemoryStateStore}; in a serverless deployment, where many
 * instances serve one bot, a shared store (Redis, DynamoDB) can be plugged in without touching
 * commands or adapters.
 *
 * <p>Keys are namespaced by their users: Chorus uses the prefixes {@code chorus:seen:} and
 * {@code chorus:cooldown:}. Implementations must be thread-safe.
 *
 * <p><b>De-duplication.</b> Platforms deliver at least once (Telegram redelivers a late or non-2xx
 * answer, Twitch EventSub may send one message twice), and the store is the one place redeliveries
 * are caught; adapters keep no seen-id set of their own. The bot's built-in dedupe middleware
 * calls {@link #putIfAbsent} with {@code chorus:seen:<ordering key>:<kind>:<event id>} (for example
 * {@code chorus:seen:telegram:42:message:7}) and the bot's {@code dedupeWindow} (10 minutes by
 * default) as the TTL, and drops the event when the key was there. It runs on the handler thread,
 * after the bot took the event, so an event the bot did not take (it was stopping, see
 * {@link EventNotTakenException}) is not marked seen and its redelivery is handled. Copies that
 * arrive at once are handled one after another in their chat's order, so the first is handled and
 * the others are dropped. A store shared between instances extends this across them.
 */
public interface StateStore {

    /**
     * The value under {@code key}, unless absent or expired.
     *
     * @param key the key, such as {@code chorus:cooldown:telegram:roll:42}
     * @return the stored value, or empty when absent or expired
     */
    Optional<String> get(String key);

    /**
     * Stores {@code value} under {@code key} for {@code ttl}; {@link Duration#ZERO} keeps it
     * forever.
     *
     * @param key the key; an existing value and its expiry are replaced
     * @param value the value to store
     * @param ttl how long the value lives, zero for no expiry; not negative
     */
    void put(String key, String value, Duration ttl);

    /**
     * Stores {@code value} only when {@code key} is absent or expired, atomically.
     *
     * @param key the key
     * @param value the value to store
     * @param ttl how long the value lives, zero for no expiry; not negative
     * @return true when the value was stored
     */
    boolean putIfAbsent(String key, String value, Duration ttl);

    /**
     * Adds {@code delta} to the number stored under {@code key} (0 when absent or expired) and
     * returns the sum, atomically. A key that was absent gets {@code ttl}; an existing key keeps its
     * expiry.
     *
     * @param key the key; its value must be a whole number in decimal
     * @param delta the amount to add; may be negative
     * @param ttl the lifetime given to a new key, zero for no expiry; not negative
     * @return the sum now stored under {@code key}
     * @throws IllegalStateException when the stored value is not a whole number
     */
    long increment(String key, long delta, Duration ttl);

    /**
     * Removes {@code key}.
     *
     * @param key the key; removing an absent key does nothing
     */
    void remove(String key);
}
