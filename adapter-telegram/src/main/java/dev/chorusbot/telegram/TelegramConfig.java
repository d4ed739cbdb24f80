package dev.chorusbot.telegram;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Everything the Telegram adapter needs. Build it with {@link #builder(String)} or read it from the
 * environment with {@link #fromEnv()}; {@link #adapter()} then gives the adapter for the configured
 * mode. Bad values fail at once with a {@link ConfigurationException} listing every problem.
 *
 * <pre>{@code
 * TelegramConfig config = TelegramConfig.builder(token)
 *     .mode(TelegramMode.WEBHOOK)
 *     .webhookSecret("s3cr3t")
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the token or the webhook secret.
 */
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

    private TelegramConfig(Builder b) {
        token = b.token;
        apiUrl = b.apiUrl;
        mode = b.mode;
        webhookPort = b.webhookPort;
        webhookPath = b.webhookPath;
        webhookSecret = b.webhookSecret;
        webhookUrl = b.webhookUrl;
        username = b.username;
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
     * A builder for the bot with {@code token} (from BotFather, {@code 123456:ABC-…}).
     *
     * @param token the bot token from BotFather; checked by {@link Builder#build()}, not here
     * @return a builder with every other setting at its default
     */
    public static Builder builder(String token) {
        return new Builder(token);
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
     * Reads the configuration from {@code env}:
     * <ul>
     *   <li>{@code TELEGRAM_BOT_TOKEN} (required) — the token from BotFather;</li>
     *   <li>{@code TELEGRAM_API_URL} — the Bot API server, default {@code https://api.telegram.org};</li>
     *   <li>{@code TELEGRAM_MODE} — {@code webhook} or {@code polling}; default webhook when
     *       {@code TELEGRAM_WEBHOOK_PORT} is set, polling otherwise;</li>
     *   <li>{@code TELEGRAM_WEBHOOK_PORT} — the port of the embedded webhook host;</li>
     *   <li>{@code TELEGRAM_WEBHOOK_PATH} — default {@code /telegram};</li>
     *   <li>{@code TELEGRAM_WEBHOOK_SECRET} — expected in {@code X-Telegram-Bot-Api-Secret-Token};</li>
     *   <li>{@code TELEGRAM_WEBHOOK_URL} — when set, setWebhook is called with it at start;</li>
     *   <li>{@code TELEGRAM_BOT_USERNAME} — the bot's username; when set, getMe is skipped at start.</li>
     * </ul>
     *
     * @param env the variables by name; blank values count as unset, values are stripped
     * @return the configuration
     * @throws ConfigurationException listing every bad or missing variable
     */
    public static TelegramConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String token = value(env, "TELEGRAM_BOT_TOKEN");
        if (token == null) {
            problems.add("TELEGRAM_BOT_TOKEN is not set: put the token BotFather gave you in it");
        } else if (!TOKEN.matcher(token).matches()) {
            problems.add("TELEGRAM_BOT_TOKEN is not a bot token: expected the form <digits>:<letters, digits, _ or ->");
        }
        Builder b = new Builder(token != null && TOKEN.matcher(token).matches() ? token : "0:invalid");
        String api = value(env, "TELEGRAM_API_URL");
        if (api != null) {
            Optional<URI> uri = httpUrl(api);
            if (uri.isEmpty()) {
                problems.add("TELEGRAM_API_URL must be an http or https URL such as https://api.telegram.org, was '"
                        + api + "'");
            } else {
                b.apiUrl(uri.get());
            }
        }
        String port = value(env, "TELEGRAM_WEBHOOK_PORT");
        if (port != null) {
            try {
                int p = Integer.parseInt(port);
                if (p < 0 || p > 65535) {
                    throw new NumberFormatException();
                }
                b.webhookPort(p);
            } catch (NumberFormatException e) {
                problems.add("TELEGRAM_WEBHOOK_PORT must be a port number from 0 to 65535, was '" + port + "'");
            }
        }
        String mode = value(env, "TELEGRAM_MODE");
        if (mode == null) {
            b.mode(port != null ? TelegramMode.WEBHOOK : TelegramMode.POLLING);
        } else {
            switch (mode.toLowerCase(Locale.ROOT)) {
                case "webhook" -> b.mode(TelegramMode.WEBHOOK);
                case "polling" -> b.mode(TelegramMode.POLLING);
                default -> problems.add("TELEGRAM_MODE must be 'webhook' or 'polling', was '" + mode + "'");
            }
        }
        String path = value(env, "TELEGRAM_WEBHOOK_PATH");
        if (path != null) {
            if (!path.startsWith("/") || path.contains(" ")) {
                problems.add("TELEGRAM_WEBHOOK_PATH must start with '/' and contain no spaces, was '" + path + "'");
            } else {
                b.webhookPath(path);
            }
        }
        String secret = value(env, "TELEGRAM_WEBHOOK_SECRET");
        if (secret != null) {
            if (!SECRET.matcher(secret).matches()) {
                // The value is a secret: describe the rule, never echo it.
                problems.add("TELEGRAM_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
            } else {
                b.webhookSecret(secret);
            }
        }
        String url = value(env, "TELEGRAM_WEBHOOK_URL");
        if (url != null) {
            Optional<URI> uri = httpUrl(url);
            if (uri.isEmpty() || !uri.get().getScheme().equals("https")) {
                problems.add("TELEGRAM_WEBHOOK_URL must be an https URL (Telegram delivers webhooks over HTTPS only), was '"
                        + hideToken(url, token) + "'");
            } else {
                b.webhookUrl(uri.get());
            }
        }
        String username = value(env, "TELEGRAM_BOT_USERNAME");
        if (username != null) {
            String bare = username.startsWith("@") ? username.substring(1) : username;
            if (!USERNAME.matcher(bare).matches()) {
                problems.add("TELEGRAM_BOT_USERNAME must be the bot's username (letters, digits and _), was '"
                        + username + "'");
            } else {
                b.username(bare);
            }
        }
        if (mode != null && mode.equalsIgnoreCase("polling") && url != null) {
            problems.add("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_MODE is polling: Telegram refuses getUpdates while a"
                    + " webhook is set; unset one of them");
        } else if (mode == null && port == null && url != null) {
            // Polling is only the default here; without this the builder's check would refuse it
            // in words that name no variable.
            problems.add("TELEGRAM_WEBHOOK_URL is set but Telegram is polled (TELEGRAM_MODE is unset and so is"
                    + " TELEGRAM_WEBHOOK_PORT): Telegram refuses getUpdates while a webhook is set; set"
                    + " TELEGRAM_MODE=webhook or unset TELEGRAM_WEBHOOK_URL");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return b.build();
    }

    /**
     * {@code text} with the token replaced: a webhook URL may hold the token as an unguessable
     * path, and then it must not reach logs, {@code toString()} or error messages either.
     */
    static String hideToken(String text, String token) {
        return token == null || token.isEmpty() ? text : text.replace(token, "<token>");
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Optional<URI> httpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null
                    || !(scheme.equals("http") || scheme.equals("https"))) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
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
     * @return webhook or long polling
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
        return "TelegramConfig[token=<hidden>, apiUrl=" + apiUrl + ", mode=" + mode + ", webhookPath=" + webhookPath
                + ", webhookSecret=" + (webhookSecret.isPresent() ? "<hidden>" : "none") + ", webhookUrl="
                + webhookUrl.map(u -> hideToken(u.toString(), token)).orElse("none") + ", username=" + username.orElse("(getMe)") + "]";
    }

    /** Configures a {@link TelegramConfig}; {@link #build()} checks everything at once. */
    public static final class Builder {
        private final String token;
        private URI apiUrl = DEFAULT_API_URL;
        private TelegramMode mode = TelegramMode.WEBHOOK;
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

        private Builder(String token) {
            this.token = token;
        }

        /**
         * The Bot API server; default {@code https://api.telegram.org} (a local Bot API server, a
         * fake in tests).
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
         * Webhook (default) or long polling.
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
         * The port of the embedded webhook host the application starts (not used by the adapter
         * itself).
         *
         * @param port from 0 to 65535; checked by {@link #build()}
         * @return this builder
         */
        public Builder webhookPort(int port) {
            this.webhookPort = OptionalInt.of(port);
            return this;
        }

        /**
         * The webhook path; default {@code /telegram}.
         *
         * @param path starts with {@code /}; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException when {@code path} is null
         */
        public Builder webhookPath(String path) {
            this.webhookPath = Objects.requireNonNull(path, "webhookPath");
            return this;
        }

        /**
         * Requires this value in {@code X-Telegram-Bot-Api-Secret-Token}; also given to setWebhook.
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
         * Calls setWebhook with this public https URL (and the secret) at start.
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
         * The bot's username. When given, start() does not call getMe: no network at start, which
         * keeps a serverless cold start short. Without it, getMe is called at start.
         *
         * @param value the username without {@code @}: letters, digits and {@code _}
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
         * @param ttl how long a getChatAdministrators answer is reused; positive
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
         * @param timeout the connect and answer timeout of one call; positive
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
         * @param timeout the longest a webhook request is held open; positive
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
         * @param timeout the longest close() waits for queued sends to go out; positive
         * @return this builder
         * @throws NullPointerException when {@code timeout} is null
         */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Objects.requireNonNull(timeout, "closeTimeout");
            return this;
        }

        /**
         * The configuration.
         *
         * @return the checked configuration
         * @throws ConfigurationException listing every problem
         */
        public TelegramConfig build() {
            List<String> problems = new ArrayList<>();
            if (token == null || !TOKEN.matcher(token).matches()) {
                problems.add("the bot token is missing or malformed: expected the form <digits>:<letters, digits, _ or ->");
            }
            String scheme = apiUrl.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || apiUrl.getHost() == null) {
                problems.add("apiUrl must be an http or https URL, was '" + apiUrl + "'");
            }
            if (!webhookPath.startsWith("/")) {
                problems.add("webhookPath must start with '/', was '" + webhookPath + "'");
            }
            if (webhookPort.isPresent() && (webhookPort.getAsInt() < 0 || webhookPort.getAsInt() > 65535)) {
                problems.add("webhookPort must be from 0 to 65535, was " + webhookPort.getAsInt());
            }
            if (webhookSecret.isPresent() && !SECRET.matcher(webhookSecret.get()).matches()) {
                problems.add("webhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
            }
            if (webhookUrl.isPresent() && !"https".equals(webhookUrl.get().getScheme())) {
                problems.add("webhookUrl must be an https URL, was '" + hideToken(webhookUrl.get().toString(), token) + "'");
            }
            if (webhookUrl.isPresent() && mode == TelegramMode.POLLING) {
                problems.add("webhookUrl is set but the mode is polling: Telegram refuses getUpdates while a webhook is set");
            }
            if (username.isPresent() && !USERNAME.matcher(username.get()).matches()) {
                problems.add("username must be letters, digits and _, was '" + username.get() + "'");
            }
            if (pollingTimeoutSeconds < 0 || pollingTimeoutSeconds > 50) {
                problems.add("pollingTimeoutSeconds must be from 0 to 50, was " + pollingTimeoutSeconds);
            }
            if (maxAttempts < 1) {
                problems.add("retries: attempts must be at least 1, was " + maxAttempts);
            }
            if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
                problems.add("retries: backoff must be non-negative and max at least initial");
            }
            for (Duration d : List.of(adminCacheTtl, requestTimeout, webhookTimeout, closeTimeout)) {
                if (d.isNegative() || d.isZero()) {
                    problems.add("timeouts and the admin cache TTL must be positive, one was " + d);
                    break;
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new TelegramConfig(this);
        }
    }
}
