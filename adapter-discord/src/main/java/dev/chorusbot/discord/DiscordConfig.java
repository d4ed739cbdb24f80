package dev.chorusbot.discord;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.config.ConfigProblems;
import dev.chorusbot.core.internal.ConfigRules;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the Discord adapters need: a value, built with {@link #builder()} or read from the
 * environment with {@link #fromEnv()}. The builder only records problems; {@link Builder#build()}
 * throws one {@link ConfigurationException} listing all of them, each naming its setter, or its
 * variable when the value came from the environment.
 *
 * <pre>{@code
 * DiscordConfig config = DiscordConfig.builder()
 *     .token(System.getenv("DISCORD_BOT_TOKEN"))
 *     .mode(DiscordMode.GATEWAY)
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the token.
 */
@Api(Api.Status.STABLE)
public final class DiscordConfig {
    /** Discord's REST API, version 10. */
    public static final URI DEFAULT_API_URL = URI.create("https://discord.com/api/v10");
    /** The default path of the Interactions endpoint. */
    public static final String DEFAULT_WEBHOOK_PATH = "/discord";
    /** Gateway intent GUILDS (1 &lt;&lt; 0): guilds, their roles and channels. */
    public static final int INTENT_GUILDS = 1;
    /** Gateway intent GUILD_MESSAGES (1 &lt;&lt; 9): messages in guild channels. */
    public static final int INTENT_GUILD_MESSAGES = 1 << 9;
    /** Gateway intent DIRECT_MESSAGES (1 &lt;&lt; 12): messages in direct messages. */
    public static final int INTENT_DIRECT_MESSAGES = 1 << 12;
    /**
     * Gateway intent MESSAGE_CONTENT (1 &lt;&lt; 15), privileged: without it, and without its switch in
     * the Developer Portal, guild messages arrive with empty content.
     */
    public static final int INTENT_MESSAGE_CONTENT = 1 << 15;
    /** The intents asked for unless configured: guilds, guild and direct messages, message content. */
    public static final int DEFAULT_INTENTS = INTENT_GUILDS | INTENT_GUILD_MESSAGES | INTENT_DIRECT_MESSAGES
            | INTENT_MESSAGE_CONTENT;
    /**
     * The largest Gateway message accepted unless configured: 8 MiB, generous for GUILD_CREATE of a
     * large guild, small enough that one message cannot exhaust the heap.
     */
    public static final int DEFAULT_GATEWAY_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    /** Discord's own payload limit for what a bot sends; no Gateway message limit may be smaller. */
    private static final int MIN_GATEWAY_MESSAGE_BYTES = 4096;

    // A bot token is three base64url parts joined by dots (the bot's id, a timestamp, an HMAC). The
    // check only catches what is clearly not one; Discord answers 401 for a wrong one.
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");
    private static final Pattern PUBLIC_KEY = Pattern.compile("[0-9a-fA-F]{64}");

    private final String token;
    private final Optional<String> applicationId;
    private final Optional<String> publicKey;
    private final DiscordMode mode;
    private final URI apiUrl;
    private final Optional<URI> gatewayUrl;
    private final int intents;
    private final String webhookPath;
    private final int globalLimit;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration requestTimeout;
    private final Duration interactionDeadline;
    private final Duration signatureWindow;
    private final boolean registerCommands;
    private final Optional<String> commandGuildId;
    private final int shards;
    private final boolean answerBots;
    private final int gatewayMaxMessageBytes;

    private DiscordConfig(Builder b, DiscordMode mode) {
        token = b.token;
        applicationId = b.applicationId;
        publicKey = b.publicKey.map(k -> k.toLowerCase(Locale.ROOT));
        this.mode = mode;
        apiUrl = b.apiUrl;
        gatewayUrl = b.gatewayUrl;
        intents = b.intents;
        webhookPath = b.webhookPath;
        globalLimit = b.globalLimit;
        maxAttempts = b.maxAttempts;
        initialBackoff = b.initialBackoff;
        maxBackoff = b.maxBackoff;
        requestTimeout = b.requestTimeout;
        interactionDeadline = b.interactionDeadline;
        signatureWindow = b.signatureWindow;
        registerCommands = b.registerCommands;
        commandGuildId = b.commandGuildId;
        shards = b.shards;
        answerBots = b.answerBots;
        gatewayMaxMessageBytes = b.gatewayMaxMessageBytes;
    }

    /**
     * A builder with every setting at its default; {@link Builder#token(String)} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the configuration from the process environment; see {@link #fromEnv(Map)}.
     *
     * @return the configuration
     * @throws ConfigurationException listing every bad or missing variable
     */
    public static DiscordConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads the configuration from {@code env}; each variable sets one builder setting, so the
     * rules and defaults are the builder's:
     * <ul>
     *   <li>{@code DISCORD_BOT_TOKEN} (required) — {@link Builder#token(String)};</li>
     *   <li>{@code DISCORD_APPLICATION_ID} — {@link Builder#applicationId(String)};</li>
     *   <li>{@code DISCORD_PUBLIC_KEY} — {@link Builder#publicKey(String)};</li>
     *   <li>{@code DISCORD_MODE} — {@code gateway} or {@code interactions}, {@link Builder#mode(DiscordMode)};</li>
     *   <li>{@code DISCORD_API_URL} — {@link Builder#apiUrl(URI)};</li>
     *   <li>{@code DISCORD_GATEWAY_URL} — {@link Builder#gatewayUrl(URI)};</li>
     *   <li>{@code DISCORD_WEBHOOK_PATH} — {@link Builder#webhookPath(String)};</li>
     *   <li>{@code DISCORD_REGISTER_COMMANDS} — {@code true} or {@code false}, {@link Builder#registerCommands(boolean)};</li>
     *   <li>{@code DISCORD_COMMAND_GUILD_ID} — {@link Builder#commandGuild(String)};</li>
     *   <li>{@code DISCORD_SHARDS} — {@link Builder#shards(int)};</li>
     *   <li>{@code DISCORD_GATEWAY_MAX_MESSAGE_BYTES} — {@link Builder#gatewayMaxMessageBytes(int)}.</li>
     * </ul>
     *
     * @param env the variables by name; blank values count as unset, values are stripped
     * @return the configuration
     * @throws ConfigurationException listing every bad or missing variable, each by its name
     */
    public static DiscordConfig fromEnv(Map<String, String> env) {
        return DiscordEnv.read(env).build();
    }

    /**
     * The adapter for the configured mode: a {@link DiscordInteractionsAdapter} for interactions;
     * in gateway mode a {@link dev.chorusbot.core.PullAdapter} that asks {@code GET /gateway/bot}
     * (unless {@link #gatewayUrl()} is set), keeps one Gateway connection per shard alive
     * (heartbeats, resume, reconnects with backoff) and hands channel messages to the bot; it stops
     * with a {@link DiscordGatewayException} when Discord refuses the token, shards, version or
     * intents.
     *
     * @return a new adapter, not started
     */
    public Adapter adapter() {
        return switch (mode) {
            case INTERACTIONS -> new DiscordInteractionsAdapter(this);
            case GATEWAY -> new dev.chorusbot.discord.internal.GatewayAdapter(this);
        };
    }

    /**
     * {@code text} with the token replaced by {@code <token>}, for messages that may hold a URL or
     * a header someone wrote the token into.
     *
     * @param text any text; not null
     * @return the text without the token
     */
    public String mask(String text) {
        return text.replace(token, "<token>");
    }

    /**
     * The bot token; keep it out of logs.
     *
     * @return the token as given, without the {@code Bot } prefix of the Authorization header
     */
    public String token() {
        return token;
    }

    /**
     * The application's id, for command registration and follow-ups.
     *
     * @return the snowflake as digits; empty when not configured
     */
    public Optional<String> applicationId() {
        return applicationId;
    }

    /**
     * The application's Ed25519 public key, which signs interactions.
     *
     * @return 64 lower-case hex digits; empty when not configured
     */
    public Optional<String> publicKey() {
        return publicKey;
    }

    /**
     * How events are received.
     *
     * @return the mode; unless configured, interactions when a public key is set, gateway otherwise
     */
    public DiscordMode mode() {
        return mode;
    }

    /**
     * The REST API every call goes to.
     *
     * @return the base URL, {@link #DEFAULT_API_URL} unless configured
     */
    public URI apiUrl() {
        return apiUrl;
    }

    /**
     * The Gateway URL to connect to instead of asking {@code GET /gateway/bot}.
     *
     * @return the ws or wss URL; empty when {@code /gateway/bot} is asked
     */
    public Optional<URI> gatewayUrl() {
        return gatewayUrl;
    }

    /**
     * The Gateway intents asked for in IDENTIFY.
     *
     * @return the intents as a bit set; {@link #DEFAULT_INTENTS} unless configured
     */
    public int intents() {
        return intents;
    }

    /**
     * The path of the Interactions endpoint.
     *
     * @return the path, starting with {@code /}; {@code /discord} unless configured
     */
    public String webhookPath() {
        return webhookPath;
    }

    /**
     * The most REST requests sent in any second: Discord's global limit per bot.
     *
     * @return requests per second; 50 unless configured
     */
    public int globalLimit() {
        return globalLimit;
    }

    /**
     * How many times a REST call is tried on server and network errors.
     *
     * @return at least 1 (no retry); 5 by default
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The first backoff after a server or network error; it doubles up to {@link #maxBackoff()}.
     *
     * @return the first wait, not negative; 0.5 s by default
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The longest backoff.
     *
     * @return the longest wait, at least {@link #initialBackoff()}; 30 s by default
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The timeout of one REST call.
     *
     * @return the timeout, positive; 15 s by default
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * How long the Interactions endpoint waits for the bot before it defers: Discord wants the
     * first answer within 3 seconds, and a deferral still has to reach it.
     *
     * @return the deadline, positive and under 3 s; 2 s unless configured
     */
    public Duration interactionDeadline() {
        return interactionDeadline;
    }

    /**
     * How far an interaction's {@code X-Signature-Timestamp} may be from the bot's clock before it
     * is refused as a replay.
     *
     * @return the window, positive; 5 minutes unless configured
     */
    public Duration signatureWindow() {
        return signatureWindow;
    }

    /**
     * Whether the adapter registers the bot's slash commands when it starts.
     *
     * @return true when asked; false by default
     */
    public boolean registerCommands() {
        return registerCommands;
    }

    /**
     * The guild whose commands registration replaces, instead of the global ones.
     *
     * @return the guild's id; empty to register global commands
     */
    public Optional<String> commandGuildId() {
        return commandGuildId;
    }

    /**
     * How many Gateway shards the bot opens in this process.
     *
     * @return the shard count; 0 (the default) takes the count {@code GET /gateway/bot} recommends,
     *     or 1 when {@link #gatewayUrl()} is set
     */
    public int shards() {
        return shards;
    }

    /**
     * Whether messages of other bots (and webhooks) reach the bot's commands. The bot's own
     * messages never do.
     *
     * @return false by default: other bots are ignored
     */
    public boolean answerBots() {
        return answerBots;
    }

    /**
     * The largest Gateway message the bot accepts, in bytes, whether it comes in one WebSocket frame
     * or in fragments. A larger one closes the connection with 1009 (message too big) before it is
     * read into memory, and the shard resumes.
     *
     * @return bytes; {@link #DEFAULT_GATEWAY_MAX_MESSAGE_BYTES} unless configured
     */
    public int gatewayMaxMessageBytes() {
        return gatewayMaxMessageBytes;
    }

    @Override
    public String toString() {
        return "DiscordConfig[token=<hidden>, applicationId=" + applicationId.orElse("none") + ", mode=" + mode
                + ", apiUrl=" + mask(ConfigRules.withoutUserInfo(apiUrl)) + ", gatewayUrl="
                + gatewayUrl.map(u -> mask(ConfigRules.withoutUserInfo(u))).orElse("(from /gateway/bot)")
                + ", intents=" + intents + ", webhookPath=" + webhookPath + ", shards="
                + (shards == 0 ? "recommended" : shards) + "]";
    }

    /**
     * Configures a {@link DiscordConfig}. Setters only record; {@link #build()} checks everything
     * at once and names each problem by its setter (or its variable, for {@link #fromEnv(Map)}).
     */
    public static final class Builder {
        /** Where each setting came from, and what could not be read; {@link DiscordEnv} fills it. */
        final ConfigProblems problems = new ConfigProblems();
        private String token;
        private Optional<String> applicationId = Optional.empty();
        private Optional<String> publicKey = Optional.empty();
        /** Null until set: the default depends on the public key. */
        DiscordMode mode;
        private URI apiUrl = DEFAULT_API_URL;
        private Optional<URI> gatewayUrl = Optional.empty();
        private int intents = DEFAULT_INTENTS;
        private String webhookPath = DEFAULT_WEBHOOK_PATH;
        private int globalLimit = 50;
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private Duration interactionDeadline = Duration.ofSeconds(2);
        private Duration signatureWindow = Duration.ofMinutes(5);
        private boolean registerCommands;
        private Optional<String> commandGuildId = Optional.empty();
        private int shards;
        private boolean answerBots;
        private int gatewayMaxMessageBytes = DEFAULT_GATEWAY_MAX_MESSAGE_BYTES;

        private Builder() {}

        /**
         * The bot token from the Developer Portal's Bot page ({@code DISCORD_BOT_TOKEN}); required.
         *
         * @param value the token without the {@code Bot } prefix; checked by {@link #build()}, which
         *     never repeats it
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder token(String value) {
            this.token = Objects.requireNonNull(value, "token");
            return this;
        }

        /**
         * The application's id ({@code DISCORD_APPLICATION_ID}), from the Developer Portal's General
         * Information page; needed to register slash commands.
         *
         * @param value the snowflake, digits only; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder applicationId(String value) {
            this.applicationId = Optional.of(Objects.requireNonNull(value, "applicationId"));
            return this;
        }

        /**
         * The application's public key ({@code DISCORD_PUBLIC_KEY}), from the Developer Portal's
         * General Information page; interactions signed with it are accepted. Setting it makes
         * interactions the default mode.
         *
         * @param value 64 hex digits; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder publicKey(String value) {
            this.publicKey = Optional.of(Objects.requireNonNull(value, "publicKey"));
            return this;
        }

        /**
         * Gateway or Interactions ({@code DISCORD_MODE}); default interactions when a public key is
         * set, gateway otherwise.
         *
         * @param value how events are received
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder mode(DiscordMode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * The REST API ({@code DISCORD_API_URL}); default {@code https://discord.com/api/v10} (a fake
         * in tests).
         *
         * @param value an http or https URL; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder apiUrl(URI value) {
            this.apiUrl = Objects.requireNonNull(value, "apiUrl");
            return this;
        }

        /**
         * The Gateway to connect to ({@code DISCORD_GATEWAY_URL}); by default the URL that
         * {@code GET /gateway/bot} names. Set it for a fake in tests.
         *
         * @param value a ws or wss URL; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder gatewayUrl(URI value) {
            this.gatewayUrl = Optional.of(Objects.requireNonNull(value, "gatewayUrl"));
            return this;
        }

        /**
         * The Gateway intents; default {@link #DEFAULT_INTENTS}.
         *
         * @param value the intents as a bit set, such as
         *     {@code INTENT_GUILDS | INTENT_GUILD_MESSAGES}; not negative, checked by {@link #build()}
         * @return this builder
         */
        public Builder intents(int value) {
            this.intents = value;
            return this;
        }

        /**
         * The path of the Interactions endpoint; default {@code /discord}.
         *
         * @param path starts with {@code /} and holds no space; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code path} is null
         */
        public Builder webhookPath(String path) {
            this.webhookPath = Objects.requireNonNull(path, "webhookPath");
            return this;
        }

        /**
         * The most REST requests sent in any second; default 50, Discord's global limit. Raise it
         * only when Discord raised the bot's limit.
         *
         * @param perSecond requests per second, at least 1; checked by {@link #build()}
         * @return this builder
         */
        public Builder globalLimit(int perSecond) {
            this.globalLimit = perSecond;
            return this;
        }

        /**
         * Attempts for a REST call on 5xx or network errors, and the backoff between them; default 5,
         * 0.5 s to 30 s. A 429 is not an attempt: it is waited out as Discord says.
         *
         * @param attempts tries per call, at least 1 (1 means no retry)
         * @param initial the wait before the first retry, not negative; doubled after each retry
         * @param max the longest wait between tries, at least {@code initial}
         * @return this builder
         * @throws NullPointerException when {@code initial} or {@code max} is null
         */
        public Builder retries(int attempts, Duration initial, Duration max) {
            this.maxAttempts = attempts;
            this.initialBackoff = Objects.requireNonNull(initial, "initial");
            this.maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * The timeout of one REST call; default 15 s.
         *
         * @param timeout the connect and answer timeout of one call; positive, checked by
         *     {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code timeout} is null
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
            return this;
        }

        /**
         * How long the Interactions endpoint waits for the bot before it defers the answer and
         * sends the replies as follow-ups; default 2 s. Discord wants the first answer within 3 s.
         *
         * @param deadline positive and under 3 s; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code deadline} is null
         */
        public Builder interactionDeadline(Duration deadline) {
            this.interactionDeadline = Objects.requireNonNull(deadline, "interactionDeadline");
            return this;
        }

        /**
         * How many Gateway shards to open in this process, {@code [shard_id, shards]} for ids 0 to
         * {@code shards - 1}; default 0: as many as {@code GET /gateway/bot} recommends (1 when a
         * {@link #gatewayUrl(URI) gateway URL} is set). Discord requires shards from 2500 guilds
         * on.
         *
         * @param count 0, or the shard count (at most 4096); checked by {@link #build()}
         * @return this builder
         */
        public Builder shards(int count) {
            this.shards = count;
            return this;
        }

        /**
         * How far {@code X-Signature-Timestamp} may be from the bot's clock, either way; an
         * interaction outside is refused with 401, so a captured request cannot be replayed later;
         * default 5 minutes.
         *
         * @param window positive; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code window} is null
         */
        public Builder signatureWindow(Duration window) {
            this.signatureWindow = Objects.requireNonNull(window, "signatureWindow");
            return this;
        }

        /**
         * Whether the interactions adapter registers the bot's commands as slash commands when it
         * starts, in the background ({@code DISCORD_REGISTER_COMMANDS}); default no. Needs the
         * application id.
         *
         * @param enabled true to replace the application's commands with the bot's at start
         * @return this builder
         */
        public Builder registerCommands(boolean enabled) {
            this.registerCommands = enabled;
            return this;
        }

        /**
         * Registers the commands in one guild instead of globally ({@code DISCORD_COMMAND_GUILD_ID}):
         * guild commands show at once, which suits testing.
         *
         * @param guildId the guild's id, digits only; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code guildId} is null
         */
        public Builder commandGuild(String guildId) {
            this.commandGuildId = Optional.of(Objects.requireNonNull(guildId, "commandGuild"));
            return this;
        }

        /**
         * Whether messages of other bots and of webhooks are handed to the bot's commands; default
         * false, so two bots never answer each other in a loop. The bot's own messages are always
         * ignored.
         *
         * @param answer true to handle other bots' messages
         * @return this builder
         */
        public Builder answerBots(boolean answer) {
            this.answerBots = answer;
            return this;
        }

        /**
         * The largest Gateway message accepted, in bytes ({@code DISCORD_GATEWAY_MAX_MESSAGE_BYTES});
         * default {@link #DEFAULT_GATEWAY_MAX_MESSAGE_BYTES}. Discord bounds only what a bot sends
         * (4096 bytes); what it sends the bot, GUILD_CREATE of a large guild above all, can run to
         * megabytes, so raise this if the log says a message went over it.
         *
         * @param bytes at least 4096; checked by {@link #build()}
         * @return this builder
         */
        public Builder gatewayMaxMessageBytes(int bytes) {
            this.gatewayMaxMessageBytes = bytes;
            return this;
        }

        /**
         * Checks every setting.
         *
         * @return the configuration
         * @throws ConfigurationException listing every problem, each naming its setter, or its
         *     environment variable when the value came from there; never the token
         */
        public DiscordConfig build() {
            ConfigProblems p = problems.copy();
            if (token == null) {
                p.add("token", "is not set: put the token from the Bot page of the Developer Portal in it");
            } else if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
                p.add("token", "starts with 'Bot ': give the token alone, Chorus writes the Authorization header");
            } else if (!TOKEN.matcher(token).matches()) {
                // The token is a secret: describe the rule, never echo it.
                p.add("token", "is not a bot token: expected three parts of letters, digits, _ or - joined by dots");
            }
            applicationId.ifPresent(id -> p.check(SNOWFLAKE.matcher(id).matches(), "applicationId",
                    "must be the application's id (digits only), was '" + shown(id) + "'"));
            publicKey.ifPresent(key -> p.check(PUBLIC_KEY.matcher(key).matches(), "publicKey",
                    "must be the application's public key: 64 hex digits, was " + key.length() + " characters"));
            p.check(ConfigRules.isHttp(apiUrl), "apiUrl", "must be an http or https URL such as"
                    + " https://discord.com/api/v10, was '" + shown(ConfigRules.withoutUserInfo(apiUrl)) + "'");
            gatewayUrl.ifPresent(u -> p.check(("ws".equals(u.getScheme()) || "wss".equals(u.getScheme()))
                    && u.getHost() != null, "gatewayUrl", "must be a ws or wss URL such as wss://gateway.discord.gg,"
                            + " was '" + shown(ConfigRules.withoutUserInfo(u)) + "'"));
            p.check(intents >= 0, "intents", "must not be negative, was " + intents);
            p.check(shards >= 0 && shards <= 4096, "shards", "must be 0 (as Discord recommends) or a shard count"
                    + " up to 4096, was " + shards);
            p.check(gatewayMaxMessageBytes >= MIN_GATEWAY_MESSAGE_BYTES, "gatewayMaxMessageBytes",
                    "must be at least " + MIN_GATEWAY_MESSAGE_BYTES + " bytes, was " + gatewayMaxMessageBytes);
            ConfigRules.webhookPath(p, webhookPath, shown(webhookPath));
            p.check(globalLimit >= 1, "globalLimit", "must be at least 1 request per second, was " + globalLimit);
            ConfigRules.retries(p, maxAttempts, initialBackoff, maxBackoff);
            ConfigRules.positive(p, requestTimeout, "requestTimeout");
            p.check(!interactionDeadline.isNegative() && !interactionDeadline.isZero()
                    && interactionDeadline.compareTo(Duration.ofSeconds(3)) < 0, "interactionDeadline",
                    "must be positive and under 3 s, Discord's limit for the first answer, was " + interactionDeadline);
            ConfigRules.positive(p, signatureWindow, "signatureWindow");
            commandGuildId.ifPresent(id -> p.check(SNOWFLAKE.matcher(id).matches(), "commandGuild",
                    "must be a guild's id (digits only), was '" + shown(id) + "'"));
            if (registerCommands && applicationId.isEmpty()) {
                p.addSentence(p.nameOf("registerCommands") + " is on but " + p.nameOf("applicationId")
                        + " is not set: commands are registered under the application's id from the Developer Portal");
            }
            DiscordMode resolved = mode != null ? mode
                    : publicKey.isPresent() ? DiscordMode.INTERACTIONS : DiscordMode.GATEWAY;
            if (resolved == DiscordMode.INTERACTIONS && publicKey.isEmpty()) {
                p.addSentence(p.nameOf("mode") + " is interactions but " + p.nameOf("publicKey") + " is not set:"
                        + " interactions are verified with the application's public key from the Developer Portal");
            }
            p.throwIfAny();
            return new DiscordConfig(this, resolved);
        }

        /** {@code text} without the token, for a problem that shows a value someone may have pasted it into. */
        private String shown(String text) {
            return token == null || token.isEmpty() ? text : text.replace(token, "<token>");
        }
    }
}
