package dev.chorusbot.twitch.internal;

import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.SendBudget;
import dev.chorusbot.core.User;
import dev.chorusbot.core.time.ScheduledTask;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.twitch.IrcMessage;
import dev.chorusbot.twitch.IrcTags;
import dev.chorusbot.twitch.TwitchChatException;
import dev.chorusbot.twitch.TwitchConfig;
import dev.chorusbot.twitch.TwitchLoginException;
import dev.chorusbot.twitch.TwitchMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot account's session with Twitch IRC: connect, log in, join, keep alive, reconnect, and send
 * under Twitch's limits. All state lives on one event-loop thread; connections hand it their lines and
 * other threads hand it messages to send, so nothing here needs a lock.
 *
 * <p>Protocol facts (https://dev.twitch.tv/docs/chat/irc/): request the {@code twitch.tv/tags} and
 * {@code twitch.tv/commands} capabilities, send PASS before NICK, wait for 001; a refused token gets
 * {@code NOTICE * :Login authentication failed} or {@code :Improperly formatted auth} and the server
 * closes the connection. Twitch PINGs about every five minutes and expects a PONG; it sends
 * RECONNECT before it restarts a server.
 *
 * <p>The session keeps the connection and its keep-alive and pumps the {@link OutboundQueue}; the
 * channel joins ({@link ChannelJoins}) and the write watchdog ({@link WriteWatchdog}) are their own
 * parts. Every timer runs on the bot's {@link Scheduler}, given in {@link #start(Scheduler)}.
 */
public final class TwitchSession {
    private static final Logger log = LoggerFactory.getLogger(TwitchSession.class);
    private static final Set<String> LOGIN_FAILURES = Set.of("Login authentication failed", "Improperly formatted auth");
    /** What viewers send: still handled when read by a connection that has ended since. */
    private static final Set<String> CHAT_COMMANDS = Set.of("PRIVMSG", "USERNOTICE", "WHISPER", "CLEARCHAT", "CLEARMSG");
    /** Characters of lines a connection may have waiting for the event loop before its reader stops reading. */
    static final int MAX_WAITING_CHARS = 1 << 20;
    /**
     * Twitch counts authentication attempts in windows of 10 s (https://dev.twitch.tv/docs/chat/#rate-limits);
     * counted here over 10.5 s, since a login reaches Twitch some time after it is counted, and one
     * delayed less than the first of its window would otherwise land inside Twitch's 10 s.
     */
    static final long LOGIN_WINDOW_MILLIS = 10_500;
    /**
     * How long a connection must have been logged in for its end to start the backoff over: a server
     * that ends every connection right after the login (a RECONNECT loop) meets a growing delay.
     */
    static final long STABLE_MILLIS = 30_000;

    /** What the session reports to its adapter. */
    public interface Events {
        /** An event to dispatch to the bot. */
        void inbound(InboundEvent event);

        /** The session stopped for good: {@code failure} says why (a refused login), null for a normal end. */
        void stopped(Throwable failure);
    }

    private enum State { IDLE, CONNECTING, REGISTERING, READY, STOPPED }

    private final TwitchConfig config;
    private final Events events;
    private final EventMapper mapper;
    private final ExecutorService loop;
    private final Backoff backoff;
    private final OutboundQueue queue;
    private final List<CompletableFuture<Void>> drainWaiters = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AccountLimits limits;
    private final List<String> channels;
    private final Platform platform;
    private volatile BotObserver observer = BotObserver.NONE;

    private volatile User self;
    private volatile boolean receiving = true;
    private volatile State state = State.IDLE;
    private int generation;
    private IrcTransport transport;
    private long connectedAt;
    private long welcomedAt;
    private long lastReceived;
    /**
     * When Twitch last answered something we sent (a PONG, or the welcome): what Twitch sends on its
     * own proves nothing, since a server can keep sending while it reads nothing of ours.
     */
    private long lastAnswered;
    private long pingSentAt;
    /** Whether Twitch acknowledged twitch.tv/commands on this connection, so each accepted PRIVMSG gets a USERSTATE. */
    private boolean confirmsMessages;
    private ScheduledTask pumpTimer;
    private long pumpAt;
    private ScheduledTask ticker;
    /** The timer that opens the next connection; pending while no connection is open and one will be. */
    private volatile ScheduledTask reconnectTimer;
    private final AtomicLong linesWritten = new AtomicLong();
    // Made by start(): the bot's scheduler, the same with tasks run on the loop, and the parts on them.
    private Scheduler time;
    private Scheduler onLoop;
    private ChannelJoins joins;
    private WriteWatchdog watchdog;

    /** A session for {@code config}; {@code random} draws reconnect jitter. */
    public TwitchSession(TwitchConfig config, Platform platform, DoubleSupplier random, Events events) {
        this(config, config.channels(), new AccountLimits(), platform, random, events);
    }

    /**
     * A session for {@code channels} of {@code config}'s account, one of several connections that
     * count Twitch's per-account limits in {@code limits} together.
     */
    public TwitchSession(TwitchConfig config, List<String> channels, AccountLimits limits, Platform platform,
            DoubleSupplier random, Events events) {
        this.config = config;
        this.channels = List.copyOf(channels);
        this.limits = limits;
        this.events = events;
        this.platform = platform;
        this.mapper = new EventMapper(platform);
        this.backoff = new Backoff(config.reconnectMin(), config.reconnectMax(), random);
        this.queue = new OutboundQueue(config.messageLimit(), config.moderatorMessageLimit(), limits.messages());
        this.self = User.of(config.username(), config.username(), config.username());
        this.loop = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "chorus-twitch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The bot's account: its login until Twitch's GLOBALUSERSTATE gives the user id and display name. */
    public User self() {
        return self;
    }

    /** True while logged in. */
    public boolean isReady() {
        return state == State.READY;
    }

    /** True while the session waits for a timer (backoff, the login limit) to open its next connection. */
    public boolean isWaitingToConnect() {
        // The timer itself, not a flag set beside it: a flag raised before the timer is scheduled
        // told a test to move its clock before there was a timer to move it for.
        ScheduledTask timer = reconnectTimer;
        return timer != null && !timer.isDone();
    }

    /** How many lines were written to Twitch so far, over every connection; for tests. */
    public long linesWritten() {
        return linesWritten.get();
    }

    /** How many connections were opened so far (reconnects included). */
    public int connections() {
        return connections.get();
    }

    /** Reports messages written, sends Twitch refused as too fast, and reconnects to {@code value}. */
    public void observe(BotObserver value) {
        this.observer = value;
    }

    /** Takes every message from {@code budget} too, the one the bot's instances share. */
    public void shareBudget(SendBudget budget) {
        execute(() -> queue.share(budget, config.username()));
    }

    /**
     * Connects in the background, with every timer on {@code scheduler}; failures are retried, a
     * refused login stops the session. Logins stay within the account's limit per 10 s, and a
     * connection that ends before it was logged in for {@link #STABLE_MILLIS} is followed by a
     * growing delay, RECONNECT included.
     */
    public void start(Scheduler scheduler) {
        Duration tick = Duration.ofMillis(
                Math.max(10, Math.min(config.pingInterval().toMillis(), config.pongTimeout().toMillis()) / 4));
        this.time = scheduler;
        this.onLoop = new OnLoop(scheduler, this::executeQuietly);
        this.joins = new ChannelJoins(channels, config.joinLimit(), limits.joins(), config.joinTimeout(), onLoop,
                new JoinLink());
        // The watchdog checks on the scheduler's own thread: the loop is what a stalled write blocks.
        this.watchdog = new WriteWatchdog(scheduler, config.pongTimeout(), tick);
        execute(() -> {
            ticker = onLoop.scheduleAtFixedRate(tick, tick, this::tick);
            connect();
        });
        watchdog.start();
    }

    /** Joins {@code channel} (lower case, without {@code #}) on this connection, now or once logged in. */
    public void join(String channel) {
        executeQuietly(() -> {
            if (state != State.STOPPED) {
                joins.add(channel);
            }
        });
    }

    /** Leaves {@code channel} (lower case, without {@code #}) and stops joining it on reconnects. */
    public void part(String channel) {
        executeQuietly(() -> {
            if (joins.remove(channel) && state == State.READY) {
                write("PART #" + channel);
            }
        });
    }

    /** Stops dispatching what arrives; sending continues. */
    public void stopReceiving() {
        receiving = false;
    }

    /**
     * Queues a message. The future completes when the line was written to Twitch, or exceptionally
     * when the message cannot be sent (a line break in it, longer than 500 code points, a chat
     * Twitch IRC cannot write to, a channel whose JOIN Twitch refused, the session stopped).
     */
    public CompletableFuture<Void> send(Outbound message) {
        Chat chat = message.chat();
        if (chat.kind() == Chat.Kind.PRIVATE) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Twitch IRC cannot send whispers; answer in a channel instead"));
        }
        String channel = chat.id().startsWith("#") ? chat.id().substring(1) : chat.id();
        channel = channel.toLowerCase(Locale.ROOT);
        String text = message.text();
        if (text.isBlank()) {
            return CompletableFuture.completedFuture(null);
        }
        if (text.codePointCount(0, text.length()) > OutboundQueue.MAX_CODE_POINTS) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Twitch drops messages longer than 500 characters; this one has "
                            + text.codePointCount(0, text.length())));
        }
        try {
            line(channel, text, message.replyToId()); // refuses CR, LF and NUL before anything is queued
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        OutboundQueue.Pending item = new OutboundQueue.Pending(channel, text, message.replyToId(), done, false, now());
        try {
            execute(() -> {
                if (state == State.STOPPED) {
                    done.completeExceptionally(new IllegalStateException("the Twitch adapter is closed"));
                    return;
                }
                if (joins != null && joins.refusal(item.channel()).isPresent()) {
                    done.completeExceptionally(joinRefused(item.channel()));
                    return;
                }
                queue.add(item);
                pump();
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("the Twitch adapter is closed"));
        }
        return done;
    }

    /**
     * Sends what is queued (within {@code config.closeTimeout()}), then closes the connection and the
     * event loop. What could not be sent in time is failed and logged.
     */
    public void close() {
        receiving = false;
        if (loop.isShutdown()) {
            return; // closed before
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        try {
            execute(() -> {
                if (queue.isEmpty() || state == State.STOPPED) {
                    drained.complete(null);
                } else {
                    drainWaiters.add(drained);
                }
            });
            drained.get(config.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.debug("Twitch queue not drained within {}", config.closeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Waiting for the Twitch queue failed", e);
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try {
            execute(() -> {
                stop(null, false);
                closed.complete(null);
            });
            closed.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Closing the Twitch session failed", e);
        }
        loop.shutdown();
        if (watchdog != null) {
            watchdog.stop();
        }
    }

    /** Milliseconds of the scheduler's monotonic clock. */
    private long now() {
        return time.nanoTime() / 1_000_000L;
    }

    // ---- everything below runs on the event loop ----

    private void execute(Runnable task) {
        loop.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Twitch session task failed", e);
            }
        });
    }

    private void connect() {
        if (state == State.STOPPED) {
            return;
        }
        // Counted before connecting: a PASS and NICK pair is an authentication attempt, accepted or not.
        long wait = limits.logins().acquire(config.loginLimit(), now());
        if (wait > 0) {
            state = State.IDLE;
            log.warn("Twitch allows {} logins in 10 s for an account; connecting in {} ms", config.loginLimit(), wait);
            connectIn(wait);
            return;
        }
        state = State.CONNECTING;
        int attempt = ++generation;
        IrcTransport opened;
        try {
            opened = IrcTransport.open(config.server(), config.sslContext(), config.connectTimeout(), listener(attempt));
        } catch (IOException e) {
            reconnectLater("could not connect to " + config.shownServer() + ": " + e.getMessage());
            return;
        }
        if (state == State.STOPPED) {
            opened.close();
            return;
        }
        connections.incrementAndGet();
        transport = opened;
        state = State.REGISTERING;
        connectedAt = now();
        lastReceived = connectedAt;
        lastAnswered = connectedAt;
        pingSentAt = 0;
        confirmsMessages = false;
        // PASS must come before NICK, or Twitch answers "Improperly formatted auth".
        write("CAP REQ :twitch.tv/tags twitch.tv/commands");
        write("PASS oauth:" + config.token());
        write("NICK " + config.username());
    }

    private IrcTransport.Listener listener(int attempt) {
        return new ConnectionLines(attempt);
    }

    /**
     * Hands one connection's lines from its reader thread to the event loop, in bounded memory. The
     * loop can be held up for as long as the write watchdog allows (a write to a server that stopped
     * reading blocks), so what waits for it is bounded: at most {@link #MAX_WAITING_CHARS} characters of
     * lines, past which the reader stops reading and TCP holds the server back; and PINGs are
     * coalesced, since a PONG only says the client is alive: one answer stands for every PING before
     * it, so a flood of PINGs costs one waiting task, not one per line.
     */
    private final class ConnectionLines implements IrcTransport.Listener {
        private final int attempt;
        private final Semaphore budget = new Semaphore(MAX_WAITING_CHARS);
        private final AtomicReference<String> ping = new AtomicReference<>();

        ConnectionLines(int attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onLine(String line) {
            if (line.startsWith("PING")) {
                if (ping.getAndSet(line) == null && !executeQuietly(this::pong)) {
                    ping.set(null);
                }
                return;
            }
            int cost = Math.min(Math.max(1, line.length()), MAX_WAITING_CHARS);
            try {
                budget.acquire(cost);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean queued = executeQuietly(() -> {
                budget.release(cost);
                if (state == State.STOPPED) {
                    return;
                }
                if (attempt == generation) {
                    received(line);
                } else {
                    readBeforeItEnded(line);
                }
            });
            if (!queued) {
                budget.release(cost);
            }
        }

        private void pong() {
            String line = ping.getAndSet(null);
            if (line != null && attempt == generation && state != State.STOPPED) {
                received(line);
            }
        }

        @Override
        public void onClosed(IOException cause) {
            executeQuietly(() -> {
                if (attempt == generation && (state == State.REGISTERING || state == State.READY)) {
                    reconnectLater("connection lost: " + cause.getMessage());
                }
            });
        }
    }

    /** Runs {@code task} on the loop; false when the session is closed and the loop takes no more. */
    private boolean executeQuietly(Runnable task) {
        try {
            execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false; // the session is closed; late lines are of no interest
        }
    }

    /**
     * A line that a connection read before it was dropped (a stalled write, RECONNECT) and that the
     * loop reaches only now. Its chat is still an event a viewer sent, so it is handled; what
     * belonged to that connection's protocol (PING, JOIN answers, USERSTATE, NOTICE) is not, since the
     * connection it answered is gone.
     */
    private void readBeforeItEnded(String line) {
        IrcMessage message;
        try {
            message = IrcMessage.parse(line);
        } catch (IllegalArgumentException e) {
            log.warn("Skipped a malformed line from Twitch ({}): {}", e.getMessage(), line);
            return;
        }
        if (CHAT_COMMANDS.contains(message.command())) {
            TrafficLog.received(line);
            try {
                dispatch(message);
            } catch (IllegalArgumentException e) {
                log.warn("Skipped a line from Twitch with malformed tags ({}): {}", e.getMessage(), line);
            }
        }
    }

    private void received(String line) {
        lastReceived = now();
        TrafficLog.received(line);
        IrcMessage message;
        try {
            message = IrcMessage.parse(line);
        } catch (IllegalArgumentException e) {
            log.warn("Skipped a malformed line from Twitch ({}): {}", e.getMessage(), line);
            return;
        }
        try {
            handle(message);
        } catch (IllegalArgumentException e) {
            log.warn("Skipped a line from Twitch with malformed tags ({}): {}", e.getMessage(), line);
        }
        // The clock may have passed a wait before its timer fires (a slow timer).
        if (!queue.isEmpty() && lastReceived >= pumpAt) {
            pump();
        }
    }

    private void handle(IrcMessage message) {
        String channel = message.param(0).startsWith("#") ? message.param(0).substring(1).toLowerCase(Locale.ROOT) : "";
        switch (message.command()) {
            case "PING" -> write(new IrcMessage(IrcTags.none(), "", "PONG", message.params()).toLine());
            case "PONG" -> lastAnswered = lastReceived;
            case "001" -> welcomed();
            case "CAP" -> {
                if (message.param(1).equals("ACK")) {
                    confirmsMessages = List.of(message.trailing().split(" ")).contains("twitch.tv/commands");
                } else if (message.param(1).equals("NAK")) {
                    log.warn("Twitch refused the capabilities {}; tags and Twitch commands will be missing",
                            message.trailing());
                }
            }
            case "GLOBALUSERSTATE" -> {
                IrcTags tags = message.tags();
                String login = config.username();
                self = User.of(tags.getOrDefault("user-id", login), login, tags.getOrDefault("display-name", login));
            }
            case "RECONNECT" -> {
                if (endsAStableConnection()) {
                    log.info("Twitch asked to reconnect; reconnecting now");
                    backoff.reset();
                    reconnect(0, "RECONNECT");
                } else {
                    reconnectLater("asked to reconnect " + (state == State.READY ? now() - welcomedAt + " ms after the login"
                            : "before the login finished"));
                }
            }
            case "JOIN" -> {
                if (message.nick().equalsIgnoreCase(config.username())) {
                    joins.joined(channel);
                    log.debug("Joined #{}", channel);
                    pump();
                }
            }
            case "PART" -> {
                if (message.nick().equalsIgnoreCase(config.username())) {
                    joins.parted(channel);
                }
            }
            case "USERSTATE" -> {
                Map<String, String> badges = TwitchMessage.badges(message.tags());
                queue.elevated(channel, badges.containsKey("moderator") || badges.containsKey("broadcaster"));
                if (!joins.takeJoinUserstate(channel)) {
                    queue.accepted(channel, now()); // Twitch answers each accepted PRIVMSG with USERSTATE
                }
                pump();
            }
            case "NOTICE" -> {
                if (notice(message, channel)) {
                    return;
                }
            }
            default -> { }
        }
        dispatch(message);
    }

    /** Handles a NOTICE; true when it ended the session. */
    private boolean notice(IrcMessage message, String channel) {
        String text = message.trailing();
        if (state == State.REGISTERING && LOGIN_FAILURES.contains(text)) {
            stop(new TwitchLoginException(config.username(), text), true);
            return true;
        }
        String msgId = message.tags().getOrDefault("msg-id", "");
        switch (msgId) {
            case "msg_ratelimit" -> {
                log.warn("Twitch refused a message to #{} as too fast; pausing sends for 30 s", channel);
                observer.sendRetried(platform, BotObserver.RetryReason.RATE_LIMITED);
                queue.refused(channel, msgId, now());
                pump();
            }
            case "msg_duplicate" -> {
                queue.refused(channel, msgId, now());
                pump();
            }
            case "msg_channel_suspended" -> {
                // Twitch's answer to a JOIN of a suspended or unknown channel: no JOIN echo follows, so
                // what waits for the JOIN would wait forever.
                if (!joins.refuseIfJoining(channel, msgId, text)) {
                    log.warn("Twitch refused a message in #{}: {} ({})", channel, text, msgId);
                    queue.dropped(channel, now());
                }
            }
            default -> {
                // Every other msg_* id (msg_slowmode, msg_followersonly, msg_banned, msg_rejected, ...; see
                // https://dev.twitch.tv/docs/irc/msg-id/) refuses our oldest unconfirmed message for good, in
                // place of its USERSTATE: forget it, or the next answer would be matched to the wrong message.
                if (msgId.startsWith("msg_")) {
                    log.warn("Twitch refused a message or join in #{}: {} ({})", channel, text, msgId);
                    queue.dropped(channel, now());
                }
            }
        }
        return false;
    }

    /** What the joins write and report, on the event loop. */
    private final class JoinLink implements ChannelJoins.Link {
        @Override
        public boolean join(String channel) {
            return write("JOIN #" + channel);
        }

        @Override
        public void refused(String channel, String reason) {
            refuseJoin(channel, reason);
        }
    }

    private void refuseJoin(String channel, String notice) {
        List<OutboundQueue.Pending> held = queue.removeChannel(channel);
        log.warn("Twitch refused to let the bot join #{}: {}; {} queued message(s) to it failed", channel, notice,
                held.size());
        TwitchChatException reason = joinRefused(channel);
        held.forEach(item -> item.done().completeExceptionally(reason));
        pump(); // the queue may be empty now, which a close waits for
    }

    private TwitchChatException joinRefused(String channel) {
        String reason = joins.refusal(channel).orElse("no reason given");
        return new TwitchChatException(channel, joins.refusalCode(channel), reason,
                "Twitch refused to let the bot join #" + channel + ": " + reason);
    }

    private void dispatch(IrcMessage message) {
        if (!receiving) {
            return;
        }
        Optional<InboundEvent> event = mapper.map(message, time.now());
        event.ifPresent(events::inbound);
    }

    private void welcomed() {
        if (state != State.REGISTERING) {
            return;
        }
        state = State.READY;
        lastAnswered = now();
        welcomedAt = lastAnswered;
        log.info("Logged in to Twitch as {} ({} channel(s) to join)", config.username(), joins.size());
        joins.connected();
        pump();
    }

    private void pump() {
        if (state != State.READY) {
            return;
        }
        while (true) {
            long now = now();
            OutboundQueue.Next next = queue.next(now, joins::mayWrite);
            if (next.item() == null) {
                if (next.waitMillis() > 0) {
                    schedulePump(now, next.waitMillis());
                }
                break;
            }
            OutboundQueue.Pending item = next.item();
            String line = line(item.channel(), next.text(), item.replyTo());
            if (!write(line)) {
                queue.retry(item);
                return;
            }
            observer.messageSent(platform);
            // From queueing to writing: the account's limits, the channel's earlier messages, a reconnect.
            observer.sendWaited(platform, Duration.ofMillis(Math.max(0, now - item.queuedAt())));
            item.done().complete(null);
        }
        if (queue.isEmpty() && !drainWaiters.isEmpty()) {
            drainWaiters.forEach(w -> w.complete(null));
            drainWaiters.clear();
        }
    }

    private void schedulePump(long now, long wait) {
        long at = now + wait;
        if (pumpTimer != null && !pumpTimer.isDone() && pumpAt <= at) {
            return;
        }
        if (pumpTimer != null) {
            pumpTimer.cancel();
        }
        pumpAt = at;
        pumpTimer = onLoop.schedule(Duration.ofMillis(wait), this::pump);
    }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Twitch session task failed", e);
        }
    }

    /** The PRIVMSG line; threaded under {@code replyTo} with Twitch's reply-parent-msg-id tag. */
    static String line(String channel, String text, Optional<String> replyTo) {
        IrcTags tags = replyTo.map(id -> IrcTags.of("reply-parent-msg-id", id)).orElse(IrcTags.none());
        return new IrcMessage(tags, "", "PRIVMSG", List.of("#" + channel, text)).toLine();
    }

    /** Writes a line; false (and a reconnect) when the connection failed. */
    private boolean write(String line) {
        if (transport == null) {
            return false;
        }
        // A TCP write blocks while the server takes no data: the watchdog closes such a socket, which
        // ends the write with an IOException. A write only notes when it started, nothing is scheduled.
        IrcTransport current = transport;
        watchdog.begin(current);
        try {
            current.send(line);
            TrafficLog.sent(line);
            linesWritten.incrementAndGet();
            return true;
        } catch (IOException e) {
            boolean stalled = watchdog.takeTimedOut();
            reconnectLater(stalled ? "took no data for " + config.pongTimeout().toMillis() + " ms"
                    : "sending failed: " + e.getMessage());
            return false;
        } finally {
            watchdog.end();
        }
    }

    private void tick() {
        guarded(() -> {
            long now = now();
            if (state == State.REGISTERING && now - connectedAt >= config.pongTimeout().toMillis()) {
                reconnectLater("no welcome from Twitch within " + config.pongTimeout().toMillis() + " ms of logging in");
            } else if (state == State.READY) {
                if (pingSentAt > 0 && lastAnswered >= pingSentAt) {
                    pingSentAt = 0;
                }
                if (pingSentAt > 0 && now - pingSentAt >= config.pongTimeout().toMillis()) {
                    reconnectLater("no answer to PING within " + config.pongTimeout().toMillis() + " ms");
                } else if (pingSentAt == 0 && now - lastAnswered >= config.pingInterval().toMillis()) {
                    pingSentAt = now;
                    write("PING :tmi.twitch.tv");
                }
            }
        });
    }

    private void reconnectLater(String reason) {
        if (state == State.STOPPED) {
            return;
        }
        if (endsAStableConnection()) {
            backoff.reset();
        }
        long delay = backoff.nextDelayMillis();
        log.warn("Twitch {}; reconnecting in {} ms", reason, delay);
        reconnect(delay, reason);
    }

    /** Whether the connection ending now was logged in long enough to start the backoff over. */
    private boolean endsAStableConnection() {
        return state == State.READY && now() - welcomedAt >= STABLE_MILLIS;
    }

    private void reconnect(long delayMillis, String reason) {
        observer.reconnecting(platform);
        dropConnection();
        state = State.IDLE;
        log.debug("Reconnecting to Twitch in {} ms ({})", delayMillis, reason);
        connectIn(delayMillis);
    }

    private void connectIn(long delayMillis) {
        reconnectTimer = time.schedule(Duration.ofMillis(delayMillis), () -> executeQuietly(this::connect));
    }

    private void dropConnection() {
        generation++; // lines and close reports of the old connection are ignored from now on
        if (transport != null) {
            transport.close();
            transport = null;
        }
        if (joins != null) {
            joins.disconnected();
        }
        // What Twitch neither confirmed nor refused may never have reached it (a server that stopped
        // reading): it goes again first. Without USERSTATE confirmations nothing can be told apart.
        int again = queue.requeueUnconfirmed(confirmsMessages, now());
        if (again > 0) {
            log.info("{} Twitch message(s) sent but not confirmed before the connection ended go again", again);
        }
        if (pumpTimer != null) {
            pumpTimer.cancel();
        }
    }

    private void stop(Throwable failure, boolean report) {
        if (state == State.STOPPED) {
            return;
        }
        if (state == State.READY && transport != null) {
            write("QUIT");
        }
        dropConnection();
        state = State.STOPPED;
        if (ticker != null) {
            ticker.cancel();
        }
        if (reconnectTimer != null) {
            reconnectTimer.cancel(); // else the bot's scheduler would hold it until it falls due
        }
        List<OutboundQueue.Pending> rest = queue.drain();
        if (!rest.isEmpty()) {
            log.warn("Gave up on {} Twitch message(s) still queued at shutdown", rest.size());
        }
        Exception reason = failure instanceof Exception e ? e : new IllegalStateException("the Twitch adapter is closed");
        rest.forEach(item -> item.done().completeExceptionally(reason));
        drainWaiters.forEach(w -> w.complete(null));
        drainWaiters.clear();
        if (report) {
            events.stopped(failure);
        }
    }
}
