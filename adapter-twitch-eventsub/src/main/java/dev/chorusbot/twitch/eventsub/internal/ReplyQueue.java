package dev.chorusbot.twitch.eventsub.internal;

import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.twitch.TwitchAdapter;
import dev.chorusbot.twitch.eventsub.AppTokenRefusedException;
import dev.chorusbot.twitch.eventsub.ChatMessageDroppedException;
import dev.chorusbot.twitch.eventsub.TwitchApiException;
import dev.chorusbot.twitch.eventsub.TwitchEventSubConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies with Helix's Send Chat Message, as the bot ({@code sender_id}), threaded under the
 * message they answer ({@code reply_parent_message_id}). One channel's messages go out in order; several
 * channels are served at once. Each message first waits for room in Twitch's chat limit
 * ({@link ChatLimit}). A message Twitch drops ({@code is_sent: false}) or refuses is logged with
 * Twitch's reason and its future fails.
 */
public final class ReplyQueue {
    private static final Logger log = LoggerFactory.getLogger(ReplyQueue.class);
    private static final int MAX_LENGTH = 500;

    private final TwitchEventSubConfig config;
    private final HelixApi api;
    private final ChannelIds channelIds;
    private final ChatLimit chatLimit;
    private final Scheduler time;
    private final ExecutorService executor;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile BotObserver observer = BotObserver.NONE;

    /**
     * A queue sending through {@code api}, looking channel ids up in {@code channelIds}, within
     * {@code chatLimit}, timing each message's wait on {@code time}.
     */
    public ReplyQueue(TwitchEventSubConfig config, HelixApi api, ChannelIds channelIds, ChatLimit chatLimit,
            Scheduler time) {
        this.config = config;
        this.api = api;
        this.channelIds = channelIds;
        this.chatLimit = chatLimit;
        this.time = time;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "chorus-twitch-helix-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Reports sends, their retries and their waits for the chat limit to {@code observer} from now on. */
    public void observe(BotObserver observer) {
        this.observer = observer;
    }

    /** Queues {@code message}; the future completes when Twitch posted it. */
    public CompletableFuture<Void> send(Outbound message) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        String text = message.text();
        int length = text.codePointCount(0, text.length());
        if (text.isBlank() || length > MAX_LENGTH) {
            // Send Chat Message: "The message is limited to a maximum of 500 characters." The bot
            // splits replies to that; this catches messages handed to the adapter directly.
            IllegalArgumentException refused = new IllegalArgumentException(text.isBlank()
                    ? "a Twitch chat message must not be empty"
                    : "a Twitch chat message holds at most 500 characters, this one has " + length);
            log.warn("Refused a message to #{}: {}", message.chat().id(), refused.getMessage());
            result.completeExceptionally(refused);
            return result;
        }
        if (closed) {
            result.completeExceptionally(new IllegalStateException("the Twitch EventSub adapter is closed"));
            return result;
        }
        pending.add(result);
        result.whenComplete((v, e) -> pending.remove(result));
        Instant queued = time.now();
        String channel = message.chat().id();
        tails.compute(channel, (key, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = previous.handle((v, e) -> null)
                    .thenRunAsync(() -> deliver(message, queued, result), executor);
            next.whenComplete((v, e) -> tails.remove(key, next));
            return next;
        });
        return result;
    }

    private void deliver(Outbound message, Instant queued, CompletableFuture<Void> result) {
        String channel = message.chat().id();
        try {
            String broadcasterId = channelIds.idOf(channel);
            chatLimit.acquire(channel, broadcasterId);
            BotObserver observer = this.observer;
            HelixApi.SendResult sent = api.sendChatMessage(broadcasterId, config.botUserId(), message.text(),
                    message.replyToId(), observer);
            if (sent.sent()) {
                observer.messageSent(TwitchAdapter.PLATFORM);
                // From queueing to the request that posted it: the chat limit, Helix's rate limit and
                // retries, and the channel's earlier messages.
                observer.sendWaited(TwitchAdapter.PLATFORM, Duration.between(queued, time.now()));
                result.complete(null);
                return;
            }
            ChatMessageDroppedException dropped = new ChatMessageDroppedException(channel, sent.dropCode(),
                    sent.dropMessage());
            log.warn("{}", dropped.getMessage());
            result.completeExceptionally(dropped);
        } catch (TwitchApiException e) {
            // Helix refuses a bot the channel has not let in with 401 or 403.
            String hint = (e.status() == 401 || e.status() == 403) && !(e instanceof AppTokenRefusedException)
                    ? " (the broadcaster must grant channel:bot or make the bot a moderator, and the bot account"
                            + " must have granted user:write:chat and user:bot)" : "";
            log.warn("Gave up sending a message to #{}: {}{}", channel, e.getMessage(), hint);
            result.completeExceptionally(e);
        } catch (IllegalArgumentException e) {
            log.warn("Gave up sending a message to #{}: {}", channel, e.getMessage());
            result.completeExceptionally(e);
        } catch (IOException e) {
            log.warn("Gave up sending a message to #{}: Twitch could not be reached ({})", channel, e.toString());
            result.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            log.warn("Gave up sending a message to #{}", channel, e);
            result.completeExceptionally(e);
        }
    }

    /** Sends what is queued (waiting up to the close timeout), then stops the sending threads. */
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + config.closeTimeout().toNanos();
        for (CompletableFuture<Void> future : Set.copyOf(pending)) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CancellationException e) {
                // this reply failed (already logged); the others still get their time
            } catch (TimeoutException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        executor.shutdownNow();
        for (CompletableFuture<Void> future : Set.copyOf(pending)) {
            if (future.completeExceptionally(new IllegalStateException(
                    "the Twitch EventSub adapter closed before the message was sent"))) {
                log.warn("Closed with a message to Twitch still unsent after {}", config.closeTimeout());
            }
        }
    }
}
