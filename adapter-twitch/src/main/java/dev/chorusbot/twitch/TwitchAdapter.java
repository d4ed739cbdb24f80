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
import dev.chorusbot.core.User;
import dev.chorusbot.twitch.internal.TwitchSession;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
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

    /** The platform id {@code twitch}. */
    public static final Platform PLATFORM = Platform.of("twitch");

    /**
     * One line of plain text, at most 500 code points (Twitch's limit,
     * https://dev.twitch.tv/docs/chat/send-receive-messages/), no buttons, no bot addressing.
     */
    public static final Capabilities CAPABILITIES =
            new Capabilities(false, 500, Capabilities.LengthUnit.CODE_POINTS, Set.of(), false, false);

    private final TwitchConfig config;
    private final TwitchSession session;
    private volatile EventSink sink;

    /**
     * An adapter for {@code config}.
     *
     * @param config the account, token, channels, server and rate limits
     * @throws NullPointerException if {@code config} is null
     */
    public TwitchAdapter(TwitchConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.session = new TwitchSession(config, PLATFORM, () -> ThreadLocalRandom.current().nextDouble(),
                new SessionEvents());
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
        this.sink = Objects.requireNonNull(eventSink, "sink");
        session.shareBudget(eventSink.sendBudget());
        session.start(eventSink.scheduler());
    }

    /**
     * Queues {@code message} for its channel. Completes when the line is written to Twitch; fails
     * for text containing a line break or NUL, text over 500 code points, a private chat (Twitch IRC
     * has no whispers), a configured channel Twitch refused to let the bot join (suspended or unknown:
     * {@code msg_channel_suspended}; asked again on each new connection), or after {@link #close()}.
     */
    @Override
    public CompletableFuture<Void> send(Outbound message) {
        return session.send(Objects.requireNonNull(message, "message"));
    }

    /** Ready while logged in to Twitch; not while connecting or reconnecting. */
    @Override
    public boolean isReady() {
        return session.isReady();
    }

    /** The bot's account: login in lower case, and the user id once Twitch has sent it. */
    @Override
    public Optional<User> self() {
        return Optional.of(session.self());
    }

    /**
     * True while logged in to Twitch.
     *
     * @return whether Twitch has accepted the login on the current connection
     */
    public boolean isConnected() {
        return session.isReady();
    }

    /**
     * How many connections were opened so far, reconnects included.
     *
     * @return the number of connections opened, 0 before the first
     */
    public int connectionCount() {
        return session.connections();
    }

    /** Whether the adapter waits for a timer (backoff, the login limit) to open its next connection; for tests. */
    boolean isWaitingToConnect() {
        return session.isWaitingToConnect();
    }

    @Override
    public void stopReceiving() {
        session.stopReceiving();
    }

    /** Sends what is queued (for up to {@link TwitchConfig#closeTimeout()}), then disconnects. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "TwitchAdapter[" + config.username() + " @ " + config.server() + "]";
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
            sink.stopped(TwitchAdapter.this, failure);
        }
    }
}
