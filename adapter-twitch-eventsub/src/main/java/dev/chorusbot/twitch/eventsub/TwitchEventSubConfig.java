package dev.chorusbot.twitch.eventsub;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the Twitch EventSub adapter receives chat (a signed webhook) and answers it (the Helix API).
 * Build it with {@link #builder()} or read it from the environment with {@link #fromEnv()}; the
 * builder only records problems, and {@link Builder#build()} throws one
 * {@link ConfigurationException} listing all of them, each naming its setter, or its variable when
 * the value came from the environment:
 *
 * <pre>{@code
 * TwitchEventSubAdapter twitch = new TwitchEventSubAdapter(TwitchEventSubConfig.builder()
 *         .clientId("hof5gwx0su6owfnys0nyan9c87zr6t")
 *         .clientSecret(System.getenv("TWITCH_CLIENT_SECRET"))
 *         .eventSubSecret(System.getenv("TWITCH_EVENTSUB_SECRET"))
 *         .botUserId("141981764")
 *         .channels("twitchdev")
 *         .build());
 * }</pre>
 *
 * <p>{@link #toString()} never shows the client secret or the EventSub secret.
 */
@Api(Api.Status.STABLE)
public final class TwitchEventSubConfig {
    /** The Helix API's base URL (https://dev.twitch.tv/docs/api/). */
    public static final URI DEFAULT_API_URL = URI.create("https://api.twitch.tv");
    /** The base URL of Twitch's OAuth server, which issues app access tokens. */
    public static final URI DEFAULT_AUTH_URL = URI.create("https://id.twitch.tv");
    /** The webhook path used when none is configured. */
    public static final String DEFAULT_PATH = "/twitch";

    /** Twitch user ids: digits. */
    private static final Pattern USER_ID = Pattern.compile("[0-9]{1,20}");

    private final String clientId;
    private final String clientSecret;
    private final String eventSubSecret;
    private final String botUserId;
    private final String botLogin;
    private final String path;
    private final URI apiUrl;
    private final URI authUrl;
    private final List<String> channels;
    private final List<String> broadcasterIds;
    private final Optional<URI> callback;
    private final Duration replyTimeout;
    private final Duration closeTimeout;
    private final int messageLimit;
    private final int moderatorMessageLimit;

    private TwitchEventSubConfig(Builder b, List<String> channels, List<String> broadcasterIds) {
        this.clientId = b.clientId.strip();
        this.clientSecret = b.clientSecret.strip();
        this.eventSubSecret = b.eventSubSecret;
        this.botUserId = b.botUserId.strip();
        this.botLogin = b.botLogin.strip().toLowerCase(Locale.ROOT);
        this.path = b.path.strip();
        this.apiUrl = b.apiUrl;
        this.authUrl = b.authUrl;
        this.channels = List.copyOf(channels);
        this.broadcasterIds = List.copyOf(broadcasterIds);
        this.callback = Optional.ofNullable(b.callback);
        this.replyTimeout = b.replyTimeout;
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
     * Reads the configuration from the process environment; see {@link #fromEnv(Map)}.
     *
     * @return the checked configuration
     * @throws ConfigurationException listing every missing or malformed variable
     */
    public static TwitchEventSubConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads the configuration from {@code env}; each variable sets one builder setting, so the
     * rules and defaults are the builder's: {@code TWITCH_CLIENT_ID}, {@code TWITCH_CLIENT_SECRET},
     * {@code TWITCH_EVENTSUB_SECRET} and {@code TWITCH_BOT_USER_ID} (required), and the optional
     * {@code TWITCH_EVENTSUB_PATH}, {@code TWITCH_API_URL}, {@code TWITCH_AUTH_URL},
     * {@code TWITCH_CHANNELS}, {@code TWITCH_BROADCASTER_IDS} (both comma separated) and
     * {@code TWITCH_EVENTSUB_CALLBACK}.
     *
     * @param env variable names to values; missing or blank names count as unset
     * @return the checked configuration
     * @throws ConfigurationException listing every missing or malformed variable, each by its name
     */
    public static TwitchEventSubConfig fromEnv(Map<String, String> env) {
        Builder b = builder();
        Env vars = Env.of(Objects.requireNonNull(env, "env"), b.problems);
        vars.string("TWITCH_CLIENT_ID", "clientId").ifPresent(b::clientId);
        vars.string("TWITCH_CLIENT_SECRET", "clientSecret").ifPresent(b::clientSecret);
        // The signing secret is taken exactly as given: Twitch signs with every character of it.
        b.problems.from("eventSubSecret", "TWITCH_EVENTSUB_SECRET");
        String secret = env.get("TWITCH_EVENTSUB_SECRET");
        if (secret != null && !secret.isBlank()) {
            b.eventSubSecret(secret);
        }
        vars.string("TWITCH_BOT_USER_ID", "botUserId").ifPresent(b::botUserId);
        b.channels(vars.list("TWITCH_CHANNELS", "channels"));
        b.broadcasterIds(vars.list("TWITCH_BROADCASTER_IDS", "broadcasterIds"));
        vars.string("TWITCH_EVENTSUB_PATH", "path").ifPresent(b::path);
        vars.url("TWITCH_API_URL", "apiUrl").ifPresent(b::apiUrl);
        vars.url("TWITCH_AUTH_URL", "authUrl").ifPresent(b::authUrl);
        vars.url("TWITCH_EVENTSUB_CALLBACK", "callback").ifPresent(b::callback);
        return b.build();
    }

    /**
     * The application's client id ({@code TWITCH_CLIENT_ID}); sent as {@code Client-Id}.
     *
     * @return the client id, stripped of surrounding blanks
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The application's client secret ({@code TWITCH_CLIENT_SECRET}). Never log it.
     *
     * @return the client secret, stripped of surrounding blanks
     */
    public String clientSecret() {
        return clientSecret;
    }

    /**
     * The secret Twitch signs deliveries with ({@code TWITCH_EVENTSUB_SECRET}). Never log it.
     *
     * @return the secret exactly as configured, 10 to 100 printable ASCII characters
     */
    public String eventSubSecret() {
        return eventSubSecret;
    }

    /**
     * The bot account's user id ({@code TWITCH_BOT_USER_ID}): the sender of replies.
     *
     * @return the numeric user id, as a string
     */
    public String botUserId() {
        return botUserId;
    }

    /**
     * The bot account's login in lower case, or empty when unknown. It has no variable: the IRC
     * adapter's {@code TWITCH_USERNAME} would switch on IRC in the example bots, and the bot's own
     * messages are recognised by {@link #botUserId()} anyway.
     *
     * @return the login in lower case, or empty
     */
    public String botLogin() {
        return botLogin;
    }

    /**
     * The webhook path ({@code TWITCH_EVENTSUB_PATH}); default {@code /twitch}.
     *
     * @return the path, starting with {@code /}
     */
    public String path() {
        return path;
    }

    /**
     * {@link #path()} as logs and messages may show it: with the client secret and the EventSub
     * secret masked, for a path that holds one as an unguessable part.
     *
     * @return the masked path
     */
    public String shownPath() {
        return mask(path);
    }

    /**
     * {@code text} with this configuration's secrets masked: the client secret and the EventSub
     * secret become {@code <secret>}, and a password in a URL's user info {@code <user info>}.
     *
     * @param text any text, such as a path or URL; not null
     * @return the text with every secret replaced
     */
    public String mask(String text) {
        return hide(text, clientSecret, eventSubSecret);
    }

    /** {@code text} with each non-empty secret, and the user info of a URL in it, replaced. */
    static String hide(String text, String... secrets) {
        String shown = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                shown = shown.replace(secret.strip(), "<secret>");
            }
        }
        return shown;
    }

    /** {@code uri} as text with its user info ({@code https://user:pass@host}) and the secrets masked. */
    static String shown(URI uri, String... secrets) {
        return hide(withoutUserInfo(uri), secrets);
    }

    /**
     * The Helix base URL ({@code TWITCH_API_URL}); default {@code https://api.twitch.tv}.
     *
     * @return an {@code http} or {@code https} URL with a host
     */
    public URI apiUrl() {
        return apiUrl;
    }

    /**
     * The OAuth base URL ({@code TWITCH_AUTH_URL}); default {@code https://id.twitch.tv}.
     *
     * @return an {@code http} or {@code https} URL with a host
     */
    public URI authUrl() {
        return authUrl;
    }

    /**
     * The channels to subscribe to, as logins in lower case ({@code TWITCH_CHANNELS}).
     *
     * @return the logins without {@code #}, without duplicates, in the order configured; may be
     *     empty
     */
    public List<String> channels() {
        return channels;
    }

    /**
     * Channels to subscribe to given by broadcaster user id ({@code TWITCH_BROADCASTER_IDS}).
     *
     * @return the numeric ids without duplicates, in the order configured; may be empty
     */
    public List<String> broadcasterIds() {
        return broadcasterIds;
    }

    /**
     * The public HTTPS URL of the webhook ({@code TWITCH_EVENTSUB_CALLBACK}). When set, the adapter
     * makes sure at start that every configured channel has a {@code channel.chat.message}
     * subscription to it.
     *
     * @return the callback URL, or empty when none is configured
     */
    public Optional<URI> callback() {
        return callback;
    }

    /**
     * How long a delivery may wait for its replies to be sent before it is answered anyway.
     *
     * @return a positive duration; default 5 seconds
     */
    public Duration replyTimeout() {
        return replyTimeout;
    }

    /**
     * How long {@code close()} waits for queued replies.
     *
     * @return the duration; default 10 seconds
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /**
     * Messages the bot account may send per 30 seconds.
     *
     * @return the limit; Twitch's standard is 20
     */
    public int messageLimit() {
        return messageLimit;
    }

    /**
     * Messages per 30 seconds to channels where the bot is moderator or broadcaster.
     *
     * @return the limit; Twitch's standard is 100
     */
    public int moderatorMessageLimit() {
        return moderatorMessageLimit;
    }

    /** The settings, with the secrets masked. */
    @Override
    public String toString() {
        return "TwitchEventSubConfig[clientId=" + clientId + ", clientSecret=***, eventSubSecret=***, botUserId="
                + botUserId + ", path=" + shownPath() + ", apiUrl=" + shown(apiUrl, clientSecret, eventSubSecret) + ", authUrl="
                + shown(authUrl, clientSecret, eventSubSecret) + ", channels=" + channels + ", broadcasterIds="
                + broadcasterIds + ", callback=" + callback.map(u -> shown(u, clientSecret, eventSubSecret)).orElse(null)
                + "]";
    }

    /**
     * Builds a {@link TwitchEventSubConfig}. Setters only record; {@link #build()} checks everything
     * at once and names each problem by its setter (or its variable, for {@link #fromEnv(Map)}).
     */
    public static final class Builder {
        /** Where each setting came from, and what could not be read. */
        final ConfigProblems problems = new ConfigProblems();
        private String clientId = "";
        private String clientSecret = "";
        private String eventSubSecret = "";
        private String botUserId = "";
        private String botLogin = "";
        private String path = DEFAULT_PATH;
        private URI apiUrl = DEFAULT_API_URL;
        private URI authUrl = DEFAULT_AUTH_URL;
        private URI callback;
        private List<String> channels = List.of();
        private List<String> broadcasterIds = List.of();
        private Duration replyTimeout = Duration.ofSeconds(5);
        private Duration closeTimeout = Duration.ofSeconds(10);
        private int messageLimit = 20;
        private int moderatorMessageLimit = 100;

        private Builder() {}

        /**
         * The application's client id ({@code TWITCH_CLIENT_ID}).
         *
         * @param value the client id from the Twitch developer console; surrounding blanks are
         *     stripped
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder clientId(String value) {
            this.clientId = Objects.requireNonNull(value, "clientId");
            return this;
        }

        /**
         * The application's client secret ({@code TWITCH_CLIENT_SECRET}).
         *
         * @param value the client secret; blanks around it are stripped
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder clientSecret(String value) {
            this.clientSecret = Objects.requireNonNull(value, "clientSecret");
            return this;
        }

        /**
         * The EventSub signing secret, 10 to 100 ASCII characters ({@code TWITCH_EVENTSUB_SECRET}).
         *
         * @param value the secret, taken exactly as given (not stripped)
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder eventSubSecret(String value) {
            this.eventSubSecret = Objects.requireNonNull(value, "eventSubSecret");
            return this;
        }

        /**
         * The bot account's user id ({@code TWITCH_BOT_USER_ID}).
         *
         * @param value the numeric user id, not the login
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder botUserId(String value) {
            this.botUserId = Objects.requireNonNull(value, "botUserId");
            return this;
        }

        /**
         * The bot account's login; optional (its own messages are recognised by the user id).
         *
         * @param value 1 to 25 letters, digits or underscores, in any case; empty for unknown
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder botLogin(String value) {
            this.botLogin = Objects.requireNonNull(value, "botLogin");
            return this;
        }

        /**
         * The webhook path ({@code TWITCH_EVENTSUB_PATH}); default {@code /twitch}.
         *
         * @param value a URL path starting with {@code /}, without query or fragment
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder path(String value) {
            this.path = Objects.requireNonNull(value, "path");
            return this;
        }

        /**
         * The Helix base URL ({@code TWITCH_API_URL}).
         *
         * @param value an {@code https} URL ({@code http} for a local test server)
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder apiUrl(URI value) {
            this.apiUrl = Objects.requireNonNull(value, "apiUrl");
            return this;
        }

        /**
         * The OAuth base URL ({@code TWITCH_AUTH_URL}).
         *
         * @param value an {@code https} URL ({@code http} for a local test server)
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder authUrl(URI value) {
            this.authUrl = Objects.requireNonNull(value, "authUrl");
            return this;
        }

        /**
         * The channels to subscribe to, as logins ({@code TWITCH_CHANNELS}); {@code #} optional.
         *
         * @param values channel logins in any case; they replace the ones set before
         * @return this builder
         * @throws NullPointerException if {@code values} or one of them is null
         */
        public Builder channels(String... values) {
            return channels(List.of(values));
        }

        /**
         * The channels to subscribe to, as logins ({@code TWITCH_CHANNELS}); {@code #} optional.
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
         * Channels given by broadcaster user id ({@code TWITCH_BROADCASTER_IDS}); no lookup needed.
         *
         * @param values numeric user ids; they replace the ones set before
         * @return this builder
         * @throws NullPointerException if {@code values} or one of them is null
         */
        public Builder broadcasterIds(List<String> values) {
            this.broadcasterIds = List.copyOf(values);
            return this;
        }

        /**
         * The webhook's public URL ({@code TWITCH_EVENTSUB_CALLBACK}); subscriptions are ensured at
         * start.
         *
         * @param value the URL Twitch calls, as it reaches this bot's webhook path; {@code https://}
         *     on port 443 when the API is Twitch's own ({@link #build()} refuses anything else then)
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder callback(URI value) {
            this.callback = Objects.requireNonNull(value, "callback");
            return this;
        }

        /**
         * How long a delivery waits for its replies; default 5 s (Twitch expects an answer within
         * seconds).
         *
         * @param value a positive duration; checked by {@link #build()}
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder replyTimeout(Duration value) {
            this.replyTimeout = Objects.requireNonNull(value, "replyTimeout");
            return this;
        }

        /**
         * How long closing waits for queued replies; default 10 s.
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
         * Chat messages per 30 seconds, normally and where the bot is moderator or broadcaster;
         * Twitch's standard is 20 and 100 (https://dev.twitch.tv/docs/chat/#rate-limits), the same
         * as on IRC. Raise them only for an account Twitch granted more, or for a load test against
         * a local fake: Twitch ignores an account that exceeds its limits for 30 minutes.
         *
         * @param perThirtySeconds messages per 30 seconds from the account, at least 1
         * @param asModeratorPerThirtySeconds messages per 30 seconds when they go to a channel where
         *     the bot is moderator or broadcaster, at least {@code perThirtySeconds}; both checked by
         *     {@link #build()}
         * @return this builder
         */
        public Builder messageLimits(int perThirtySeconds, int asModeratorPerThirtySeconds) {
            this.messageLimit = perThirtySeconds;
            this.moderatorMessageLimit = asModeratorPerThirtySeconds;
            return this;
        }

        /**
         * Checks every setting.
         *
         * @return the configuration, with channel logins in lower case and duplicates removed
         * @throws ConfigurationException listing every problem, each naming its setter, or its
         *     environment variable when the value came from there; never a secret
         */
        public TwitchEventSubConfig build() {
            ConfigProblems p = problems.copy();
            if (clientId.isBlank()) {
                p.add("clientId", "is not set: set it to the client id of the application registered in the"
                        + " Twitch developer console.");
            } else {
                p.check(printable(clientId.strip()), "clientId", "contains spaces or other characters a client id"
                        + " never has.");
            }
            if (clientSecret.isBlank()) {
                p.add("clientSecret", "is not set: set it to the application's client secret from the Twitch"
                        + " developer console.");
            } else {
                p.check(printable(clientSecret.strip()), "clientSecret", "contains spaces, line breaks or other"
                        + " characters a client secret never has: paste the secret alone.");
            }
            // Twitch: the secret is an ASCII string of 10 to 100 characters (Create EventSub Subscription).
            if (eventSubSecret.isEmpty()) {
                p.add("eventSubSecret", "is not set: set it to a random string of 10 to 100 ASCII characters;"
                        + " Twitch signs every delivery with it.");
            } else if (eventSubSecret.length() < 10 || eventSubSecret.length() > 100) {
                p.add("eventSubSecret", "must be 10 to 100 characters long, was " + eventSubSecret.length()
                        + " characters.");
            } else {
                p.check(printable(eventSubSecret), "eventSubSecret", "must contain only printable ASCII characters"
                        + " without spaces.");
            }
            if (botUserId.isBlank()) {
                p.add("botUserId", "is not set: set it to the numeric user id of the bot account.");
            } else {
                p.check(USER_ID.matcher(botUserId.strip()).matches(), "botUserId", "'" + botUserId.strip()
                        + "' is not a Twitch user id: use the account's numeric id, not its login.");
            }
            if (!botLogin.isBlank()) {
                login(p, botLogin.strip(), "botLogin");
            }
            String trimmed = path.strip();
            p.check(trimmed.startsWith("/") && !trimmed.contains("?") && !trimmed.contains("#")
                    && !trimmed.contains(" "), "path", "'" + hide(trimmed, clientSecret, eventSubSecret) + "' must be a URL path starting with '/', such"
                    + " as /twitch.");
            boolean apiOk = httpUrl(p, apiUrl, "apiUrl", clientSecret, eventSubSecret);
            httpUrl(p, authUrl, "authUrl", clientSecret, eventSubSecret);
            // Twitch: "Your callback must use SSL and listen on port 443" (Handling Webhook Events).
            // Against a local fake of the API any callback goes, so tests can use plain loopback URLs.
            if (callback != null && httpUrl(p, callback, "callback", clientSecret, eventSubSecret) && apiOk
                    && apiUrl.getHost().equalsIgnoreCase(DEFAULT_API_URL.getHost())) {
                p.check("https".equalsIgnoreCase(callback.getScheme())
                        && (callback.getPort() == -1 || callback.getPort() == 443), "callback", "'"
                        + shown(callback, clientSecret, eventSubSecret) + "' must be an https:// URL on port 443: Twitch delivers EventSub webhooks only there. Put"
                        + " the bot's webhook behind a TLS proxy or a cloud function's URL.");
            }
            Set<String> logins = channelLogins(channels, p);
            Set<String> ids = new LinkedHashSet<>();
            for (String id : broadcasterIds) {
                if (p.check(USER_ID.matcher(id.strip()).matches(), "broadcasterIds", "entry '" + id + "' is not a"
                        + " Twitch user id: use numeric ids, separated by commas.")) {
                    ids.add(id.strip());
                }
            }
            positive(p, replyTimeout, "replyTimeout");
            notNegative(p, closeTimeout, "closeTimeout");
            checkMessageLimits(p, messageLimit, moderatorMessageLimit);
            p.throwIfAny();
            return new TwitchEventSubConfig(this, new ArrayList<>(logins), new ArrayList<>(ids));
        }

        /** Whether {@code uri} is an http(s) URL with a host and a port a socket can use. */
        private static boolean httpUrl(ConfigProblems p, URI uri, String setting, String... secrets) {
            String shownUri = shown(uri, secrets);
            if (!Set.of("https", "http").contains(scheme(uri))) {
                p.add(setting, "'" + shownUri + "' must start with https:// (or http:// for a local test server).");
                return false;
            }
            return hostAndPort(p, uri, shownUri, setting);
        }
    }
}
