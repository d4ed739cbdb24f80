package dev.chorusbot.twitch.internal;

import dev.chorusbot.core.SendBudget;
import dev.chorusbot.core.StateUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The PRIVMSGs waiting to go out, and Twitch's sending rules. Pure state: the caller passes the time,
 * so tests drive it with any clock.
 *
 * <p>Rules (https://dev.twitch.tv/docs/chat/#rate-limits): an account may send 20 messages per 30
 * seconds, or 100 per 30 seconds to channels where it is moderator or broadcaster (as the USERSTATE
 * badges for that channel show); exceeding it gets the account ignored for 30 minutes, so the limit is
 * enforced here rather than discovered. Twitch drops a message identical to the previous one within
 * 30 seconds (NOTICE msg_duplicate); such a message gets an invisible suffix, as chat clients such as
 * Chatterino do, or waits when the suffix would not fit. A msg_ratelimit NOTICE (the account sent from
 * elsewhere too) pauses sending for a full window and puts the refused message back in front.
 *
 * <p>Right before a message goes, the bot's {@link SendBudget} is asked with the same limit for the
 * account, so that instances sharing a store stay within it together; a refusal, or a budget that
 * cannot be reached, makes the message wait (a second for the latter), never drops it.
 */
final class OutboundQueue {
    static final long WINDOW_MILLIS = 30_000;
    static final int NORMAL_LIMIT = 20;
    static final int ELEVATED_LIMIT = 100;
    static final long DUPLICATE_MILLIS = 30_000;
    static final int MAX_CODE_POINTS = 500;
    /** A space and U+E0000 (LANGUAGE TAG), invisible in chat; makes a repeated text distinct. */
    static final String DISTINCT_SUFFIX = " \uDB40\uDC00";
    /** How long a sent message waits for Twitch's USERSTATE or NOTICE before it counts as accepted. */
    static final long CONFIRM_MILLIS = 30_000;

    /**
     * One message to send; {@code resent} when it was written on a connection that ended before
     * Twitch confirmed it, so it goes again with the very text sent. {@code queuedAt} is when it was
     * handed to the adapter, in the session's milliseconds, to time its wait.
     */
    record Pending(String channel, String text, Optional<String> replyTo, CompletableFuture<Void> done,
            boolean distinct, boolean resent, long queuedAt) {
        Pending(String channel, String text, Optional<String> replyTo, CompletableFuture<Void> done, boolean distinct,
                long queuedAt) {
            this(channel, text, replyTo, done, distinct, false, queuedAt);
        }

        Pending asDistinct() {
            return new Pending(channel, text, replyTo, done, true, false, queuedAt);
        }
    }

    /** What to do now: send {@code item} with {@code text}, or wait {@code waitMillis}, or nothing (both null/0). */
    record Next(Pending item, String text, long waitMillis) {
        static final Next IDLE = new Next(null, null, 0);

        static Next waitFor(long millis) {
            return new Next(null, null, millis);
        }
    }

    private record Sent(String text, long at) {}

    private record InFlight(Pending item, String text, long at, long order) {}

    private final int normalLimit;
    private final int elevatedLimit;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final SharedWindow window;
    private final Set<String> elevated = new HashSet<>();
    private final Map<String, Sent> lastSent = new HashMap<>();
    private final Map<String, Deque<InFlight>> inFlight = new HashMap<>();
    private long pausedUntil;
    /** Messages sent so far: orders the unconfirmed ones of all channels. */
    private long sentCount;
    private SendBudget budget = SendBudget.local();
    private String account = "";
    /**
     * How many items at the head of {@link #queue} were put back after a refusal and not taken yet:
     * the next refused message goes behind them, since it was sent after them.
     */
    private int putBack;

    /** A queue with Twitch's standard limits. */
    OutboundQueue() {
        this(NORMAL_LIMIT, ELEVATED_LIMIT);
    }

    /** A queue allowing {@code normalLimit} messages per window, {@code elevatedLimit} where moderator. */
    OutboundQueue(int normalLimit, int elevatedLimit) {
        this(normalLimit, elevatedLimit, new SharedWindow(WINDOW_MILLIS));
    }

    /** A queue counting its messages in {@code window}, which other connections of the account share. */
    OutboundQueue(int normalLimit, int elevatedLimit, SharedWindow window) {
        this.window = window;
        this.normalLimit = normalLimit;
        this.elevatedLimit = elevatedLimit;
    }

    /** Takes every send from {@code shared} too, counted under {@code login}. */
    void share(SendBudget shared, String login) {
        this.budget = shared;
        this.account = login;
    }

    /** 0 when the shared budget took a send under {@code limit}, else the milliseconds to wait. */
    private long sharedWait(int limit) {
        try {
            return budget.tryTake(List.of(new SendBudget.Limit("twitch:" + account + ":messages", limit,
                    Duration.ofMillis(WINDOW_MILLIS)))).toMillis();
        } catch (StateUnavailableException e) {
            return 1_000;
        }
    }

    void add(Pending item) {
        queue.addLast(item);
    }

    /** Puts back a message that could not be written (the connection failed), to go first. */
    void retry(Pending item) {
        queue.addFirst(item);
        putBack++;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    /** Records whether the bot is moderator or broadcaster in {@code channel} (from USERSTATE badges). */
    void elevated(String channel, boolean value) {
        if (value) {
            elevated.add(channel);
        } else {
            elevated.remove(channel);
        }
    }

    boolean isElevated(String channel) {
        return elevated.contains(channel);
    }

    /**
     * The next message that may be sent at {@code now} to a channel {@code ready} accepts, recorded
     * as sent; or how long to wait; or {@link Next#IDLE} when nothing can go.
     */
    Next next(long now, Predicate<String> ready) {
        if (queue.isEmpty()) {
            return Next.IDLE;
        }
        if (now < pausedUntil) {
            return Next.waitFor(pausedUntil - now);
        }
        long shortestWait = Long.MAX_VALUE;
        Set<String> blocked = new HashSet<>(); // keep each channel's messages in order
        int index = -1;
        for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
            Pending item = it.next();
            index++;
            if (blocked.contains(item.channel()) || !ready.test(item.channel())) {
                blocked.add(item.channel());
                continue;
            }
            int limit = elevated.contains(item.channel()) ? elevatedLimit : normalLimit;
            long rateWait = window.delay(limit, now);
            if (rateWait > 0) {
                shortestWait = Math.min(shortestWait, rateWait);
                blocked.add(item.channel());
                continue;
            }
            String text = item.text();
            Sent last = lastSent.get(item.channel());
            boolean repeat = last != null && now - last.at() < DUPLICATE_MILLIS && last.text().equals(text);
            // A message sent again goes with the same text: if Twitch did get it, it refuses the copy
            // as a duplicate instead of showing it twice.
            if (!item.resent() && (repeat || item.distinct())) {
                String distinct = text + DISTINCT_SUFFIX;
                boolean fits = distinct.codePointCount(0, distinct.length()) <= MAX_CODE_POINTS;
                boolean stillRepeat = last != null && now - last.at() < DUPLICATE_MILLIS && last.text().equals(distinct);
                if (fits && !stillRepeat) {
                    text = distinct;
                } else if (last != null && now - last.at() < DUPLICATE_MILLIS) {
                    shortestWait = Math.min(shortestWait, last.at() + DUPLICATE_MILLIS - now);
                    blocked.add(item.channel());
                    continue;
                }
            }
            rateWait = window.acquire(limit, now); // another connection of the account may have sent meanwhile
            if (rateWait == 0) {
                // Instances sharing a store count the account's messages together; a refusal there leaves
                // this send counted locally too, which errs on the side of the limit.
                rateWait = sharedWait(limit);
            }
            if (rateWait > 0) {
                shortestWait = Math.min(shortestWait, rateWait);
                blocked.add(item.channel());
                continue;
            }
            it.remove();
            if (index < putBack) {
                putBack--;
            }
            lastSent.put(item.channel(), new Sent(text, now));
            inFlight.computeIfAbsent(item.channel(), c -> new ArrayDeque<>()).addLast(new InFlight(item, text, now, sentCount++));
            confirmable(item.channel(), now); // drops the unanswered ones from before the window: bounded memory
            return new Next(item, text, 0);
        }
        return shortestWait == Long.MAX_VALUE ? Next.IDLE : Next.waitFor(shortestWait);
    }

    /** Twitch answered our oldest unconfirmed message in {@code channel} with USERSTATE: it was accepted. */
    void accepted(String channel, long now) {
        Deque<InFlight> sent = confirmable(channel, now);
        if (sent != null) {
            sent.pollFirst();
        }
    }

    /** Twitch refused the oldest unconfirmed message to {@code channel} for good (slow mode, a ban...). */
    void dropped(String channel, long now) {
        Deque<InFlight> sent = confirmable(channel, now);
        if (sent != null) {
            sent.pollFirst();
        }
    }

    /**
     * Twitch refused our oldest unconfirmed message in {@code channel} with NOTICE {@code msgId}.
     * msg_ratelimit pauses sending for a window; msg_duplicate makes the message distinct. Either way
     * the message goes back to the front of the queue.
     *
     * @return true when a message was put back
     */
    boolean refused(String channel, String msgId, long now) {
        Deque<InFlight> sent = confirmable(channel, now);
        InFlight refused = sent == null ? null : sent.pollFirst();
        if (msgId.equals("msg_ratelimit")) {
            pausedUntil = now + WINDOW_MILLIS;
        }
        if (refused == null) {
            return false;
        }
        if (msgId.equals("msg_duplicate") && refused.item().resent()) {
            return false; // Twitch had it from the connection that ended: it was delivered once
        }
        // Behind the messages put back before it (sent before it), ahead of everything never sent.
        Deque<Pending> earlier = new ArrayDeque<>();
        for (int i = 0; i < putBack; i++) {
            earlier.addFirst(queue.pollFirst());
        }
        queue.addFirst(msgId.equals("msg_duplicate") ? refused.item().asDistinct() : refused.item());
        earlier.forEach(queue::addFirst);
        putBack++;
        return true;
    }

    /** How many messages to {@code channel} were sent and are neither confirmed nor refused yet. */
    int unconfirmed(String channel) {
        Deque<InFlight> sent = inFlight.get(channel);
        return sent == null ? 0 : sent.size();
    }

    /**
     * The connection ended: the messages sent on it within the confirmation window that Twitch neither
     * confirmed nor refused go back to the front of the queue, in the order sent, ahead of those put
     * back before, to be sent again with the text they had ({@code confirmed}: Twitch answers each
     * accepted message on this connection with USERSTATE). Without confirmations they are forgotten,
     * as nothing tells a lost message from a delivered one.
     *
     * @return how many were put back
     */
    int requeueUnconfirmed(boolean confirmed, long now) {
        List<InFlight> unconfirmed = new ArrayList<>();
        if (confirmed) {
            inFlight.values().forEach(sent -> sent.stream().filter(s -> s.at() > now - CONFIRM_MILLIS)
                    .forEach(unconfirmed::add));
        }
        inFlight.clear();
        unconfirmed.sort(java.util.Comparator.comparingLong(InFlight::order));
        for (int i = unconfirmed.size() - 1; i >= 0; i--) {
            InFlight sent = unconfirmed.get(i);
            Pending item = sent.item();
            queue.addFirst(new Pending(item.channel(), sent.text(), item.replyTo(), item.done(), false, true,
                    item.queuedAt()));
        }
        putBack += unconfirmed.size();
        return unconfirmed.size();
    }

    /** Removes and returns the messages queued for {@code channel}, in order (Twitch will not let the bot in). */
    List<Pending> removeChannel(String channel) {
        List<Pending> removed = new ArrayList<>();
        int index = 0;
        int headRemoved = 0;
        for (Iterator<Pending> it = queue.iterator(); it.hasNext(); index++) {
            Pending item = it.next();
            if (item.channel().equals(channel)) {
                it.remove();
                removed.add(item);
                if (index < putBack) {
                    headRemoved++;
                }
            }
        }
        putBack -= headRemoved;
        return removed;
    }

    /** Removes and returns everything still queued (at shutdown). */
    List<Pending> drain() {
        List<Pending> rest = new ArrayList<>(queue);
        queue.clear();
        putBack = 0;
        return rest;
    }

    private Deque<InFlight> confirmable(String channel, long now) {
        Deque<InFlight> sent = inFlight.get(channel);
        if (sent == null) {
            return null;
        }
        while (!sent.isEmpty() && sent.peekFirst().at() <= now - CONFIRM_MILLIS) {
            sent.pollFirst();
        }
        return sent;
    }
}
