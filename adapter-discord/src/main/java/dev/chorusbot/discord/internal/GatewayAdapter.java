package dev.chorusbot.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PullAdapter;
import dev.chorusbot.core.User;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.discord.Discord;
import dev.chorusbot.discord.DiscordApiException;
import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.discord.DiscordGatewayException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord through the Gateway (pull): asks {@code GET /gateway/bot} for the URL, the recommended
 * shard count and the session start limit (unless a Gateway URL is configured), opens one
 * {@link GatewayShard} per shard, hands MESSAGE_CREATE to the bot as {@link Message}s and sends
 * the answers through {@link DiscordRest}. GUILD_CREATE and the role events keep each guild's
 * owner and role permissions for the senders' roles.
 *
 * <p>Every shard's state lives on one loop thread; timers (heartbeats, backoff, the identify
 * rate) run on the bot's scheduler and hand their work to the loop. Reconnects are reported to
 * the bot's observers; close codes that reconnecting cannot fix stop the adapter with a
 * {@link DiscordGatewayException}.
 */
public final class GatewayAdapter implements PullAdapter {
    private static final Logger log = LoggerFactory.getLogger(GatewayAdapter.class);
    /** How long {@link #close()} waits for the sends still queued. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final long MIN_RETRY_MILLIS = 1_000;
    private static final long MAX_RETRY_MILLIS = 60_000;

    private final DiscordConfig config;
    private final DoubleSupplier random;
    private final GuildDirectory guilds = new GuildDirectory();
    private final GatewayMessages messages;
    private final List<GatewayShard> shards = new CopyOnWriteArrayList<>();
    private final AtomicBoolean reportedStop = new AtomicBoolean();
    private final ExecutorService loopThread;
    /** The loop thread; work handed to it after {@link #close()} is dropped, as nothing waits for it. */
    private final Executor loop;
    private volatile EventSink sink;
    private volatile Scheduler time;
    private volatile DiscordRest rest;
    private volatile User self;
    private volatile boolean receiving = true;
    private int gatewayAttempts;

    /**
     * An adapter for {@code config}, not connected yet.
     *
     * @param config the token, intents, shards and URLs
     */
    public GatewayAdapter(DiscordConfig config) {
        this(config, () -> ThreadLocalRandom.current().nextDouble());
    }

