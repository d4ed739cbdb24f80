package dev.chorusbot.twitch;

import dev.chorusbot.core.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_]{1,25}");

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
        this.closeTimeout = b.closeTimeout;
        this.messageLimit = b.messageLimit;
        this.moderatorMessageLimit = b.moderatorMessageLimit;
    }

    /** A builder with Twitch's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code TWITCH_USERNAME}, {@code TWITCH_OAUTH_TOKEN}, {@code TWITCH_CHANNELS} (comma
     * separated, {@code #} optional) and {@code TWITCH_IRC_URL} (optional) from the process
     * environment.
     *
     * @throws ConfigurationException listing every missing or malformed variable
     */
    public static TwitchConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /** As {@link #fromEnv()}, reading {@code env} instead of the process environment. */
    public static TwitchConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, builder());
    }

    /**
     * As {@link #fromEnv(Map)}, starting from {@code base} (for timings or an {@link SSLContext}
     * that have no variable).
     */
    public static TwitchConfig fromEnv(Map<String, String> env, Builder base) {
        Objects.requireNonNull(env, "env");
        base.username(env.getOrDefault("TWITCH_USERNAME", ""));
        base.token(env.getOrDefault("TWITCH_OAUTH_TOKEN", ""));
        base.channels(splitChannels(env.getOrDefault("TWITCH_CHANNELS", "")));
        String url = env.getOrDefault("TWITCH_IRC_URL", "");
        if (!url.isBlank()) {
            base.serverText = url.strip();
        }
        return base.build();
    }

    private static List<String> splitChannels(String value) {
        List<String> channels = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                channels.add(part.strip());
            }
        }
        return channels;
    }

    /** The bot account's login, lower case (Twitch logins are case-insensitive). */
    public String username() {
        return username;
    }

    /** The OAuth token as PASS sends it, always with the {@code oauth:} prefix. Never log it. */
    public String password() {
        return token;
    }

    /** The channels to join: logins, lower case, without {@code #}, without duplicates. */
    public List<String> channels() {
        return channels;
    }

    /** The server URL; its scheme chooses the transport ({@code irc}, {@code ircs}, {@code ws}, {@code wss}). */
    public URI server() {
        return server;
    }

    /** The TLS context for {@code ircs} and {@code wss}; empty means the JDK's default trust store. */
    public Optional<SSLContext> sslContext() {
        return sslContext;
    }

    /** How long the line may stay quiet before the adapter sends its own PING. */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** How long to wait for any line after our PING (or for 001 after logging in) before reconnecting. */
    public Duration pongTimeout() {
        return pongTimeout;
    }

    /** The first reconnect delay; it doubles up to {@link #reconnectMax()}, with jitter. */
    public Duration reconnectMin() {
        return reconnectMin;
    }

    /** The longest reconnect delay. */
    public Duration reconnectMax() {
        return reconnectMax;
    }

    /** How long opening the connection may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long {@code close()} waits for queued messages to go out. */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** Messages the account may send per 30 seconds; Twitch's standard is 20. */
    public int messageLimit() {
        return messageLimit;
    }

    /** Messages per 30 seconds where the bot is moderator or broadcaster; Twitch's standard is 100. */
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
        private Duration closeTimeout = Duration.ofSeconds(10);
        private int messageLimit = 20;
        private int moderatorMessageLimit = 100;

        private Builder() {}

        /** The bot account's login ({@code TWITCH_USERNAME}), in any case. */
        public Builder username(String value) {
            this.username = Objects.requireNonNull(value, "username");
            return this;
        }

        /** A user access token with chat:read and chat:edit ({@code TWITCH_OAUTH_TOKEN}); {@code oauth:} optional. */
        public Builder token(String value) {
            this.token = Objects.requireNonNull(value, "token");
            return this;
        }

        /** The channels to join ({@code TWITCH_CHANNELS}); {@code #} optional. */
        public Builder channels(String... values) {
            return channels(List.of(values));
        }

        /** The channels to join ({@code TWITCH_CHANNELS}); {@code #} optional. */
        public Builder channels(List<String> values) {
            this.channels = List.copyOf(values);
            return this;
        }

        /** The server ({@code TWITCH_IRC_URL}); default {@code wss://irc-ws.chat.twitch.tv:443}. */
        public Builder server(URI value) {
            this.serverText = Objects.requireNonNull(value, "server").toString();
            return this;
        }

        /** The TLS context for {@code ircs}/{@code wss}: trust a private CA or a test certificate. Host names are still verified. */
        public Builder sslContext(SSLContext value) {
            this.sslContext = Objects.requireNonNull(value, "sslContext");
            return this;
        }

        /** Send our own PING after {@code idle} without a line; reconnect when nothing arrives within {@code timeout}. */
        public Builder keepAlive(Duration idle, Duration timeout) {
            this.pingInterval = positive(idle, "idle");
            this.pongTimeout = positive(timeout, "timeout");
            return this;
        }

        /** Reconnect delays: from {@code min}, doubling up to {@code max}, each with jitter. */
        public Builder reconnectBackoff(Duration min, Duration max) {
            this.reconnectMin = positive(min, "min");
            this.reconnectMax = positive(max, "max");
            return this;
        }

        /** How long opening a connection may take; default 10 s. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** How long closing waits for queued messages; default 10 s. */
        public Builder closeTimeout(Duration value) {
            this.closeTimeout = Objects.requireNonNull(value, "closeTimeout");
            return this;
        }

        /**
         * Messages per 30 seconds, normally and where the bot is moderator or broadcaster; Twitch's
         * standard is 20 and 100 (https://dev.twitch.tv/docs/chat/#rate-limits). Raise them only for
         * an account Twitch granted more, or for a load test against a local server: Twitch ignores
         * an account that exceeds its limits for 30 minutes.
         */
        public Builder messageLimits(int perThirtySeconds, int asModeratorPerThirtySeconds) {
            if (perThirtySeconds <= 0 || asModeratorPerThirtySeconds < perThirtySeconds) {
                throw new IllegalArgumentException("message limits must be positive, the moderator limit at least the"
                        + " normal one; were " + perThirtySeconds + " and " + asModeratorPerThirtySeconds);
            }
            this.messageLimit = perThirtySeconds;
            this.moderatorMessageLimit = asModeratorPerThirtySeconds;
            return this;
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        /**
         * Checks the settings.
         *
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
            Set<String> joined = new LinkedHashSet<>();
            for (String channel : channels) {
                String name = channel.strip();
                name = name.startsWith("#") ? name.substring(1) : name;
                if (!LOGIN.matcher(name).matches()) {
                    problems.add("TWITCH_CHANNELS entry '" + channel + "' is not a Twitch channel name: use the"
                            + " channel's login, with or without '#'.");
                } else {
                    joined.add(name.toLowerCase(Locale.ROOT));
                }
            }
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
            return uri;
        }
    }
}
