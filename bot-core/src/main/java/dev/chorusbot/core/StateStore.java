package dev.chorusbot.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
 *
 * <p><b>Sorted indexes.</b> Besides keys, a store holds named indexes: sets of members, each with a
 * whole-number score, read lowest score first (Redis's sorted sets: {@code ZADD},
 * {@code ZRANGE … BYSCORE LIMIT}, {@code ZREM}). Scheduled jobs are kept in one, scored by the
 * epoch millisecond they are due, and {@link #removeFromIndex} is how one of several instances
 * sharing a store claims a due job: only the caller that removed the member gets {@code true}.
 * Indexes have no expiry and are not evicted; their names share the key namespace's prefixes
 * ({@code chorus:jobs}, …). Scores are exact up to 2<sup>53</sup> (a shared store may keep them as
 * doubles), which epoch milliseconds are.
 */
@Api(Api.Status.EXPERIMENTAL)
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

    /**
     * Adds {@code member} to the sorted index {@code index} with {@code score}, or moves it to
     * {@code score} when it is there already, atomically.
     *
     * @param index the index's name, such as {@code chorus:jobs}
     * @param member the member; not empty
     * @param score the member's score; exact within ±2<sup>53</sup>
     */
    void addToIndex(String index, String member, long score);

    /**
     * The members of {@code index} scored at most {@code maxScore}, lowest score first and members
     * of one score in the order of their UTF-16 code units, at most {@code limit} of them.
     *
     * @param index the index's name; an absent index is empty
     * @param maxScore the highest score included; {@link Long#MAX_VALUE} for every member
     * @param limit the most members returned; positive
     * @return the members with their scores, in order; empty when none
     */
    List<Scored> indexRange(String index, long maxScore, int limit);

    /**
     * Removes {@code member} from {@code index}, atomically: when several callers remove one member
     * at once, exactly one of them is told it removed it.
     *
     * @param index the index's name
     * @param member the member
     * @return true when this call removed the member, false when it was not there
     */
    boolean removeFromIndex(String index, String member);

    /**
     * A member of a sorted index and its score.
     *
     * @param member the member
     * @param score its score
     */
    record Scored(String member, long score) {
        /**
         * A member and its score.
         *
         * @param member the member; not null
         * @param score its score
         */
        public Scored {
            Objects.requireNonNull(member, "member");
        }
    }

    /**
     * The platforms' send limits as this store counts them (see {@link SendBudget}): {@link
     * SendBudget#local()} by default, for a store of one process; a store shared by instances counts
     * them for all of them.
     *
     * @return the budget adapters consult before each send
     */
    default SendBudget sendBudget() {
        return SendBudget.local();
    }
}