    GatewayAdapter(DiscordConfig config, DoubleSupplier random) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = random;
        this.messages = new GatewayMessages(guilds, config.answerBots());
        this.loopThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chorus-discord-gateway");
            t.setDaemon(true);
            return t;
        });
        this.loop = task -> {
            try {
                loopThread.execute(task);
            } catch (RejectedExecutionException closed) {
                log.debug("Discord Gateway: work after close dropped");
            }
        };
    }

    @Override
    public Platform platform() {
        return Discord.PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return Discord.CAPABILITIES;
    }

    /**
     * Starts in the background: asks {@code GET /gateway/bot} (or takes the configured URL), then
     * connects every shard. Returns at once.
     */
    @Override
    public void start(EventSink eventSink) {
        this.sink = Objects.requireNonNull(eventSink, "sink");
        this.time = eventSink.scheduler();
        DiscordRest client = new DiscordRest(config, time, eventSink.sendBudget());
        client.observe(eventSink.observer());
        this.rest = client;
        if (config.gatewayUrl().isPresent()) {
            loop.execute(() -> startShards(GatewayInfo.configured(config.gatewayUrl().get())));
        } else {
            loop.execute(this::askGateway);
        }
    }

    private void askGateway() {
        if (!receiving) {
            return;
        }
        rest.request(Route.of("GET", "/gateway/bot"), null).whenComplete((body, error) -> loop.execute(() -> {
            Throwable failure = error;
            if (failure == null) {
                try {
                    startShards(GatewayInfo.parse(body));
                    return;
                } catch (IllegalArgumentException e) {
                    failure = e;
                }
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof DiscordApiException api && api.status() == 401) {
                // The token is wrong: asking again cannot help.
                log.error("Discord refused the bot token: {}", api.getMessage());
                reportStopped(api);
                return;
            }
            long step = Math.min(MAX_RETRY_MILLIS, MIN_RETRY_MILLIS << Math.min(gatewayAttempts++, 16));
            long wait = step / 2 + (long) (random.getAsDouble() * (step - step / 2));
            log.warn("GET /gateway/bot failed ({}); asking again in {} ms", cause.getMessage(), wait);
            sink.observer().reconnecting(Discord.PLATFORM);
            time.schedule(Duration.ofMillis(wait), () -> loop.execute(this::askGateway));
        }));
    }

    private void startShards(GatewayInfo info) {
        if (!receiving) {
            return;
        }
        int count = config.shards() > 0 ? config.shards() : info.shards();
        IdentifyLimiter limiter = new IdentifyLimiter(time, info, count);
        log.info("Discord Gateway: {} shard(s), {} identify(ies) per 5 s, {} session start(s) remaining", count,
                info.maxConcurrency(), info.remaining() == Integer.MAX_VALUE ? "unknown" : info.remaining());
        ShardEvents events = new ShardEvents();
        for (int id = 0; id < count; id++) {
            shards.add(new GatewayShard(id, count, config, info.url(), limiter, time, loop, random, events));
        }
        shards.forEach(GatewayShard::start);
    }

    @Override
    public CompletableFuture<Void> send(Outbound message) {
        DiscordRest client = rest;
        if (client == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the Discord adapter is not started"));
        }
        return client.send(message).thenApply(sent -> null);
    }

    /** The bot's user from READY: id, username and display name; empty before the first READY. */
    @Override
    public Optional<User> self() {
        return Optional.ofNullable(self);
    }

    /** Ready while every shard has a session (READY or RESUMED on its current connection). */
    @Override
    public boolean isReady() {
        return !shards.isEmpty() && shards.stream().allMatch(GatewayShard::isReady);
    }

    @Override
    public int pendingSends() {
        DiscordRest client = rest;
        return client == null ? 0 : client.pending();
    }

    /**
     * How many Gateway connections were opened so far, reconnects included.
     *
     * @return the count over all shards
     */
    public int connectionCount() {
        return shards.stream().mapToInt(GatewayShard::connections).sum();
    }

    /**
     * How many shards this adapter runs.
     *
     * @return 0 until {@code /gateway/bot} answered, then the shard count
     */
    public int shardCount() {
        return shards.size();
    }

    /** The shards, for tests. */
    List<GatewayShard> shards() {
        return List.copyOf(shards);
    }

    /** Closes every shard's connection with 1000 (the sessions end), so no new event arrives. */
    @Override
    public void stopReceiving() {
        receiving = false;
        loop.execute(() -> shards.forEach(GatewayShard::stop));
    }

    /** Stops receiving, sends what is queued (for up to 10 s), then lets go of the threads. */
    @Override
    public void close() {
        stopReceiving();
        DiscordRest client = rest;
        if (client != null) {
            try {
                client.drained().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Discord: {} message(s) still unsent after {} s at close", client.pending(),
                        CLOSE_TIMEOUT.toSeconds());
            }
            client.close();
        }
        loopThread.shutdown();
    }

    private void reportStopped(Throwable failure) {
        if (reportedStop.compareAndSet(false, true)) {
            receiving = false;
            shards.forEach(GatewayShard::stop);
            sink.stopped(this, failure);
        }
    }

    @Override
    public String toString() {
        return "DiscordGateway[" + shards.size() + " shard(s)]";
    }

    /** What the shards report, on the loop. */
    private final class ShardEvents implements GatewayShard.Events {
        @Override
        public void dispatch(GatewayShard shard, String type, JsonNode d) {
            if (guilds.apply(type, d)) {
                return;
            }
            if (!"MESSAGE_CREATE".equals(type)) {
                log.debug("Discord Gateway shard {} skipped event {}", shard.shardId(), type);
                return;
            }
            if (!receiving) {
                return;
            }
            User me = self;
            Optional<Message> message = messages.map(d, me == null ? null : me.id(), time.now());
            message.ifPresent(m -> sink.dispatch(m).whenComplete((handled, error) -> {
                if (handled != null) {
                    sendAll(handled);
                } else {
                    log.debug("Discord message {} not handled: {}", m.id(), error.toString());
                }
            }));
        }

        private void sendAll(Handled handled) {
            for (Outbound outbound : handled.outbound()) {
                send(outbound).whenComplete((ok, error) -> {
                    if (error != null) {
                        log.warn("A reply to Discord channel {} was not sent: {}", outbound.chat().id(),
                                error.getMessage());
                    }
                });
            }
        }

        @Override
        public void ready(GatewayShard shard, JsonNode user) {
            if (user.hasNonNull("id")) {
                self = DiscordUsers.user(user, null, Set.of());
            }
        }

        @Override
        public void reconnecting(GatewayShard shard) {
            try {
                sink.observer().reconnecting(Discord.PLATFORM);
            } catch (RuntimeException e) {
                log.warn("A bot observer failed on reconnecting", e);
            }
        }

        @Override
        public void stopped(GatewayShard shard, DiscordGatewayException failure) {
            reportStopped(failure);
        }
    }
}
