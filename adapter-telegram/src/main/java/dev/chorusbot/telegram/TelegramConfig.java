package dev.chorusbot.telegram;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.config.ConfigProblems;
import dev.chorusbot.core.internal.ConfigRules;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Everything the Telegram adapters need: a value, built with {@link #builder()} or read from the
 * environment with {@link #fromEnv()}. The builder only records problems; {@link Builder#build()}
 * throws one {@link ConfigurationException} listing all of them, each naming its setter, or its
 * variable when the value came from the environment. {@link #adapter()} gives the adapter for the
 * configured mode.
 *
 * <pre>{@code
 * TelegramConfig config = TelegramConfig.builder()
 *     .token(System.getenv("TELEGRAM_BOT_TOKEN"))
 *     .mode(TelegramMode.WEBHOOK)
 *     .webhookSecret("s3cr3t")
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the token or the webhook secret.
 */
@Api(Api.Status.STABLE)
public final class TelegramConfig {
    /** The public Bot API server. */
    public static final URI DEFAULT_API_URL = URI.create("https://api.telegram.org");
    /** The default webhook path. */
    public static final String DEFAULT_WEBHOOK_PATH = "/telegram";

    // Bot API: a token is "<bot id>:<secret>"; setWebhook's secret_token is 1-256 of A-Z a-z 0-9 _ -;
    // usernames are 5-32 of letters, digits and underscores. The check is looser (from 3): it is
    // there to catch what is clearly not a username, such as a URL or a name with spaces.
    private static final Pattern TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{1,200}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{3,32}");

    private final String token;
    private final URI apiUrl;
    private final TelegramMode mode;
    private final OptionalInt webhookPort;
    private final String webhookPath;
    private final Optional<String> webhookSecret;
    private final Optional<URI> webhookUrl;
    private final Optional<String> username;
    private final boolean inlineReplies;
    private final boolean editedMessages;
    private final boolean publishCommands;
    private final SendLimits limits;
    private final int pollingTimeoutSeconds;
    private final List<String> allowedUpdates;
    private final Duration adminCacheTtl;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration requestTimeout;
    private final Duration webhookTimeout;
    private final Duration closeTimeout;

    private TelegramConfig(Builder b, TelegramMode mode, Optional<String> username) {
        token = b.token;
        apiUrl = b.apiUrl;
        this.mode = mode;
        webhookPort = b.webhookPort;
        webhookPath = b.webhookPath;
        webhookSecret = b.webhookSecret;
        webhookUrl = b.webhookUrl;
        this.username = username;
        inlineReplies = b.inlineReplies;
        editedMessages = b.editedMessages;
        publishCommands = b.publishCommands;
        limits = b.limits;
        pollingTimeoutSeconds = b.pollingTimeoutSeconds;
        allowedUpdates = List.copyOf(b.allowedUpdates);
        adminCacheTtl = b.adminCacheTtl;
        maxAttempts = b.maxAttempts;
        initialBackoff = b.initialBackoff;
        maxBackoff = b.maxBackoff;
        requestTimeout = b.requestTimeout;
        webhookTimeout = b.webhookTimeout;
        closeTimeout = b.closeTimeout;
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
    public static TelegramConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads the configuration from {@code env}; each variable sets one builder setting, so the
     * rules and defaults are the builder's:
     * <ul>
     *   <li>{@code TELEGRAM_BOT_TOKEN} (required) — {@link Builder#token(String)};</li>
     *   <li>{@code TELEGRAM_API_URL} — {@link Builder#apiUrl(URI)};</li>
     *   <li>{@code TELEGRAM_MODE} — {@code webhook} or {@code polling}, {@link Builder#mode(TelegramMode)};</li>
     *   <li>{@code TELEGRAM_WEBHOOK_PORT} — {@link Builder#webhookPort(int)};</li>
     *   <li>{@code TELEGRAM_WEBHOOK_PATH} — {@link Builder#webhookPath(String)};</li>
     *   <li>{@code TELEGRAM_WEBHOOK_SECRET} — {@link Builder#webhookSecret(String)};</li>
     *   <li>{@code TELEGRAM_WEBHOOK_URL} — {@link Builder#webhookUrl(URI)};</li>
     *   <li>{@code TELEGRAM_BOT_USERNAME} — {@link Builder#username(String)};</li>
     *   <li>{@code TELEGRAM_SEND_LIMITS} — {@link Builder#limits(SendLimits)}, as {@code 30/s,1/s,20/min}
     *       (overall per second, per private chat per second, per group per minute).</li>
     * </ul>
     *
     * @param env the variables by name; blank values count as unset, values are stripped
     * @return the configuration
     * @throws ConfigurationException listing every bad or missing variable, each by its name
     */
    public static TelegramConfig fromEnv(Map<String, String> env) {
        return TelegramEnv.read(env).build();
    }

    /**
     * {@code text} with the secrets replaced: the token and its secret part (after the colon) by
     * {@code <token>}, the webhook secret by {@code <secret>}. A webhook path or URL may hold
     * either as an unguessable part (Telegram suggests the token), and then it must not reach
     * logs, {@code toString()} or error messages either.
     */
    static String hide(String text, String token, Optional<String> secret) {
        String shown = text;
        if (token != null && !token.isEmpty()) {
            shown = shown.replace(token, "<token>");
            int colon = token.indexOf(':');
            if (colon >= 0 && colon < token.length() - 1) {
                shown = shown.replace(token.substring(colon + 1), "<token>");
            }
        }
        if (secret.isPresent() && !secret.get().isEmpty()) {
            shown = shown.replace(secret.get(), "<secret>");
        }
        return shown;
    }

    /**
     * {@code text} with this configuration's secrets masked: the token and its secret part become
     * {@code <token>}, the webhook secret {@code <secret>}. For log lines and messages that show a
     * webhook path or URL, which may hold either.
     *
     * @param text any text; not null
     * @return the text with every secret replaced
     */
    public String mask(String text) {
        return hide(text, token, webhookSecret);
    }

    /**
     * {@link #webhookPath()} as logs and messages may show it: with the token and the webhook
     * secret masked, for a path such as {@code /<token>}.
     *
     * @return the masked path
     */
    public String shownWebhookPath() {
        return mask(webhookPath);
    }

    /**
     * The adapter for the configured mode: a {@link TelegramAdapter} (webhook) or a
     * {@link TelegramPollingAdapter} (long polling). They are two classes because the bot treats
     * them differently: it routes every push adapter's webhook, and only a pull adapter may end
     * the bot by stopping.
     *
     * @return a new adapter, not started
     */
    public Adapter adapter() {
        return mode == TelegramMode.WEBHOOK ? new TelegramAdapter(this) : new TelegramPollingAdapter(this);
    }

    /**
     * The bot token; keep it out of logs.
     *
     * @return the token as given, {@code <bot id>:<secret>}
     */
    public String token() {
        return token;
    }

    /**
     * The bot's user id: the digits before the colon of the token.
     *
     * @return the bot's user id
     */
    public long botId() {
        return Long.parseLong(token.substring(0, token.indexOf(':')));
    }

    /**
     * The Bot API server.
     *
     * @return the server URL, {@link #DEFAULT_API_URL} unless configured
     */
    public URI apiUrl() {
        return apiUrl;
    }

    /**
     * How updates are received.
     *
     * @return webhook or long polling; unless configured, webhook when a webhook port or URL is
     *     set, polling otherwise
     */
    public TelegramMode mode() {
        return mode;
    }

    /**
     * The port for an embedded webhook host, if one was configured.
     *
     * @return the port, from 0 to 65535; empty when none was set
     */
    public OptionalInt webhookPort() {
        return webhookPort;
    }

    /**
     * The webhook path, default {@code /telegram}.
     *
     * @return the path, starting with {@code /}
     */
    public String webhookPath() {
        return webhookPath;
    }

    /**
     * The expected {@code X-Telegram-Bot-Api-Secret-Token}, if any.
     *
     * @return the secret; empty when requests are not checked for one
     */
    public Optional<String> webhookSecret() {
        return webhookSecret;
    }

    /**
     * The public webhook URL given to setWebhook at start, if any.
     *
     * @return the https URL; empty when setWebhook is not called
     */
    public Optional<URI> webhookUrl() {
        return webhookUrl;
    }

    /**
     * The bot's username when configured; then getMe is not called at start.
     *
     * @return the username without {@code @}; empty when getMe supplies it
     */
    public Optional<String> username() {
        return username;
    }

    /**
     * Whether the first answer may travel inside the webhook response.
     *
     * @return true (the default) when inline replies are allowed
     */
    public boolean inlineReplies() {
        return inlineReplies;
    }

    /**
     * Whether edited messages are handled as messages.
     *
     * @return true when edits are handled; false (the default) ignores them
     */
    public boolean editedMessages() {
        return editedMessages;
    }

    /**
     * Whether setMyCommands publishes the bot's commands at start.
     *
     * @return true when the command menu is published; false by default
     */
    public boolean publishCommands() {
        return publishCommands;
    }

    /**
     * The send limits.
     *
     * @return the limits; {@link SendLimits#telegramDefaults()} unless configured
     */
    public SendLimits limits() {
        return limits;
    }

    /**
     * The getUpdates long-poll timeout in seconds.
     *
     * @return from 0 to 50 seconds; 30 by default
     */
    public int pollingTimeoutSeconds() {
        return pollingTimeoutSeconds;
    }

    /**
     * The update kinds asked for (allowed_updates); empty means Telegram's default.
     *
     * @return the kinds, such as {@code message}; unmodifiable, empty by default
     */
    public List<String> allowedUpdates() {
        return allowedUpdates;
    }

    /**
     * How long a chat's administrators are cached.
     *
     * @return the cache lifetime, positive; 5 minutes by default
     */
    public Duration adminCacheTtl() {
        return adminCacheTtl;
    }

    /**
     * How many times a send is tried on server and network errors.
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
     * The timeout of one Bot API call (getUpdates adds its long-poll timeout).
     *
     * @return the timeout, positive; 15 s by default
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * How long the webhook endpoint waits for an update to be handled and answered.
     *
     * @return the wait, positive; 55 s by default
     */
    public Duration webhookTimeout() {
        return webhookTimeout;
    }

    /**
     * How long closing waits for queued sends.
     *
     * @return the wait, positive; 30 s by default
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    @Override
    public String toString() {
        return "TelegramConfig[token=<hidden>, apiUrl=" + mask(ConfigRules.withoutUserInfo(apiUrl)) + ", mode=" + mode
                + ", webhookPath=" + shownWebhookPath() + ", webhookSecret="
                + (webhookSecret.isPresent() ? "<hidden>" : "none") + ", webhookUrl="
                + webhookUrl.map(u -> mask(ConfigRules.withoutUserInfo(u))).orElse("none") + ", username="
                + username.orElse("(getMe)") + "]";
    }

    /**
     * Configures a {@link TelegramConfig}. Setters only record; {@link #build()} checks everything
     * at once and names each problem by its setter (or its variable, for {@link #fromEnv(Map)}).
     */
    public static final class Builder {
        /** Where each setting came from, and what could not be read; {@link TelegramEnv} fills it. */
        final ConfigProblems problems = new ConfigProblems();
        private String token;
        private URI apiUrl = DEFAULT_API_URL;
        /** Null until set: the default depends on the webhook port and URL. */
        TelegramMode mode;
        private OptionalInt webhookPort = OptionalInt.empty();
        private String webhookPath = DEFAULT_WEBHOOK_PATH;
        private Optional<String> webhookSecret = Optional.empty();
        private Optional<URI> webhookUrl = Optional.empty();
        private Optional<String> username = Optional.empty();
        private boolean inlineReplies = true;
        private boolean editedMessages;
        private boolean publishCommands;
        private SendLimits limits = SendLimits.telegramDefaults();
        private int pollingTimeoutSeconds = 30;
        private List<String> allowedUpdates = List.of();
        private Duration adminCacheTtl = Duration.ofMinutes(5);
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private Duration webhookTimeout = Duration.ofSeconds(55);
        private Duration closeTimeout = Duration.ofSeconds(30);

        private Builder() {}

        /**
         * The bot token from BotFather ({@code TELEGRAM_BOT_TOKEN}); required.
         *
         * @param value the token, {@code <bot id>:<secret>}; checked by {@link #build()}, which never
         *     repeats it
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder token(String value) {
            this.token = Objects.requireNonNull(value, "token");
            return this;
        }

        /**
         * The Bot API server ({@code TELEGRAM_API_URL}); default {@code https://api.telegram.org} (a
         * local Bot API server, a fake in tests).
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
         * Webhook or long polling ({@code TELEGRAM_MODE}); default webhook when a webhook port or a
         * webhook URL is set, polling otherwise.
         *
         * @param value how updates are received
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder mode(TelegramMode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * The port of the embedded webhook host the application starts ({@code TELEGRAM_WEBHOOK_PORT};
         * not used by the adapter itself); setting it makes webhook the default mode.
         *
         * @param port from 0 to 65535; checked by {@link #build()}
         * @return this builder
         */
        public Builder webhookPort(int port) {
            this.webhookPort = OptionalInt.of(port);
            return this;
        }

        /**
         * The webhook path ({@code TELEGRAM_WEBHOOK_PATH}); default {@code /telegram}.
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
         * Requires this value in {@code X-Telegram-Bot-Api-Secret-Token}; also given to setWebhook
         * ({@code TELEGRAM_WEBHOOK_SECRET}).
         *
         * @param secret 1 to 256 characters of {@code A-Z}, {@code a-z}, {@code 0-9}, {@code _} and
         *     {@code -}; checked by {@link #build()} and never shown by {@code toString()}
         * @return this builder
         * @throws NullPointerException when {@code secret} is null
         */
        public Builder webhookSecret(String secret) {
            this.webhookSecret = Optional.of(Objects.requireNonNull(secret, "webhookSecret"));
            return this;
        }

        /**
         * Calls setWebhook with this public https URL (and the secret) at start
         * ({@code TELEGRAM_WEBHOOK_URL}); setting it makes webhook the default mode.
         *
         * @param url the https URL Telegram should POST updates to; not allowed in polling mode
         * @return this builder
         * @throws NullPointerException when {@code url} is null
         */
        public Builder webhookUrl(URI url) {
            this.webhookUrl = Optional.of(Objects.requireNonNull(url, "webhookUrl"));
            return this;
        }

        /**
         * The bot's username ({@code TELEGRAM_BOT_USERNAME}). When given, start() does not call
         * getMe: no network at start, which keeps a serverless cold start short. Without it, getMe
         * is called at start.
         *
         * @param value the username, {@code @} optional: letters, digits and {@code _}
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder username(String value) {
            this.username = Optional.of(Objects.requireNonNull(value, "username"));
            return this;
        }

        /**
         * Whether an answer may travel inside the webhook response; default yes.
         *
         * @param enabled false to always send answers with a separate sendMessage call
         * @return this builder
         */
        public Builder inlineReplies(boolean enabled) {
            this.inlineReplies = enabled;
            return this;
        }

        /**
         * Whether edited messages are handled like new ones; default no.
         *
         * @param enabled true to dispatch {@code edited_message} updates as messages
         * @return this builder
         */
        public Builder editedMessages(boolean enabled) {
            this.editedMessages = enabled;
            return this;
        }

        /**
         * Whether setMyCommands publishes the bot's commands at start; default no.
         *
         * @param enabled true to call setMyCommands with the commands and their descriptions
         * @return this builder
         */
        public Builder publishCommands(boolean enabled) {
            this.publishCommands = enabled;
            return this;
        }

        /**
         * The send limits; default {@link SendLimits#telegramDefaults()}.
         *
         * @param value the pacing the send queue enforces
         * @return this builder
         * @throws NullPointerException when {@code value} is null
         */
        public Builder limits(SendLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /**
         * The getUpdates timeout in seconds; default 30.
         *
         * @param seconds from 0 (short polling) to 50; checked by {@link #build()}
         * @return this builder
         */
        public Builder pollingTimeoutSeconds(int seconds) {
            this.pollingTimeoutSeconds = seconds;
            return this;
        }

        /**
         * The update kinds to receive (allowed_updates); default Telegram's own default.
         *
         * @param kinds update kinds such as {@code message} and {@code callback_query}; copied
         * @return this builder
         * @throws NullPointerException when {@code kinds} or one of its elements is null
         */
        public Builder allowedUpdates(List<String> kinds) {
            this.allowedUpdates = List.copyOf(kinds);
            return this;
        }

        /**
         * How long administrators are cached; default 5 minutes.
         *
         * @param ttl how long a getChatAdministrators answer is reused; positive, checked by
         *     {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code ttl} is null
         */
        public Builder adminCacheTtl(Duration ttl) {
            this.adminCacheTtl = Objects.requireNonNull(ttl, "adminCacheTtl");
            return this;
        }

        /**
         * Attempts for a send on 5xx or network errors, and the backoff between them; default 5,
         * 0.5 s to 30 s.
         *
         * @param attempts tries per send, at least 1 (1 means no retry)
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
         * The timeout of one Bot API call; default 15 s.
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
         * How long the webhook waits for an update's handling and answers; default 55 s.
         *
         * @param timeout the longest a webhook request is held open; positive, checked by
         *     {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code timeout} is null
         */
        public Builder webhookTimeout(Duration timeout) {
            this.webhookTimeout = Objects.requireNonNull(timeout, "webhookTimeout");
            return this;
        }

        /**
         * How long close() waits for queued sends; default 30 s.
         *
         * @param timeout the longest close() waits for queued sends to go out; positive, checked by
         *     {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code timeout} is null
         */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Objects.requireNonNull(timeout, "closeTimeout");
            return this;
        }

        /**
         * Checks every setting.
         *
         * @return the configuration
         * @throws ConfigurationException listing every problem, each naming its setter, or its
         *     environment variable when the value came from there; never the token or the secret
         */
        public TelegramConfig build() {
            ConfigProblems p = problems.copy();
            if (token == null) {
                p.add("token", "is not set: put the token BotFather gave you in it");
            } else if (!TOKEN.matcher(token).matches()) {
                // The token is a secret: describe the rule, never echo it.
                p.add("token", "is not a bot token: expected the form <digits>:<letters, digits, _ or ->");
            }
            p.check(ConfigRules.isHttp(apiUrl), "apiUrl", "must be an http or https URL such as"
                    + " https://api.telegram.org, was '" + hide(ConfigRules.withoutUserInfo(apiUrl), token, webhookSecret) + "'");
            webhookPort.ifPresent(port -> ConfigRules.port(p, port, "webhookPort"));
            ConfigRules.webhookPath(p, webhookPath, hide(webhookPath, token, webhookSecret));
            webhookSecret.ifPresent(s -> p.check(SECRET.matcher(s).matches(), "webhookSecret",
                    "must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -"));
            webhookUrl.ifPresent(u -> p.check("https".equals(u.getScheme()) && u.getHost() != null, "webhookUrl",
                    "must be an https URL (Telegram delivers webhooks over HTTPS only), was '"
                            + hide(ConfigRules.withoutUserInfo(u), token, webhookSecret) + "'"));
            TelegramMode resolved = mode != null ? mode
                    : webhookPort.isPresent() || webhookUrl.isPresent() ? TelegramMode.WEBHOOK : TelegramMode.POLLING;
            if (webhookUrl.isPresent() && resolved == TelegramMode.POLLING) {
                p.addSentence(p.nameOf("webhookUrl") + " is set but " + p.nameOf("mode") + " is polling: Telegram"
                        + " refuses getUpdates while a webhook is set; unset one of them");
            }
            Optional<String> bare = username.map(u -> u.startsWith("@") ? u.substring(1) : u);
            bare.ifPresent(u -> p.check(USERNAME.matcher(u).matches(), "username",
                    "must be the bot's username (letters, digits and _), was '" + username.get() + "'"));
            p.check(pollingTimeoutSeconds >= 0 && pollingTimeoutSeconds <= 50, "pollingTimeoutSeconds",
                    "must be from 0 to 50, was " + pollingTimeoutSeconds);
            ConfigRules.retries(p, maxAttempts, initialBackoff, maxBackoff);
            ConfigRules.positive(p, adminCacheTtl, "adminCacheTtl");
            ConfigRules.positive(p, requestTimeout, "requestTimeout");
            ConfigRules.positive(p, webhookTimeout, "webhookTimeout");
            ConfigRules.positive(p, closeTimeout, "closeTimeout");
            p.throwIfAny();
            return new TelegramConfig(this, resolved, bare);
        }
    }
}
