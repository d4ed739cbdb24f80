package dev.chorusbot.twitch;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PullAdapter;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.User;
import dev.chorusbot.twitch.internal.AccountLimits;
import dev.chorusbot.twitch.internal.TwitchSession;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a bot in Twitch chat over IRC: logs in, joins the configured channels, hands chat messages to
 * the bot and sends its answers under Twitch's rate limits, reconnecting whenever the connection
 * drops.
 *
 * <pre>{@code
 * Bot.builder()
 *         .command(hello)
 *         .adapter(TwitchAdapter.fromEnv())   // TWITCH_USERNAME, TWITCH_OAUTH_TOKEN, TWITCH_CHANNELS
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>A chat message becomes a {@link dev.chorusbot.core.Message} whose chat is the channel
 * ({@code id} = the channel's login) and whose {@code unwrap(TwitchMessage.class)} gives the tags;
 * USERNOTICE, CLEARCHAT, CLEARMSG, ROOMSTATE, USERSTATE, NOTICE and WHISPER arrive as
 * {@link dev.chorusbot.core.PlatformEvent}s of that type carrying the {@link IrcMessage}. Replies to a
 * command are threaded under it. When Twitch refuses the token the adapter stops and reports a
 * {@link TwitchLoginException}.
 */
@Api(Api.Status.STABLE)
public final class TwitchAdapter implements PullAdapter {
    private static final Logger log = LoggerFactory.getLogger(TwitchAdapter.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_]{1,25}");
    /** The most channels read back from the store at start. */
    private static final int MAX_KEPT_CHANNELS = 100_000;

    /** The platform id {@code twitch}. */
    public static final Platform PLATFORM = Platform.of("twitch");

    /**
     * One line of plain text, at most 500 code points (Twitch's limit,
     * https://dev.twitch.tv/docs/chat/send-receive-messages/), no buttons, no bot addressing.
     */
    public static final Capabilities CAPABILITIES =
            new Capabilities(false, 500, Capabilities.LengthUnit.CODE_POINTS, Set.of(), false, false);

    private final TwitchConfig config;
    private final AccountLimits limits = new AccountLimits();
    /** The connections, each with the channels it joins; the first exists from the start. */
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Map<String, Connection> byChannel = new ConcurrentHashMap<>();
    private final AtomicBoolean reportedStop = new AtomicBoolean();
    private final Object placing = new Object();
    private volatile EventSink sink;
    private volatile StateStore store;

    /** One IRC connection and the channels placed on it. */
    private record Connection(TwitchSession session, Set<String> channels) {}

    /**
     * An adapter for {@code config}.
     *
     * @param config the account, token, channels, server and rate limits
     * @throws NullPointerException if {@code config} is null
     */
    public TwitchAdapter(TwitchConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        List<String> channels = config.channels();
        int per = config.channelsPerConnection();
        for (int from = 0; from < Math.max(1, channels.size()); from += per) {
            newConnection(channels.subList(Math.min(from, channels.size()), Math.min(from + per, channels.size())));
        }
    }

    private Connection newConnection(List<String> channels) {
        TwitchSession session = new TwitchSession(config, channels, limits, PLATFORM,
                () -> ThreadLocalRandom.current().nextDouble(), new SessionEvents());
        Connection connection = new Connection(session, ConcurrentHashMap.newKeySet());
        connection.channels().addAll(channels);
        channels.forEach(channel -> byChannel.put(channel, connection));
        connections.add(connection);
        return connection;
    }

    private TwitchSession first() {
        return connections.get(0).session();
    }

    /**
     * An adapter configured from {@code TWITCH_USERNAME}, {@code TWITCH_OAUTH_TOKEN},
     * {@code TWITCH_CHANNELS} and {@code TWITCH_IRC_URL}.
     *
     * @return an adapter that has not connected yet
     * @throws dev.chorusbot.core.ConfigurationException listing every problem with the variables
     */
    public static TwitchAdapter fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * An adapter configured by {@code env} as {@link TwitchConfig#fromEnv(Map)} reads it.
     *
     * @param env the variables by name, such as {@code TWITCH_USERNAME}; not null
     * @return an adapter that has not connected yet
     * @throws dev.chorusbot.core.ConfigurationException listing every problem with the variables
     */
    public static TwitchAdapter fromEnv(Map<String, String> env) {
        return new TwitchAdapter(TwitchConfig.fromEnv(env));
    }

    /**
     * The configuration (its {@code toString} masks the token).
     *
     * @return the configuration the adapter was made with
     */
    public TwitchConfig config() {
        return config;
    }

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /**
     * Starts connecting in the background and returns; the adapter reconnects until it is closed.
     * Every timer (keep-alive, reconnect backoff, JOIN pacing and timeout, send pacing, the write
     * watchdog) runs on the sink's {@link EventSink#scheduler()}.
     */
    @Override
    public void start(EventSink eventSink) {
        Objects.requireNonNull(eventSink, "sink");
        this.store = eventSink.stateStore().orElse(null);
        if (store != null) {
            for (StateStore.Scored kept : store.indexRange(channelsKey(), Long.MAX_VALUE, MAX_KEPT_CHANNELS)) {
                place(kept.member());
            }
        }
        synchronized (placing) {
            this.sink = eventSink; // from now on a new connection starts as it is made
            connections.forEach(connection -> {
                connection.session().shareBudget(eventSink.sendBudget());
                connection.session().observe(eventSink.observer());
                connection.session().start(eventSink.scheduler());
            });
            // Channels placed before the start (kept in the store, joined early) join once logged in.
            byChannel.forEach((channel, connection) -> connection.session().join(channel));
        }
    }

    /**
     * Joins {@code channel} now (or at start), on a connection with room for it, and keeps it in the
     * bot's {@link StateStore}, so the bot joins it again after a restart; a channel the bot is in
     * already is left as it is. JOINs stay within {@link TwitchConfig#joinLimit()} for the account.
     *
     * @param channel the channel's login, with or without {@code #}, in any case
     * @throws IllegalArgumentException when {@code channel} is not a Twitch login
     */
    public void join(String channel) {
        String name = channelName(channel);
        EventSink started = sink;
        if (store != null) {
            store.addToIndex(channelsKey(), name, started == null ? 0 : started.scheduler().now().toEpochMilli());
        }
        Connection connection = place(name);
        if (connection != null && started != null) {
            connection.session().join(name);
        }
    }

    /**
     * Leaves {@code channel} and forgets it in the bot's {@link StateStore}; a channel the bot is not
     * in is ignored. A channel of {@link TwitchConfig#channels()} is joined again at the next start.
     *
     * @param channel the channel's login, with or without {@code #}, in any case
     * @throws IllegalArgumentException when {@code channel} is not a Twitch login
     */
    public void part(String channel) {
        String name = channelName(channel);
        if (store != null) {
            store.removeFromIndex(channelsKey(), name);
        }
        Connection connection;
        synchronized (placing) {
            connection = byChannel.remove(name);
            if (connection != null) {
                connection.channels().remove(name);
            }
        }
        if (connection != null) {
            connection.session().part(name);
        }
    }

    /**
     * The channels the bot is in or joining, over all its connections.
     *
     * @return channel logins in lower case, without {@code #}
     */
    public Set<String> channels() {
        return Set.copyOf(byChannel.keySet());
    }

    /** Puts {@code channel} on a connection with room (a new one when all are full); null when it has one. */
    private Connection place(String channel) {
        synchronized (placing) {
            if (byChannel.containsKey(channel)) {
                return null;
            }
            for (Connection connection : connections) {
                if (connection.channels().size() < config.channelsPerConnection()) {
                    connection.channels().add(channel);
                    byChannel.put(channel, connection);
                    return connection;
                }
            }
            Connection added = newConnection(List.of());
            added.channels().add(channel);
            byChannel.put(channel, added);
            EventSink started = sink;
            if (started != null) {
                added.session().shareBudget(started.sendBudget());
                added.session().observe(started.observer());
                added.session().start(started.scheduler());
            }
            return added;
        }
    }

    private String channelsKey() {
        return "chorus:twitch:channels:" + config.username();
    }

    private static String channelName(String channel) {
        String name = Objects.requireNonNull(channel, "channel").strip();
        name = (name.startsWith("#") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
        if (!CHANNEL.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + channel + "' is not a Twitch channel name: use the channel's"
                    + " login, with or without '#'.");
        }
        return name;
    }

    /**
     * Queues {@code message} for its channel. Completes when the line is written to Twitch; fails
     * for text containing a line break or NUL, text over 500 code points, a private chat (Twitch IRC
     * has no whispers), a configured channel Twitch refused to let the bot join (suspended or unknown:
     * {@code msg_channel_suspended}; asked again on each new connection), or after {@link #close()}.
     */
    @Override
    public CompletableFuture<Void> send(Outbound message) {
        Objects.requireNonNull(message, "message");
        String id = message.chat().id();
        Connection connection = byChannel.get((id.startsWith("#") ? id.substring(1) : id).toLowerCase(Locale.ROOT));
        return (connection == null ? first() : connection.session()).send(message);
    }

    /** Ready while logged in to Twitch on every connection; not while one is connecting or reconnecting. */
    @Override
    public boolean isReady() {
        return isConnected();
    }

    /** The bot's account: login in lower case, and the user id once Twitch has sent it. */
    @Override
    public Optional<User> self() {
        return Optional.of(first().self());
    }

    /**
     * True while logged in to Twitch on every connection.
     *
     * @return whether Twitch has accepted the login on each current connection
     */
    public boolean isConnected() {
        return connections.stream().allMatch(connection -> connection.session().isReady());
    }

    /**
     * How many connections were opened so far, reconnects included.
     *
     * @return the number of connections opened, 0 before the first
     */
    public int connectionCount() {
        return connections.stream().mapToInt(connection -> connection.session().connections()).sum();
    }

    /**
     * How many IRC connections the adapter keeps: one per {@link TwitchConfig#channelsPerConnection()}
     * channels.
     *
     * @return the number of connections, at least 1
     */
    public int connectionsKept() {
        return connections.size();
    }

    /** How many lines the adapter wrote to Twitch, over every connection; for tests. */
    long linesWritten() {
        return connections.stream().mapToLong(connection -> connection.session().linesWritten()).sum();
    }

    /** Whether the adapter waits for a timer (backoff, the login limit) to open its next connection; for tests. */
    boolean isWaitingToConnect() {
        return connections.stream().anyMatch(connection -> connection.session().isWaitingToConnect());
    }

    @Override
    public void stopReceiving() {
        connections.forEach(connection -> connection.session().stopReceiving());
    }

    /** Sends what is queued (for up to {@link TwitchConfig#closeTimeout()}), then disconnects. */
    @Override
    public void close() {
        connections.forEach(connection -> connection.session().stopReceiving());
        connections.forEach(connection -> connection.session().close());
    }

    @Override
    public String toString() {
        return "TwitchAdapter[" + config.username() + " @ " + config.shownServer() + "]";
    }

    private final class SessionEvents implements TwitchSession.Events {
        @Override
        public void inbound(InboundEvent event) {
            EventSink target = sink;
            target.dispatch(event).whenComplete((handled, error) -> {
                if (handled != null) {
                    sendAll(handled);
                } else {
                    log.debug("Twitch event not handled: {}", error.getMessage());
                }
            });
        }

        private void sendAll(Handled handled) {
            for (Outbound outbound : handled.outbound()) {
                send(outbound).whenComplete((ok, error) -> {
                    if (error != null) {
                        log.warn("A reply to #{} was not sent: {}", outbound.chat().id(), error.getMessage());
                    }
                });
            }
        }

        @Override
        public void stopped(Throwable failure) {
            if (reportedStop.compareAndSet(false, true)) {
                connections.forEach(connection -> connection.session().stopReceiving());
                sink.stopped(TwitchAdapter.this, failure);
            }
        }
    }
}
