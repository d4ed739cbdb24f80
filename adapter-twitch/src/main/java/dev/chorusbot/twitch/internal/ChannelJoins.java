package dev.chorusbot.twitch.internal;

import dev.chorusbot.core.time.ScheduledTask;
import dev.chorusbot.core.time.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured channels on one connection: which are joined, which wait to be joined, which
 * Twitch refused. Joins are paced (at most the account's limit, by default {@link #JOIN_LIMIT}, per {@link #JOIN_WINDOW_MILLIS} ms,
 * https://dev.twitch.tv/docs/chat/#rate-limits) and a JOIN left unanswered past the join timeout is
 * refused: Twitch answers a JOIN to a channel that does not exist with nothing at all. Its timers run
 * on the {@link Scheduler} it is given (the session's event loop); not thread-safe.
 */
final class ChannelJoins {
    static final int JOIN_LIMIT = 20;
    static final long JOIN_WINDOW_MILLIS = 10_000;

    /** Where the joins go. */
    interface Link {
        /** Writes {@code JOIN #channel}; false when the connection failed (it is then dropped). */
        boolean join(String channel);

        /** Twitch refused {@code channel} (or never answered): what waits for it must fail with {@code reason}. */
        void refused(String channel, String reason);
    }

    private final Set<String> configured;
    private final List<String> channels;
    private final long timeoutMillis;
    private final int limit;
    private final Scheduler scheduler;
    private final Link link;
    private final SharedWindow window;
    private final Deque<String> pending = new ArrayDeque<>();
    private final Set<String> joined = new HashSet<>();
    /** Channels whose JOIN answer's USERSTATE has not arrived yet; it confirms no message of ours. */
    private final Set<String> userstatePending = new HashSet<>();
    /** Configured channels Twitch refused on this connection, with its msg-id and reason. */
    private final Map<String, Refusal> refused = new HashMap<>();
    /** Channels whose JOIN was sent and not yet answered, with when it was sent (ms, monotonic). */
    private final Map<String, Long> sentAt = new LinkedHashMap<>();
    private boolean connected;
    private ScheduledTask paceTimer;
    private ScheduledTask timeoutTimer;

    /** Joins for {@code channels} at Twitch's standard pace, refusing those unanswered after {@code timeout}. */
    ChannelJoins(List<String> channels, Duration timeout, Scheduler scheduler, Link link) {
        this(channels, JOIN_LIMIT, new SharedWindow(JOIN_WINDOW_MILLIS), timeout, scheduler, link);
    }

    /** Joins for {@code channels}, at most {@code limit} per 10 s, refusing those unanswered after {@code timeout}. */
    ChannelJoins(List<String> channels, int limit, SharedWindow window, Duration timeout, Scheduler scheduler,
            Link link) {
        this.limit = limit;
        this.window = window;
        this.channels = new ArrayList<>(new LinkedHashSet<>(channels));
        this.configured = new HashSet<>(channels);
        this.timeoutMillis = timeout.toMillis();
        this.scheduler = scheduler;
        this.link = link;
    }

    private long now() {
        return scheduler.nanoTime() / 1_000_000L;
    }

    /** Logged in on a new connection: asks for every configured channel again (a suspension can end). */
    void connected() {
        connected = true;
        joined.clear();
        refused.clear();
        pending.clear();
        pending.addAll(channels);
        joinWhatMay();
    }

    /** The connection is gone: nothing is joined, nothing waits; the pacing window stays (Twitch counts it). */
    void disconnected() {
        connected = false;
        joined.clear();
        userstatePending.clear();
        pending.clear();
        sentAt.clear();
        cancel(paceTimer);
        cancel(timeoutTimer);
        paceTimer = null;
        timeoutTimer = null;
    }

    /** Twitch echoed our JOIN of {@code channel}; an answer later than the join timeout still counts. */
    void joined(String channel) {
        joined.add(channel);
        sentAt.remove(channel);
        refused.remove(channel);
        userstatePending.add(channel);
    }

    /** Adds {@code channel} to the channels to join, joining it now when connected; false when it is one already. */
    boolean add(String channel) {
        if (!configured.add(channel)) {
            return false;
        }
        channels.add(channel);
        if (connected) {
            pending.addLast(channel);
            joinWhatMay();
        }
        return true;
    }

    /**
     * Removes {@code channel} from the channels to join; true when it was joined or its JOIN was sent,
     * so a PART must follow.
     */
    boolean remove(String channel) {
        if (!configured.remove(channel)) {
            return false;
        }
        channels.remove(channel);
        pending.remove(channel);
        refused.remove(channel);
        userstatePending.remove(channel);
        boolean sent = sentAt.remove(channel) != null;
        return joined.remove(channel) || sent;
    }

    /** How many channels this connection is to be in. */
    int size() {
        return channels.size();
    }

    /** We left {@code channel}. */
    void parted(String channel) {
        joined.remove(channel);
    }

    /** Whether a USERSTATE for {@code channel} is the one that answers our JOIN (then it answers no message). */
    boolean takeJoinUserstate(String channel) {
        return userstatePending.remove(channel);
    }

    /**
     * Twitch refused something in {@code channel} with the NOTICE {@code notice} and its
     * {@code msgId}: true (and the channel refused) when it is a configured channel not joined yet,
     * so the notice answers our JOIN.
     */
    boolean refuseIfJoining(String channel, String msgId, String notice) {
        if (!configured.contains(channel) || joined.contains(channel)) {
            return false;
        }
        refuse(channel, new Refusal(msgId, notice));
        return true;
    }

    /** Whether messages to {@code channel} may be written now: joined, or not one of ours to join. */
    boolean mayWrite(String channel) {
        return joined.contains(channel) || !configured.contains(channel);
    }

    /** Why Twitch refused {@code channel} on this connection, if it did. */
    Optional<String> refusal(String channel) {
        return Optional.ofNullable(refused.get(channel)).map(Refusal::reason);
    }

    /** Twitch's msg-id for the refusal of {@code channel}; empty when it said nothing (a timeout) or did not refuse. */
    String refusalCode(String channel) {
        Refusal refusal = refused.get(channel);
        return refusal == null ? "" : refusal.code();
    }

    /** JOINs waiting for the pacing window. */
    int waiting() {
        return pending.size();
    }

    /** Writes the JOINs the window allows; schedules the rest. */
    private void joinWhatMay() {
        if (!connected) {
            return;
        }
        long now = now();
        while (!pending.isEmpty()) {
            long wait = window.acquire(limit, now); // counted with the account's other connections
            if (wait > 0) {
                if (paceTimer == null || paceTimer.isDone()) {
                    paceTimer = scheduler.schedule(Duration.ofMillis(wait), this::joinWhatMay);
                }
                return;
            }
            String channel = pending.pollFirst();
            sentAt.put(channel, now);
            if (timeoutTimer == null || timeoutTimer.isDone()) {
                timeoutTimer = scheduler.schedule(Duration.ofMillis(timeoutMillis), this::expire);
            }
            if (!link.join(channel)) {
                return; // the connection failed: disconnected() has cleared the rest
            }
        }
    }

    /** Refuses the JOINs unanswered for the join timeout; watches the next oldest. */
    private void expire() {
        timeoutTimer = null;
        if (!connected) {
            return;
        }
        long now = now();
        List<String> overdue = sentAt.entrySet().stream()
                .filter(sent -> now - sent.getValue() >= timeoutMillis).map(Map.Entry::getKey).toList();
        for (String channel : overdue) {
            refuse(channel, new Refusal("", "no answer to JOIN within " + timeoutMillis + " ms; does the channel exist?"));
        }
        Optional<Long> oldest = sentAt.values().stream().min(Long::compare);
        if (oldest.isPresent() && timeoutTimer == null) {
            timeoutTimer = scheduler.schedule(Duration.ofMillis(oldest.get() + timeoutMillis - now), this::expire);
        }
    }

    private void refuse(String channel, Refusal refusal) {
        sentAt.remove(channel);
        refused.put(channel, refusal);
        link.refused(channel, refusal.reason());
    }

    /** A refused JOIN: Twitch's msg-id ({@code msg_channel_suspended}; empty for no answer) and reason. */
    private record Refusal(String code, String reason) {}

    private static void cancel(ScheduledTask task) {
        if (task != null) {
            task.cancel();
        }
    }
}
