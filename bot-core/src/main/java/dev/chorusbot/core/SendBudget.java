package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.time.Duration;
import java.util.List;

/**
 * The platforms' send limits counted for every instance of a bot at once. A platform limits an
 * account, not a process (Telegram allows about 30 messages a second per bot token, one a second
 * per private chat and 20 a minute per group; Twitch 20 or 100 per 30 seconds per account), so
 * when several instances send for one account they have to count together.
 *
 * <p>Adapters keep their own in-process limiter, which orders and paces one instance's sends, and
 * ask this budget right before a send: {@link #tryTake} takes one send from every given limit, or
 * from none and says how long to wait. The bot hands its budget to adapters through {@link
 * EventSink#sendBudget()}; it comes from the {@link StateStore} ({@link StateStore#sendBudget()}):
 * {@link #local()} for a store of one process, a shared count for a store shared by instances
 * (Redis).
 */
@Api(Api.Status.EXPERIMENTAL)
public interface SendBudget {

    /**
     * One limit: at most {@code max} sends within any {@code window} under {@code key}.
     *
     * @param key what is limited, such as {@code telegram:123456:chat:42}; the store prefixes it
     * @param max the most sends within the window; positive
     * @param window the sliding window; positive
     */
    record Limit(String key, int max, Duration window) {
        /**
         * Validates the limit.
         *
         * @param key what is limited; not empty
         * @param max the most sends within the window; positive
         * @param window the sliding window; positive
         * @throws IllegalArgumentException if {@code max} or {@code window} is not positive, or the
         *     key is empty
         */
        public Limit {
            if (notNull(key, "key").isEmpty()) {
                throw new IllegalArgumentException("key must not be empty");
            }
            if (max <= 0) {
                throw new IllegalArgumentException("max must be positive, was " + max);
            }
            if (notNull(window, "window").isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive, was " + window);
            }
        }
    }

    /**
     * Takes one send from each of {@code limits}, all of them or none, atomically across every
     * instance sharing the budget.
     *
     * @param limits the limits the send counts against; empty takes nothing
     * @return {@link Duration#ZERO} when the send was taken; otherwise how long to wait before
     *     asking again, positive
     * @throws StateUnavailableException when a shared budget cannot be reached
     */
    Duration tryTake(List<Limit> limits);

    /**
     * The budget of one process: every send is taken at once, since the adapter's own in-process
     * limiter already counts every send of the account.
     *
     * @return a budget that always answers {@link Duration#ZERO}
     */
    static SendBudget local() {
        return limits -> Duration.ZERO;
    }
}
