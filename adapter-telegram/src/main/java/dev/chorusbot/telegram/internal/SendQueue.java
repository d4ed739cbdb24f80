package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.SendBudget;
import dev.chorusbot.core.StateUnavailableException;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.telegram.SendLimits;
import dev.chorusbot.telegram.TelegramApiException;
import dev.chorusbot.telegram.TelegramBotApi;
import dev.chorusbot.telegram.TelegramNetworkException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound queue: one lane per chat, one message in flight per lane (so a chat's messages
 * arrive in order), limits checked before each send, and Telegram's answers obeyed.
 *
 * <ul>
 *   <li>Limits (Telegram's bot FAQ): about 30 messages a second overall, one a second per private
 *       chat, 20 a minute per group — sliding windows over the times of the last sends.</li>
 *   <li>429: the lane waits {@code parameters.retry_after} seconds, then repeats the message.</li>
 *   <li>5xx and network errors: repeated with doubling backoff, up to the configured attempts.</li>
 *   <li>400 with {@code migrate_to_chat_id}: the group became a supergroup; the message and every
 *       later one to that chat go to the new id.</li>
 *   <li>403 (blocked, kicked, deactivated) and other 4xx: not repeated.</li>
 *   <li>The bot's {@link SendBudget} is asked right before each send with the same limits, keyed
 *       by the bot's id, so that instances sharing a store stay within them together; a refusal
 *       (or a budget that cannot be reached) makes the lane wait, it never drops the message.</li>
 * </ul>
 * What is given up is logged with the reason, and its future fails.
 *
 * <p>Memory: a chat has a lane only while it needs one (messages waiting or in flight, a wait
 * imposed by Telegram, or more than one send within its window). A chat that was sent one message
 * and nothing else is remembered by the time of that send alone ({@link LastSends}: 16 bytes) and
 * only for its window — a second for a private chat, a minute for a group — which is all its limit
 * needs. Idle lanes are dropped, or shrunk to that time, as the queue runs.
 */
public final class SendQueue {
    private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

    private final TelegramBotApi api;
    private final Scheduler scheduler;
    private final BotObserver observer;
    private final SendLimits limits;
    private final int maxAttempts;
    private final long initialBackoff;
    private final long maxBackoff;
    private final Map<Long, Long> migrated = new ConcurrentHashMap<>();
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final LastSends privateSends;
    private final LastSends groupSends;
    private final SendBudget.Limit overallLimit;
    private final ArrayDeque<Long> overall = new ArrayDeque<>();
    private long pumpAt = Long.MAX_VALUE;
    private int sweepAt = 64; // lane count at which tryTakeNow drops idle lanes
    private int pending;
    private boolean closed;
    private boolean drained; // close() stopped waiting: no repeat can be scheduled any more
    private final SendBudget budget;
    private final String account;

    /** A queue sending through {@code api}. */
    public SendQueue(TelegramBotApi api, Scheduler scheduler, BotObserver observer, SendLimits limits,
            int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        this(api, scheduler, observer, limits, maxAttempts, initialBackoff, maxBackoff, SendBudget.local(), "0");
    }

    /** A queue that also takes each send from {@code budget}, under the bot id {@code account}. */
    public SendQueue(TelegramBotApi api, Scheduler scheduler, BotObserver observer, SendLimits limits,
            int maxAttempts, Duration initialBackoff, Duration maxBackoff, SendBudget budget, String account) {
        this.budget = budget;
        this.account = account;
        this.api = api;
        this.scheduler = scheduler;
        this.observer = observer;
        this.limits = limits;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff.toMillis();
        this.maxBackoff = maxBackoff.toMillis();
        this.privateSends = new LastSends(PRIVATE_WINDOW);
        this.groupSends = new LastSends(GROUP_WINDOW);
        this.overallLimit = new SendBudget.Limit("telegram:" + account + ":all", limits.overallPerSecond(),
                Duration.ofSeconds(1));
    }

    private static final long PRIVATE_WINDOW = 1_000;
    private static final long GROUP_WINDOW = 60_000;

    private static final class Job {
        final Outbound message;
        final OutboundRequests.Request request;
        final ObjectNode params;
        final long originalChatId;
        final CompletableFuture<Void> future = new CompletableFuture<>();
        final long queuedAt;
        int failures;
        boolean started;

        Job(Outbound message, OutboundRequests.Request request, long originalChatId, long queuedAt) {
            this.message = message;
            this.request = request;
            this.params = request.params();
            this.originalChatId = originalChatId;
            this.queuedAt = queuedAt;
        }
    }

    private final class Lane {
        final ArrayDeque<Job> jobs = new ArrayDeque<>(2);
        final ArrayDeque<Long> sent = new ArrayDeque<>(2);
        final String chatId;
        final Chat.Kind kind;
        final int max;
        final long window;
        boolean inFlight;
        long notBefore;

        Lane(String chatId, Chat.Kind kind) {
            this.chatId = chatId;
            this.kind = kind;
            max = maxFor(kind);
            window = windowFor(kind);
        }

        long sharedWait(long now) {
            return SendQueue.this.sharedWait(chatId, kind);
        }

        long readyAt(long now) {
            prune(sent, now, window);
            long byWindow = sent.size() < max ? now : sent.peekFirst() + window;
            return Math.max(notBefore, byWindow);
        }

        boolean idle(long now) {
            prune(sent, now, window);
            return jobs.isEmpty() && !inFlight && sent.isEmpty() && notBefore <= now;
        }

        /** Nothing waiting or in flight, no imposed wait, and one send in the window: its time says it all. */
        boolean onlyOneSend(long now) {
            prune(sent, now, window);
            return jobs.isEmpty() && !inFlight && sent.size() == 1 && notBefore <= now;
        }
    }

    private int maxFor(Chat.Kind kind) {
        return kind == Chat.Kind.PRIVATE ? limits.privatePerSecond() : limits.groupPerMinute();
    }

    private static long windowFor(Chat.Kind kind) {
        return kind == Chat.Kind.PRIVATE ? PRIVATE_WINDOW : GROUP_WINDOW;
    }

    private LastSends lastSends(Chat.Kind kind) {
        return kind == Chat.Kind.PRIVATE ? privateSends : groupSends;
    }

    /** 0 when the shared budget took this send, else how long to wait; a budget that is away waits a second. */
    private long sharedWait(String chatId, Chat.Kind kind) {
        // Built per send, not kept: a lane or a remembered chat holds no limit objects.
        String key = "telegram:" + account + ":chat:" + chatId;
        try {
            return budget.tryTake(List.of(overallLimit,
                    new SendBudget.Limit(key, maxFor(kind), Duration.ofMillis(windowFor(kind))))).toMillis();
        } catch (StateUnavailableException e) {
            log.warn("Holding the messages to Telegram chat {} for a second: {}", key, e.getMessage());
            return 1_000;
        }
    }

    /** Marks a chat id that is not a number: such a chat always gets a lane. */
    private static final long NOT_NUMERIC = Long.MIN_VALUE;

    /** The chat id as a number, or {@link #NOT_NUMERIC} (also for Long.MIN_VALUE itself, never a chat). */
    private static long numericId(String chatId) {
        int i = chatId.startsWith("-") ? 1 : 0;
        if (chatId.length() <= i || chatId.length() > 19 + i) {
            return NOT_NUMERIC;
        }
        for (int j = i; j < chatId.length(); j++) {
            char c = chatId.charAt(j);
            if (c < '0' || c > '9') {
                return NOT_NUMERIC;
            }
        }
        try {
            return Long.parseLong(chatId);
        } catch (NumberFormatException e) {
            return NOT_NUMERIC;
        }
    }

    /**
     * The lane of {@code chat}, made when it has none; a send remembered for the chat outside a
     * lane moves into the new lane's window.
     */
    private Lane lane(Chat chat, long now) {
        Lane lane = lanes.get(chat.id());
        if (lane == null) {
            lane = new Lane(chat.id(), chat.kind());
            long id = numericId(chat.id());
            if (id != NOT_NUMERIC) {
                LastSends last = lastSends(chat.kind());
                if (last.has(id, now)) {
                    lane.sent.addLast(last.time(id));
                }
                last.remove(id);
            }
            lanes.put(chat.id(), lane);
        }
        return lane;
    }

    /** Drops idle lanes and shrinks those with one recent send to its time. */
    private void shrinkLanes(long now) {
        Iterator<Lane> it = lanes.values().iterator();
        while (it.hasNext()) {
            if (shrinkable(it.next(), now)) {
                it.remove();
            }
        }
    }

    /** Drops {@code lane} when it is idle, or shrinks it to its one send's time. */
    private void shrink(Lane lane, long now) {
        if (lanes.get(lane.chatId) == lane && shrinkable(lane, now)) {
            lanes.remove(lane.chatId);
        }
    }

    /** Whether {@code lane} can go: idle, or its one send now remembered outside it. */
    private boolean shrinkable(Lane lane, long now) {
        if (lane.idle(now)) {
            return true;
        }
        if (lane.onlyOneSend(now)) {
            long id = numericId(lane.chatId);
            if (id != NOT_NUMERIC) {
                lastSends(lane.kind).put(id, lane.sent.peekFirst()); // 16 bytes instead of a lane
                return true;
            }
        }
        return false;
    }

    private static void prune(ArrayDeque<Long> times, long now, long window) {
        while (!times.isEmpty() && times.peekFirst() + window <= now) {
            times.pollFirst();
        }
    }

    private long overallReadyAt(long now) {
        prune(overall, now, 1_000);
        return overall.size() < limits.overallPerSecond() ? now : overall.peekFirst() + 1_000;
    }

    private long millis() {
        return scheduler.nanoTime() / 1_000_000L;
    }

    /** The chat id to send to: the supergroup a migrated group became, or the chat itself. */
    public long target(long chatId) {
        return migrated.getOrDefault(chatId, chatId);
    }

    /**
     * Queues {@code message}. The future completes when Telegram accepted it, or fails (after a
     * warning in the log) when it was refused or given up.
     */
    public CompletableFuture<Void> submit(Outbound message) {
        Job job;
        try {
            job = job(message);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        synchronized (this) {
            if (closed) {
                IllegalStateException e = new IllegalStateException(
                        "the Telegram adapter is closed; a message to chat " + job.originalChatId + " was not sent");
                log.warn("{}", e.getMessage());
                return CompletableFuture.failedFuture(e);
            }
            lane(message.chat(), millis()).jobs.add(job);
            pending++;
        }
        pump();
        return job.future;
    }

    private Job job(Outbound message) {
        try {
            long chatId = Long.parseLong(message.chat().id());
            return new Job(message, OutboundRequests.of(message, target(chatId)), chatId, millis());
        } catch (IllegalArgumentException e) {
            log.warn("Not sending a message to Telegram chat {}: {}", message.chat().id(), e.getMessage());
            throw e;
        }
    }

    /**
     * Sends {@code message} now when its chat has nothing queued or in flight and no limit says
     * wait; otherwise nothing is queued and the result is empty (the caller then {@link #submit}s
     * it, to go when the limits allow). Checking and starting are one step, so two callers cannot
     * both take the last slot of a window.
     */
    public Optional<CompletableFuture<Void>> trySubmitNow(Outbound message) {
        Job job;
        try {
            job = job(message);
        } catch (IllegalArgumentException e) {
            return Optional.of(CompletableFuture.failedFuture(e));
        }
        Lane lane;
        synchronized (this) {
            long now = millis();
            lane = lane(message.chat(), now);
            if (closed || !lane.jobs.isEmpty() || lane.inFlight || lane.readyAt(now) > now || overallReadyAt(now) > now
                    || lane.sharedWait(now) > 0) {
                return Optional.empty();
            }
            lane.jobs.add(job);
            pending++;
            lane.sent.addLast(now);
            overall.addLast(now);
            lane.inFlight = true;
        }
        start(lane, job);
        return Optional.of(job.future);
    }

    /**
     * How long one more message to {@code chat} would wait behind those queued for it, by the
     * limits and any retry_after or backoff the chat is under, counting sends already made in the
     * windows; an estimate (the overall limit is counted for the next send only).
     */
    public synchronized Duration delayFor(Chat chat) {
        long now = millis();
        long overallAt = overallReadyAt(now);
        Lane lane = lanes.get(chat.id());
        long id = lane == null ? numericId(chat.id()) : NOT_NUMERIC;
        if (lane == null && (id == NOT_NUMERIC || !lastSends(chat.kind()).has(id, now))) {
            return Duration.ofMillis(overallAt - now);
        }
        ArrayDeque<Long> window = new ArrayDeque<>();
        int ahead = 0;
        long notBefore = now;
        int max = maxFor(chat.kind());
        long length = windowFor(chat.kind());
        if (lane != null) {
            window.addAll(lane.sent);
            ahead = lane.jobs.size() - (lane.inFlight ? 1 : 0); // the one in flight is counted in sent
            notBefore = lane.notBefore;
            max = lane.max;
            length = lane.window;
        } else {
            window.addLast(lastSends(chat.kind()).time(id));
        }
        long at = Math.max(now, notBefore);
        for (int i = 0; i <= ahead; i++) {
            prune(window, at, length);
            if (window.size() >= max) {
                at = window.peekFirst() + length;
                prune(window, at, length);
            }
            window.addLast(at);
        }
        return Duration.ofMillis(Math.max(at, overallAt) - now);
    }

    /**
     * Takes a send slot for {@code chat} now, for an answer that travels inside the webhook
     * response; false when the chat has queued messages or a limit says wait (then the answer is
     * queued like any other).
     */
    public synchronized boolean tryTakeNow(Chat chat) {
        long now = millis();
        if (lanes.size() >= sweepAt) {
            // Inline replies never pass through pump(), which shrinks idle lanes: without this sweep a
            // webhook bot would keep a lane for every chat it answered twice. Doubling the threshold
            // keeps the sweeps' cost constant per call on average.
            shrinkLanes(now);
            sweepAt = Math.max(64, lanes.size() * 2);
        }
        if (closed) {
            return false;
        }
        privateSends.sweep(now);
        groupSends.sweep(now);
        Lane existing = lanes.get(chat.id());
        long id = existing == null ? numericId(chat.id()) : NOT_NUMERIC;
        if (id != NOT_NUMERIC && maxFor(chat.kind()) == 1 && lastSends(chat.kind()).has(id, now)) {
            return false; // its one send a window is taken; no lane is needed to say so
        }
        if (id != NOT_NUMERIC && !lastSends(chat.kind()).has(id, now)) {
            // The common case of a webhook bot: a chat with nothing sent within its window. Its one
            // send is remembered by its time alone; no lane is made.
            if (overallReadyAt(now) > now || sharedWait(chat.id(), chat.kind()) > 0) {
                return false;
            }
            lastSends(chat.kind()).put(id, now);
            overall.addLast(now);
            return true;
        }
        Lane lane = existing != null ? existing : lane(chat, now);
        if (closed || !lane.jobs.isEmpty() || lane.inFlight || lane.readyAt(now) > now || overallReadyAt(now) > now
                || lane.sharedWait(now) > 0) {
            return false;
        }
        lane.sent.addLast(now);
        overall.addLast(now);
        return true;
    }

    /** Messages queued or in flight. */
    public synchronized int pending() {
        return pending;
    }

    /**
     * Chats with a lane: those with messages queued or in flight, under a wait Telegram imposed, or
     * sent more than one message within their limit window (until the queue next looks at them).
     */
    public synchronized int lanes() {
        return lanes.size();
    }

    /**
     * Chats remembered without a lane, by the time of their one send within the window, including
     * those whose window has passed and that have not been dropped yet.
     */
    public synchronized int remembered() {
        return privateSends.size() + groupSends.size();
    }

    private void pump() {
        List<Runnable> starts = new ArrayList<>();
        synchronized (this) {
            long now = millis();
            long earliest = Long.MAX_VALUE;
            privateSends.sweep(now);
            groupSends.sweep(now);
            Iterator<Lane> it = lanes.values().iterator();
            while (it.hasNext()) {
                Lane lane = it.next();
                if (shrinkable(lane, now)) {
                    it.remove(); // keeps memory bounded by the chats active in the last minute
                    continue;
                }
                if (lane.inFlight || lane.jobs.isEmpty()) {
                    continue;
                }
                long at = Math.max(lane.readyAt(now), overallReadyAt(now));
                if (at <= now) {
                    long wait = lane.sharedWait(now);
                    if (wait > 0) {
                        earliest = Math.min(earliest, now + wait);
                        continue;
                    }
                    lane.sent.addLast(now);
                    overall.addLast(now);
                    lane.inFlight = true;
                    Job job = lane.jobs.peekFirst();
                    starts.add(() -> start(lane, job));
                } else {
                    earliest = Math.min(earliest, at);
                }
            }
            if (earliest != Long.MAX_VALUE && earliest < pumpAt) {
                pumpAt = earliest;
                scheduler.schedule(Duration.ofMillis(earliest - now), () -> {
                    synchronized (this) {
                        pumpAt = Long.MAX_VALUE;
                    }
                    pump();
                });
            }
        }
        starts.forEach(Runnable::run);
    }

    private void start(Lane lane, Job job) {
        if (!job.started) {
            job.started = true;
            observer.sendWaited(EventMapper.TELEGRAM, Duration.ofMillis(millis() - job.queuedAt));
        }
        job.params.put("chat_id", target(job.originalChatId));
        OutboundRequests.Request request = job.request;
        CompletableFuture<?> call = request.upload().isPresent()
                ? api.callMultipart(request.method(), job.params, request.upload().get().field(),
                        request.upload().get().file())
                : api.call(request.method(), job.params);
        call.whenComplete((result, failure) -> finish(lane, job, failure));
    }

    private void finish(Lane lane, Job job, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        boolean done;
        synchronized (this) {
            lane.inFlight = false;
            long now = millis();
            done = true;
            if (cause instanceof TelegramApiException e && e.errorCode() == 400
                    && e.description().contains("message is not modified")) {
                // An edit to what the message already shows (the same roll twice): nothing to do.
                cause = null;
            } else if (cause instanceof TelegramApiException e) {
                if (e.errorCode() == 429) {
                    long wait = e.retryAfter().orElse(1) * 1_000L;
                    lane.notBefore = Math.max(lane.notBefore, now + wait);
                    log.warn("Telegram asked to slow down ({}); chat {} waits {} s", e.description(),
                            job.originalChatId, wait / 1000);
                    observer.sendRetried(EventMapper.TELEGRAM, BotObserver.RetryReason.RATE_LIMITED);
                    done = false;
                } else if (e.migrateToChatId().isPresent()) {
                    long to = e.migrateToChatId().get();
                    Long before = migrated.put(job.originalChatId, to);
                    log.info("Telegram group {} became supergroup {}; sending there", job.originalChatId, to);
                    done = before != null && before == to; // told twice to go to the same chat: give up
                } else if (e.errorCode() >= 500) {
                    done = !backoff(lane, job, now, BotObserver.RetryReason.SERVER_ERROR);
                }
            } else if (cause instanceof TelegramNetworkException) {
                done = !backoff(lane, job, now, BotObserver.RetryReason.NETWORK);
            }
            if (!done && drained) {
                // close() has stopped waiting and the timer stops after it: a repeat would never
                // happen, so give it up now. While close() still waits, repeats go on as usual.
                done = true;
                cause = new IllegalStateException("the Telegram adapter closed before the message to chat "
                        + job.originalChatId + " could be repeated after: " + cause.getMessage());
            }
            if (done) {
                lane.jobs.pollFirst();
                pending--;
                if (pending == 0) {
                    notifyAll();
                }
                shrink(lane, now);
            }
        }
        if (done) {
            if (cause == null) {
                observer.messageSent(EventMapper.TELEGRAM);
                job.future.complete(null);
            } else {
                log.warn("Gave up a message to Telegram chat {}: {}{}", job.originalChatId, cause.getMessage(),
                        cause instanceof TelegramApiException e && e.errorCode() == 403 ? " (not retried)" : "");
                job.future.completeExceptionally(cause);
            }
        }
        pump();
    }

    /** Schedules another attempt; false when the attempts are used up. */
    private boolean backoff(Lane lane, Job job, long now, BotObserver.RetryReason reason) {
        job.failures++;
        if (job.failures >= maxAttempts) {
            return false;
        }
        observer.sendRetried(EventMapper.TELEGRAM, reason);
        long delay = Math.min(maxBackoff, initialBackoff << Math.min(20, job.failures - 1));
        lane.notBefore = Math.max(lane.notBefore, now + delay);
        return true;
    }

    /**
     * Stops taking messages and waits up to {@code timeout} (real time) for the queued ones; those
     * still queued then are given up, each logged.
     */
    public void close(Duration timeout) {
        List<Job> abandoned = new ArrayList<>();
        synchronized (this) {
            closed = true;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (pending > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            drained = true;
            for (Lane lane : lanes.values()) {
                // The one in flight may still complete; the waiting ones never will.
                while (lane.jobs.size() > (lane.inFlight ? 1 : 0)) {
                    abandoned.add(lane.jobs.pollLast());
                    pending--;
                }
            }
        }
        for (Job job : abandoned) {
            log.warn("Gave up a message to Telegram chat {}: the adapter closed after waiting {} for the queue",
                    job.originalChatId, timeout);
            job.future.completeExceptionally(new IllegalStateException(
                    "the Telegram adapter closed before the message to chat " + job.originalChatId + " was sent"));
        }
    }
}
