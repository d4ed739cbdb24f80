package dev.chorusbot.twitch;

import static dev.chorusbot.twitch.internal.ConfigChecks.LOGIN;
import static dev.chorusbot.twitch.internal.ConfigChecks.channelLogins;
import static dev.chorusbot.twitch.internal.ConfigChecks.checkMessageLimits;
import static dev.chorusbot.twitch.internal.ConfigChecks.commaSeparated;
import static dev.chorusbot.twitch.internal.ConfigChecks.notNegative;
import static dev.chorusbot.twitch.internal.ConfigChecks.positive;

import dev.chorusbot.core.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
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
 * {@link #builder()} or read it from the environment with {@link #fromEnv()}:
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
public final class TwitchConfig {
    /** Twitch's IRC-over-WebSocket endpoint with TLS (https://dev.twitch.tv/docs/chat/irc/). */
    public static final URI DEFAULT_SERVER = URI.create("wss://irc-ws.chat.twitch.tv:443");

    /** Twitch logins: letters, digits and underscores, at most 25 (new accounts need at least 4). */

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

    private TwitchConfig(Builder b, String username, String token, List<String> channels, URI server) {
        this.username = username;
        this.token = token;
        this.channels = List.copyOf(channels);
        this.server = server;
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
     * Reads {@code TWITCH_USERNAME}, {@code TWITCH_OAUTH_TOKEN}, {@code TWITCH_CHANNELS} (comma
     * separated, {@code #} optional) and {@code TWITCH_IRC_URL} (optional) from the process
     * environment.
     *
     * @return the checked configuration
     * @throws ConfigurationException listing every missing or malformed variable
     */
    public static TwitchConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * As {@link #fromEnv()}, reading {@code env} instead of the process environment.
     *
     * @param env variable names to values; missing names count as unset
     * @return the checked configuration
     * @throws ConfigurationException listing every missing or malformed variable
     */
    public static TwitchConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, builder());
    }

    /**
     * As {@link #fromEnv(Map)}, starting from {@code base} (for timings or an {@link SSLContext}
     * that have no variable).
     *
     * @param env variable names to values; the account, token and channels always come from it,
     *     the server only when {@code TWITCH_IRC_URL} is set
     * @param base a builder holding the settings that have no variable; it is changed and built
     * @return the checked configuration
     * @throws ConfigurationException listing every missing or malformed variable
     */
    public static TwitchConfig fromEnv(Map<String, String> env, Builder base) {
        Objects.requireNonNull(env, "env");
        base.username(env.getOrDefault("TWITCH_USERNAME", ""));
        base.token(env.getOrDefault("TWITCH_OAUTH_TOKEN", ""));
        base.channels(commaSeparated(env.getOrDefault("TWITCH_CHANNELS", "")));
        String url = env.getOrDefault("TWITCH_IRC_URL", "");
        if (!url.isBlank()) {
            base.serverText = url.strip();
        }
        return base.build();
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
     * The OAuth token as PASS sends it, always with the {@code oauth:} prefix. Never log it.
     *
     * @return {@code oauth:} followed by the token
     */
    public String password() {
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
     * How long the line may stay quiet before the adapter sends its own PING.
     *
     * @return a positive duration; default 60 seconds
     */
    public Duration pingInterval() {
        return pingInterval;
    }

    /**
     * How long to wait for any line after our PING (or for 001 after logging in, or for a line to be
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

    /** The settings, with the token masked. */
    @Override
    public String toString() {
        return "TwitchConfig[username=" + username + ", token=***, channels=" + channels + ", server=" + server + "]";
    }

    /** Builds a {@link TwitchConfig}; {@link #build()} checks everything at once. */
    public static final class Builder {
        private String username = "";
        private String token = "";
        private List<String> channels = List.of();
        private String serverText = DEFAULT_SERVER.toString();
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
         * @param value an {@code irc}, {@code ircs}, {@code ws} or {@code wss} URL
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder server(URI value) {
            this.serverText = Objects.requireNonNull(value, "server").toString();
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
         * Send our own PING after {@code idle} without a line; reconnect when nothing arrives
         * within {@code timeout}.
         *
         * @param idle how long the connection may stay quiet before the PING; default 60 s
         * @param timeout how long to wait for a line after the PING (or for 001 after logging in, or
         *     for a write the server takes no data for); default 15 s
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if an argument is zero or negative
         */
        public Builder keepAlive(Duration idle, Duration timeout) {
            this.pingInterval = positive(idle, "idle");
            this.pongTimeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Reconnect delays: from {@code min}, doubling up to {@code max}, each with jitter.
         *
         * @param min the first delay; default 1 s
         * @param max the longest delay; default 60 s
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if an argument is zero or negative, or {@code max} is
         *     shorter than {@code min}
         */
        public Builder reconnectBackoff(Duration min, Duration max) {
            positive(min, "min");
            positive(max, "max");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("the longest reconnect delay (" + max + ") is shorter than the"
                        + " first (" + min + ")");
            }
            this.reconnectMin = min;
            this.reconnectMax = max;
            return this;
        }

        /**
         * How long opening a connection may take; default 10 s.
         *
         * @param value a positive duration
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is zero or negative
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /**
         * How long a JOIN may go unanswered; default 10 s. Twitch answers a JOIN to a channel that
         * does not exist with nothing, so without this limit messages to it would wait forever. Past
         * it, messages to the channel fail with the reason, and the next connection asks again.
         *
         * @param value a positive duration
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is zero or negative
         */
        public Builder joinTimeout(Duration value) {
            this.joinTimeout = positive(value, "joinTimeout");
            return this;
        }

        /**
         * How long closing waits for queued messages; default 10 s.
         *
         * @param value the longest wait; zero does not wait
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is negative
         */
        public Builder closeTimeout(Duration value) {
            this.closeTimeout = notNegative(value, "closeTimeout");
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
         *     broadcaster; at least {@code perThirtySeconds}
         * @return this builder
         * @throws IllegalArgumentException if {@code perThirtySeconds} is not positive or the
         *     moderator limit is below it
         */
        public Builder messageLimits(int perThirtySeconds, int asModeratorPerThirtySeconds) {
            checkMessageLimits(perThirtySeconds, asModeratorPerThirtySeconds);
            this.messageLimit = perThirtySeconds;
            this.moderatorMessageLimit = asModeratorPerThirtySeconds;
            return this;
        }


        /**
         * Checks the settings.
         *
         * @return the configuration, with the login and channels in lower case and the token
         *     prefixed with {@code oauth:}
         * @throws ConfigurationException listing every problem, each naming its environment variable
         */
        public TwitchConfig build() {
            List<String> problems = new ArrayList<>();
            String login = username.strip();
            if (login.isEmpty()) {
                problems.add("TWITCH_USERNAME is not set: set it to the bot account's Twitch login.");
            } else if (!LOGIN.matcher(login).matches()) {
                problems.add("TWITCH_USERNAME '" + login + "' is not a Twitch login: use 1 to 25 letters, digits"
                        + " or underscores.");
            }
            String password = token.strip();
            if (password.regionMatches(true, 0, "oauth:", 0, 6)) {
                password = password.substring(6);
            }
            if (password.isEmpty()) {
                problems.add("TWITCH_OAUTH_TOKEN is not set: set it to a user access token with the chat:read and"
                        + " chat:edit scopes.");
            } else if (!password.chars().allMatch(c -> c > ' ' && c < 127)) {
                problems.add("TWITCH_OAUTH_TOKEN contains spaces, line breaks or other characters a token never"
                        + " has: paste the token alone.");
            }
            Set<String> joined = channelLogins(channels, problems);
            if (channels.isEmpty()) {
                problems.add("TWITCH_CHANNELS is not set: list the channels to join, separated by commas"
                        + " (for example 'mychannel,#friend').");
            }
            URI server = server(serverText, problems);
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new TwitchConfig(this, login.toLowerCase(Locale.ROOT), "oauth:" + password,
                    new ArrayList<>(joined), server);
        }

        private static URI server(String text, List<String> problems) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                problems.add("TWITCH_IRC_URL '" + text + "' is not a URL: " + e.getReason() + ".");
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("irc", "ircs", "ws", "wss").contains(scheme)) {
                problems.add("TWITCH_IRC_URL '" + text + "' must start with irc://, ircs://, ws:// or wss://.");
                return null;
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                problems.add("TWITCH_IRC_URL '" + text + "' has no host name.");
                return null;
            }
            // java.net.URI takes any number of digits as a port; a socket cannot be opened to it.
            if (uri.getPort() > 65535) {
                problems.add("TWITCH_IRC_URL '" + text + "' has a port out of range: use 1 to 65535, or leave the port"
                        + " out for the scheme's default.");
                return null;
            }
            return uri;
        }
    }
}
