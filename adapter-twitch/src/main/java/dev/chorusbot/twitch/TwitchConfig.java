package dev.chorusbot.twitch;

import static dev.chorusbot.core.internal.ConfigRules.notNegative;
import static dev.chorusbot.core.internal.ConfigRules.positive;
import static dev.chorusbot.core.internal.ConfigRules.withoutUserInfo;
import static dev.chorusbot.twitch.internal.ConfigChecks.channelLogins;
import static dev.chorusbot.twitch.internal.ConfigChecks.checkMessageLimits;
import static dev.chorusbot.twitch.internal.ConfigChecks.hostAndPort;
import static dev.chorusbot.twitch.internal.ConfigChecks.login;
import static dev.chorusbot.twitch.internal.ConfigChecks.printable;
import static dev.chorusbot.twitch.internal.ConfigChecks.scheme;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.config.ConfigProblems;
import dev.chorusbot.core.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * How the Twitch adapter connects: account, token, channels, server and timings. Build it with
 * {@link #builder()} or read it from the environment with {@link #fromEnv()}; the builder only
 * records problems, and {@link Builder#build()} throws one {@link ConfigurationException} listing
 * all of them, each naming its setter, or its variable when the value came from the environment:
 *
 * <pre>{@code
 * TwitchAdapter twitch = new TwitchAdapter(TwitchConfig.builder()
 *         .username("chorus_bot")
 *         .token(System.getenv("TWITCH_OAUTH_TOKEN"))
 *         .channels("chorusbot", "#another")
 *         .build());
 * }</pre>
 *
 * <p>{@link #toString()} never shows the token.
 */
@Api(Api.Status.STABLE)
public final class TwitchConfig {
    /** Twitch's IRC-over-WebSocket endpoint with TLS (https://dev.twitch.tv/docs/chat/irc/). */
    public static final URI DEFAULT_SERVER = URI.create("wss://irc-ws.chat.twitch.tv:443");

    private final String username;
    private final String token;
    private final List<String> channels;
    private final URI server;
    private final Optional<SSLContext> sslContext;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final Duration reconnectMin;
    private final Duration reconnectMax;
    private final Duration connectTimeout;
    private final Duration joinTimeout;
    private final Duration closeTimeout;
    private final int messageLimit;
    private final int moderatorMessageLimit;
    private final int loginLimit;
    private final int joinLimit;
    private final int channelsPerConnection;

    private TwitchConfig(Builder b, String username, String token, List<String> channels) {
        this.username = username;
        this.token = token;
        this.channels = List.copyOf(channels);
        this.server = b.server;
        this.sslContext = Optional.ofNullable(b.sslContext);
        this.pingInterval = b.pingInterval;
        this.pongTimeout = b.pongTimeout;
        this.reconnectMin = b.reconnectMin;
        this.reconnectMax = b.reconnectMax;
        this.connectTimeout = b.connectTimeout;
        this.joinTimeout = b.joinTimeout;
        this.closeTimeout = b.closeTimeout;
        this.messageLimit = b.messageLimit;
        this.moderatorMessageLimit = b.moderatorMessageLimit;
        this.loginLimit = b.loginLimit;
        this.joinLimit = b.joinLimit;
        this.channelsPerConnection = b.channelsPerConnection;
    }

    /**
     * A builder with Twitch's defaults.
     *
     * @return a new builder; its {@link Builder#build()} checks the settings
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the configuration from the process environment; see {@link #fromEnv(Map)}.
     *
     * @return the checked configuration
     * @throws ConfigurationException listing every missing or malformed variable
     */
    public static TwitchConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads the configuration from {@code env}; each variable sets one builder setting, so the
     * rules and defaults are the builder's:
     * <ul>
     *   <li>{@code TWITCH_USERNAME} (required) — {@link Builder#username(String)};</li>
     *   <li>{@code TWITCH_OAUTH_TOKEN} (required) — {@link Builder#token(String)};</li>
     *   <li>{@code TWITCH_CHANNELS} (required) — comma separated, {@code #} optional,
     *       {@link Builder#channels(List)};</li>
     *   <li>{@code TWITCH_IRC_URL} — {@link Builder#server(URI)}.</li>
     * </ul>
     *
     * @param env variable names to values; missing or blank names count as unset
     * @return the checked configuration
     * @throws ConfigurationException listing every missing or malformed variable, each by its name
     */
    public static TwitchConfig fromEnv(Map<String, String> env) {
        Builder b = builder();
        Env vars = Env.of(Objects.requireNonNull(env, "env"), b.problems);
        vars.string("TWITCH_USERNAME", "username").ifPresent(b::username);
        vars.string("TWITCH_OAUTH_TOKEN", "token").ifPresent(b::token);
        b.channels(vars.list("TWITCH_CHANNELS", "channels"));
        vars.url("TWITCH_IRC_URL", "server").ifPresent(b::server);
        return b.build();
    }

    /**
     * The bot account's login, lower case (Twitch logins are case-insensitive).
     *
     * @return the login, 1 to 25 letters, digits or underscores
     */
    public String username() {
        return username;
    }

    /**
     * The user access token, without the {@code oauth:} prefix that IRC's PASS adds. Never log it.
     *
     * @return the token as configured, stripped of blanks and of an {@code oauth:} prefix
     */
    public String token() {
        return token;
    }

    /**
     * The channels to join: logins, lower case, without {@code #}, without duplicates.
     *
     * @return the channels in the order configured; never empty
     */
    public List<String> channels() {
        return channels;
    }

    /**
     * The server URL; its scheme chooses the transport ({@code irc}, {@code ircs}, {@code ws},
     * {@code wss}).
     *
     * @return an {@code irc}, {@code ircs}, {@code ws} or {@code wss} URL with a host
     */
    public URI server() {
        return server;
    }

    /**
     * The TLS context for {@code ircs} and {@code wss}; empty means the JDK's default trust store.
     *
     * @return the context given to the builder, or empty
     */
    public Optional<SSLContext> sslContext() {
        return sslContext;
    }

    /**
     * How long Twitch may answer nothing the adapter sent (a PONG, the welcome) before the adapter
     * sends its own PING; lines Twitch sends on its own do not count, since a server can send while
     * it reads nothing.
     *
     * @return a positive duration; default 60 seconds
     */
    public Duration pingInterval() {
        return pingInterval;
    }

    /**
     * How long to wait for the PONG to our PING (or for 001 after logging in, or for a line to be
     * written while the server takes no data) before reconnecting.
     *
     * @return a positive duration; default 15 seconds
     */
    public Duration pongTimeout() {
        return pongTimeout;
    }

    /**
     * The first reconnect delay; it doubles up to {@link #reconnectMax()}, with jitter.
     *
     * @return a positive duration; default 1 second
     */
    public Duration reconnectMin() {
        return reconnectMin;
    }

    /**
     * The longest reconnect delay.
     *
     * @return a positive duration; default 60 seconds
     */
    public Duration reconnectMax() {
        return reconnectMax;
    }

    /**
     * How long opening the connection may take.
     *
     * @return a positive duration; default 10 seconds
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long a JOIN may go unanswered before the channel counts as refused: Twitch answers a JOIN
     * to a channel that does not exist with nothing at all.
     *
     * @return a positive duration; default 10 seconds
     */
    public Duration joinTimeout() {
        return joinTimeout;
    }

    /**
     * How long {@code close()} waits for queued messages to go out.
     *
     * @return the duration; default 10 seconds
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /**
     * Messages the account may send per 30 seconds; Twitch's standard is 20.
     *
     * @return a positive count; default 20
     */
    public int messageLimit() {
        return messageLimit;
    }

    /**
     * Messages per 30 seconds where the bot is moderator or broadcaster; Twitch's standard is 100.
     *
     * @return a count at least {@link #messageLimit()}; default 100
     */
    public int moderatorMessageLimit() {
        return moderatorMessageLimit;
    }

    /**
     * Authentication attempts (a PASS and NICK pair, on any connection) per 10 seconds for the
     * account; Twitch's standard is 20, 200 for a verified bot.
     *
     * @return a positive count; default 20
     */
    public int loginLimit() {
        return loginLimit;
    }

    /**
     * JOINs per 10 seconds for the account, over all its connections; Twitch's standard is 20, 2,000
     * for a verified bot.
     *
     * @return a positive count; default 20
     */
    public int joinLimit() {
        return joinLimit;
    }

    /**
     * The most channels one IRC connection joins; a bot in more channels keeps more connections,
     * each reconnecting on its own.
     *
     * @return a positive count; default 50
     */
    public int channelsPerConnection() {
        return channelsPerConnection;
    }

    /** The settings, with the token masked. */
    @Override
    public String toString() {
        return "TwitchConfig[username=" + username + ", token=***, channels=" + channels + ", server=" + shownServer()
                + "]";
    }

    /**
     * {@link #server()} as logs and messages may show it: with a password in its user info
     * ({@code wss://user:pass@proxy}) and the token masked.
     *
     * @return the server URL with its secrets masked
     */
    public String shownServer() {
        String text = withoutUserInfo(server);
        return token.isEmpty() ? text : text.replace(token, "***");
    }

    /**
     * Builds a {@link TwitchConfig}. Setters only record; {@link #build()} checks everything at
     * once and names each problem by its setter (or its variable, for {@link #fromEnv(Map)}).
     */
    public static final class Builder {
        /** Where each setting came from, and what could not be read. */
        final ConfigProblems problems = new ConfigProblems();
        private String username = "";
        private String token = "";
        private List<String> channels = List.of();
        private URI server = DEFAULT_SERVER;
        private SSLContext sslContext;
        private Duration pingInterval = Duration.ofSeconds(60);
        private Duration pongTimeout = Duration.ofSeconds(15);
        private Duration reconnectMin = Duration.ofSeconds(1);
        private Duration reconnectMax = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration joinTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(10);
        private int messageLimit = 20;
        private int moderatorMessageLimit = 100;
        private int loginLimit = 20;
        private int joinLimit = 20;
        private int channelsPerConnection = 50;

        private Builder() {}

        /**
         * The bot account's login ({@code TWITCH_USERNAME}), in any case.
         *
         * @param value the login; blanks around it are stripped
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder username(String value) {
            this.username = Objects.requireNonNull(value, "username");
            return this;
        }

        /**
         * A user access token with chat:read and chat:edit ({@code TWITCH_OAUTH_TOKEN});
         * {@code oauth:} optional.
         *
         * @param value the token, with or without {@code oauth:}; blanks around it are stripped
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder token(String value) {
            this.token = Objects.requireNonNull(value, "token");
            return this;
        }

        /**
         * The channels to join ({@code TWITCH_CHANNELS}); {@code #} optional.
         *
         * @param values channel logins in any case; they replace the ones set before
         * @return this builder
         * @throws NullPointerException if {@code values} or one of them is null
         */
        public Builder channels(String... values) {
            return channels(List.of(values));
        }

        /**
         * The channels to join ({@code TWITCH_CHANNELS}); {@code #} optional.
         *
         * @param values channel logins in any case; they replace the ones set before
         * @return this builder
         * @throws NullPointerException if {@code values} or one of them is null
         */
        public Builder channels(List<String> values) {
            this.channels = List.copyOf(values);
            return this;
        }

        /**
         * The server ({@code TWITCH_IRC_URL}); default {@code wss://irc-ws.chat.twitch.tv:443}.
         *
         * @param value an {@code irc}, {@code ircs}, {@code ws} or {@code wss} URL; checked by
         *     {@link #build()}
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder server(URI value) {
            this.server = Objects.requireNonNull(value, "server");
            return this;
        }

        /**
         * The TLS context for {@code ircs}/{@code wss}: trust a private CA or a test certificate.
         * Host names are still verified.
         *
         * @param value the context whose trust managers check the server's certificate
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder sslContext(SSLContext value) {
            this.sslContext = Objects.requireNonNull(value, "sslContext");
            return this;
        }

        /**
         * Send our own PING after {@code idle} without an answer from Twitch; reconnect when no
         * PONG arrives within {@code timeout}.
         *
         * @param idle how long Twitch may answer nothing we sent before the PING; default 60 s;
         *     positive, checked by {@link #build()}
         * @param timeout how long to wait for the PONG (or for 001 after logging in, or
         *     for a write the server takes no data for); default 15 s; positive
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder keepAlive(Duration idle, Duration timeout) {
            this.pingInterval = Objects.requireNonNull(idle, "idle");
            this.pongTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Reconnect delays: from {@code min}, doubling up to {@code max}, each with jitter.
         *
         * @param min the first delay; default 1 s; positive, checked by {@link #build()}
         * @param max the longest delay; default 60 s; at least {@code min}
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder reconnectBackoff(Duration min, Duration max) {
            this.reconnectMin = Objects.requireNonNull(min, "min");
            this.reconnectMax = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * How long opening a connection may take; default 10 s.
         *
         * @param value a positive duration; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /**
         * How long a JOIN may go unanswered; default 10 s. Twitch answers a JOIN to a channel that
         * does not exist with nothing, so without this limit messages to it would wait forever. Past
         * it, messages to the channel fail with the reason, and the next connection asks again.
         *
         * @param value a positive duration; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder joinTimeout(Duration value) {
            this.joinTimeout = Objects.requireNonNull(value, "joinTimeout");
            return this;
        }

        /**
         * How long closing waits for queued messages; default 10 s.
         *
         * @param value the longest wait; zero does not wait; not negative, checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder closeTimeout(Duration value) {
            this.closeTimeout = Objects.requireNonNull(value, "closeTimeout");
            return this;
        }

        /**
         * Messages per 30 seconds, normally and where the bot is moderator or broadcaster; Twitch's
         * standard is 20 and 100 (https://dev.twitch.tv/docs/chat/#rate-limits). Raise them only for
         * an account Twitch granted more, or for a load test against a local server: Twitch ignores
         * an account that exceeds its limits for 30 minutes.
         *
         * @param perThirtySeconds messages per 30 seconds where the bot is an ordinary chatter;
         *     positive
         * @param asModeratorPerThirtySeconds messages per 30 seconds where the bot is moderator or
         *     broadcaster; at least {@code perThirtySeconds}; both checked by {@link #build()}
         * @return this builder
         */
        public Builder messageLimits(int perThirtySeconds, int asModeratorPerThirtySeconds) {
            this.messageLimit = perThirtySeconds;
            this.moderatorMessageLimit = asModeratorPerThirtySeconds;
            return this;
        }

        /**
         * Authentication attempts per 10 seconds for the account: a PASS and NICK pair counts, on
         * every connection, whether Twitch accepts it or not. Twitch allows 20, or 200 for a verified
         * bot (https://dev.twitch.tv/docs/chat/#rate-limits), and may lock out an account that logs in
         * faster; the adapter waits for the window before it connects.
         *
         * @param perTenSeconds logins per 10 seconds; positive, checked by {@link #build()}
         * @return this builder
         */
        public Builder loginLimit(int perTenSeconds) {
            this.loginLimit = perTenSeconds;
            return this;
        }

        /**
         * JOINs per 10 seconds for the account, counted over all its connections. Twitch allows 20,
         * or 2,000 for a verified bot (https://dev.twitch.tv/docs/chat/#rate-limits), and drops a
         * connection that joins faster.
         *
         * @param perTenSeconds JOINs per 10 seconds; positive, checked by {@link #build()}
         * @return this builder
         */
        public Builder joinLimit(int perTenSeconds) {
            this.joinLimit = perTenSeconds;
            return this;
        }

        /**
         * The most channels one IRC connection joins (default 50). A bot in more channels spreads
         * them over several connections, all counted against the account's limits together; when one
         * connection drops, only its channels are joined again. Twitch documents no limit per
         * connection; fewer channels per connection make a reconnect rejoin faster.
         *
         * @param value channels per connection; positive, checked by {@link #build()}
         * @return this builder
         */
        public Builder channelsPerConnection(int value) {
            this.channelsPerConnection = value;
            return this;
        }

        /**
         * Checks every setting.
         *
         * @return the configuration, with the login and channels in lower case and the token without
         *     an {@code oauth:} prefix
         * @throws ConfigurationException listing every problem, each naming its setter, or its
         *     environment variable when the value came from there; never the token
         */
        public TwitchConfig build() {
            ConfigProblems p = problems.copy();
            String login = username.strip();
            if (login.isEmpty()) {
                p.add("username", "is not set: set it to the bot account's Twitch login.");
            } else {
                login(p, login, "username");
            }
            String bare = token.strip();
            if (bare.regionMatches(true, 0, "oauth:", 0, 6)) {
                bare = bare.substring(6);
            }
            if (bare.isEmpty()) {
                p.add("token", "is not set: set it to a user access token with the chat:read and chat:edit scopes.");
            } else {
                // The token is a secret: describe the rule, never echo it.
                p.check(printable(bare), "token", "contains spaces, line breaks or other characters a token never"
                        + " has: paste the token alone.");
            }
            Set<String> joined = channelLogins(channels, p);
            p.check(!channels.isEmpty(), "channels", "is not set: list the channels to join, separated by commas"
                    + " (for example 'mychannel,#friend').");
            checkServer(p, server);
            positive(p, pingInterval, "keepAlive");
            positive(p, pongTimeout, "keepAlive");
            positive(p, reconnectMin, "reconnectBackoff");
            positive(p, reconnectMax, "reconnectBackoff");
            p.check(reconnectMax.compareTo(reconnectMin) >= 0, "reconnectBackoff", "longest delay (" + reconnectMax
                    + ") is shorter than the first (" + reconnectMin + ")");
            positive(p, connectTimeout, "connectTimeout");
            positive(p, joinTimeout, "joinTimeout");
            notNegative(p, closeTimeout, "closeTimeout");
            checkMessageLimits(p, messageLimit, moderatorMessageLimit);
            p.check(loginLimit > 0, "loginLimit", "must be positive, was " + loginLimit + ": Twitch allows 20 per"
                    + " 10 seconds, 200 for a verified bot.");
            p.check(channelsPerConnection > 0, "channelsPerConnection", "must be positive, was "
                    + channelsPerConnection + ".");
            p.check(joinLimit > 0, "joinLimit", "must be positive, was " + joinLimit + ": Twitch allows 20 per"
                    + " 10 seconds, 2000 for a verified bot.");
            p.throwIfAny();
            return new TwitchConfig(this, login.toLowerCase(Locale.ROOT), bare, new ArrayList<>(joined));
        }

        private static void checkServer(ConfigProblems p, URI uri) {
            String shown = withoutUserInfo(uri); // a proxy's password must not reach the message
            if (!Set.of("irc", "ircs", "ws", "wss").contains(scheme(uri))) {
                p.add("server", "'" + shown + "' must start with irc://, ircs://, ws:// or wss://.");
            } else {
                hostAndPort(p, uri, shown, "server");
            }
        }
    }
}
