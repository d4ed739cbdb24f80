package dev.chorusbot.twitch.eventsub;

import static dev.chorusbot.twitch.internal.ConfigChecks.LOGIN;
import static dev.chorusbot.twitch.internal.ConfigChecks.channelLogins;
import static dev.chorusbot.twitch.internal.ConfigChecks.checkMessageLimits;
import static dev.chorusbot.twitch.internal.ConfigChecks.commaSeparated;
import static dev.chorusbot.twitch.internal.ConfigChecks.notNegative;
import static dev.chorusbot.twitch.internal.ConfigChecks.positive;

import dev.chorusbot.core.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
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
 * Build it with {@link #builder()} or read it from the environment with {@link #fromEnv()}:
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
public final class TwitchEventSubConfig {
    /** The Helix API's base URL (https://dev.twitch.tv/docs/api/). */
    public static final URI DEFAULT_API_URL = URI.create("https://api.twitch.tv");
    /** The base URL of Twitch's OAuth server, which issues app access tokens. */
    public static final URI DEFAULT_AUTH_URL = URI.create("https://id.twitch.tv");
    /** The webhook path used when none is configured. */
    public static final String DEFAULT_PATH = "/twitch";

    /** Twitch logins: letters, digits and underscores, at most 25. */
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
    private final HttpClient httpClient;

    private TwitchEventSubConfig(Builder b, URI apiUrl, URI authUrl, Optional<URI> callback,
            List<String> channels, List<String> broadcasterIds) {
        this.clientId = b.clientId.strip();
        this.clientSecret = b.clientSecret.strip();
        this.eventSubSecret = b.eventSubSecret;
        this.botUserId = b.botUserId.strip();
        this.botLogin = b.botLogin.strip().toLowerCase(Locale.ROOT);
        this.path = b.path.strip();
        this.apiUrl = apiUrl;
        this.authUrl = authUrl;
        this.channels = List.copyOf(channels);
        this.broadcasterIds = List.copyOf(broadcasterIds);
        this.callback = callback;
        this.replyTimeout = b.replyTimeout;
        this.closeTimeout = b.closeTimeout;
        this.messageLimit = b.messageLimit;
        this.moderatorMessageLimit = b.moderatorMessageLimit;
        this.httpClient = b.httpClient;
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
     * Reads the configuration from the process environment: {@code TWITCH_CLIENT_ID},
     * {@code TWITCH_CLIENT_SECRET}, {@code TWITCH_EVENTSUB_SECRET}, {@code TWITCH_BOT_USER_ID}, and the
     * optional {@code TWITCH_EVENTSUB_PATH}, {@code TWITCH_API_URL},
     * {@code TWITCH_AUTH_URL}, {@code TWITCH_CHANNELS}, {@code TWITCH_BROADCASTER_IDS} and
     * {@code TWITCH_EVENTSUB_CALLBACK}.
     *
     * @return the checked configuration
     * @throws ConfigurationException listing every missing or malformed variable
     */
    public static TwitchEventSubConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * As {@link #fromEnv()}, reading {@code env} instead of the process environment.
     *
     * @param env variable names to values; missing names count as unset
     * @return the checked configuration
     * @throws ConfigurationException listing every missing or malformed variable
     */
    public static TwitchEventSubConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, builder());
    }

    /**
     * As {@link #fromEnv(Map)}, starting from {@code base} (for settings that have no variable).
     *
     * @param env variable names to values; a set variable overrides what {@code base} holds
     * @param base a builder holding the settings that have no variable, such as the HTTP client; it is
     *     changed and built
     * @return the checked configuration
     * @throws ConfigurationException listing every missing or malformed variable
     */
    public static TwitchEventSubConfig fromEnv(Map<String, String> env, Builder base) {
        Objects.requireNonNull(env, "env");
        base.clientId(env.getOrDefault("TWITCH_CLIENT_ID", ""));
        base.clientSecret(env.getOrDefault("TWITCH_CLIENT_SECRET", ""));
        base.eventSubSecret(env.getOrDefault("TWITCH_EVENTSUB_SECRET", ""));
        base.botUserId(env.getOrDefault("TWITCH_BOT_USER_ID", ""));
        base.channels(commaSeparated(env.getOrDefault("TWITCH_CHANNELS", "")));
        base.broadcasterIds(commaSeparated(env.getOrDefault("TWITCH_BROADCASTER_IDS", "")));
        String path = env.getOrDefault("TWITCH_EVENTSUB_PATH", "");
        if (!path.isBlank()) {
            base.path(path);
        }
        String api = env.getOrDefault("TWITCH_API_URL", "");
        if (!api.isBlank()) {
            base.apiUrlText = api.strip();
        }
        String auth = env.getOrDefault("TWITCH_AUTH_URL", "");
        if (!auth.isBlank()) {
            base.authUrlText = auth.strip();
        }
        String callback = env.getOrDefault("TWITCH_EVENTSUB_CALLBACK", "");
        if (!callback.isBlank()) {
            base.callbackText = callback.strip();
        }
        return base.build();
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

    /**
     * The HTTP client for Helix and OAuth calls, if one was given.
     *
     * @return the given client, or empty when the adapter makes its own on first use
     */
    public Optional<HttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /** The settings, with the secrets masked. */
    @Override
    public String toString() {
        return "TwitchEventSubConfig[clientId=" + clientId + ", clientSecret=***, eventSubSecret=***, botUserId="
                + botUserId + ", path=" + path + ", apiUrl=" + apiUrl + ", authUrl=" + authUrl + ", channels="
                + channels + ", broadcasterIds=" + broadcasterIds + ", callback=" + callback.orElse(null) + "]";
    }

    /** Builds a {@link TwitchEventSubConfig}; {@link #build()} checks everything at once. */
    public static final class Builder {
        private String clientId = "";
        private String clientSecret = "";
        private String eventSubSecret = "";
        private String botUserId = "";
        private String botLogin = "";
        private String path = DEFAULT_PATH;
        private String apiUrlText = DEFAULT_API_URL.toString();
        private String authUrlText = DEFAULT_AUTH_URL.toString();
        private String callbackText;
        private List<String> channels = List.of();
        private List<String> broadcasterIds = List.of();
        private Duration replyTimeout = Duration.ofSeconds(5);
        private Duration closeTimeout = Duration.ofSeconds(10);
        private int messageLimit = 20;
        private int moderatorMessageLimit = 100;
        private HttpClient httpClient;

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
            this.apiUrlText = Objects.requireNonNull(value, "apiUrl").toString();
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
            this.authUrlText = Objects.requireNonNull(value, "authUrl").toString();
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
            this.callbackText = Objects.requireNonNull(value, "callback").toString();
            return this;
        }

        /**
         * How long a delivery waits for its replies; default 5 s (Twitch expects an answer within
         * seconds).
         *
         * @param value a positive duration
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is zero or negative
         */
        public Builder replyTimeout(Duration value) {
            this.replyTimeout = positive(value, "replyTimeout");
            return this;
        }

        /**
         * How long closing waits for queued replies; default 10 s.
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
         * Chat messages per 30 seconds, normally and where the bot is moderator or broadcaster;
         * Twitch's standard is 20 and 100 (https://dev.twitch.tv/docs/chat/#rate-limits), the same
         * as on IRC. Raise them only for an account Twitch granted more, or for a load test against
         * a local fake: Twitch ignores an account that exceeds its limits for 30 minutes.
         *
         * @param perThirtySeconds messages per 30 seconds from the account, at least 1
         * @param asModeratorPerThirtySeconds messages per 30 seconds when they go to a channel where
         *     the bot is moderator or broadcaster, at least {@code perThirtySeconds}
         * @return this builder
         * @throws IllegalArgumentException when a limit is not positive or the moderator limit is
         *     below the normal one
         */
        public Builder messageLimits(int perThirtySeconds, int asModeratorPerThirtySeconds) {
            checkMessageLimits(perThirtySeconds, asModeratorPerThirtySeconds);
            this.messageLimit = perThirtySeconds;
            this.moderatorMessageLimit = asModeratorPerThirtySeconds;
            return this;
        }

        /**
         * The HTTP client for Helix and OAuth; default a new JDK client.
         *
         * @param value the client to send every request with
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder httpClient(HttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }


        /**
         * Checks the settings.
         *
         * @return the configuration, with channel logins in lower case and duplicates removed
         * @throws ConfigurationException listing every problem, each naming its environment variable
         */
        public TwitchEventSubConfig build() {
            List<String> problems = new ArrayList<>();
            if (clientId.isBlank()) {
                problems.add("TWITCH_CLIENT_ID is not set: set it to the client id of the application registered"
                        + " in the Twitch developer console.");
            } else if (!printable(clientId.strip())) {
                problems.add("TWITCH_CLIENT_ID contains spaces or other characters a client id never has.");
            }
            if (clientSecret.isBlank()) {
                problems.add("TWITCH_CLIENT_SECRET is not set: set it to the application's client secret from the"
                        + " Twitch developer console.");
            } else if (!printable(clientSecret.strip())) {
                problems.add("TWITCH_CLIENT_SECRET contains spaces, line breaks or other characters a client secret"
                        + " never has: paste the secret alone.");
            }
            // Twitch: the secret is an ASCII string of 10 to 100 characters (Create EventSub Subscription).
            if (eventSubSecret.isEmpty()) {
                problems.add("TWITCH_EVENTSUB_SECRET is not set: set it to a random string of 10 to 100 ASCII"
                        + " characters; Twitch signs every delivery with it.");
            } else if (eventSubSecret.length() < 10 || eventSubSecret.length() > 100) {
                problems.add("TWITCH_EVENTSUB_SECRET must be 10 to 100 characters long, was "
                        + eventSubSecret.length() + " characters.");
            } else if (!eventSubSecret.chars().allMatch(c -> c > ' ' && c < 127)) {
                problems.add("TWITCH_EVENTSUB_SECRET must contain only printable ASCII characters without spaces.");
            }
            if (botUserId.isBlank()) {
                problems.add("TWITCH_BOT_USER_ID is not set: set it to the numeric user id of the bot account.");
            } else if (!USER_ID.matcher(botUserId.strip()).matches()) {
                problems.add("TWITCH_BOT_USER_ID '" + botUserId.strip() + "' is not a Twitch user id: use the"
                        + " account's numeric id, not its login.");
            }
            if (!botLogin.isBlank() && !LOGIN.matcher(botLogin.strip()).matches()) {
                problems.add("The bot login '" + botLogin.strip() + "' is not a Twitch login: use 1 to 25"
                        + " letters, digits or underscores.");
            }
            String p = path.strip();
            if (!p.startsWith("/") || p.contains("?") || p.contains("#") || p.contains(" ")) {
                problems.add("TWITCH_EVENTSUB_PATH '" + p + "' must be a URL path starting with '/', such as"
                        + " /twitch.");
            }
            URI api = httpUrl(apiUrlText, "TWITCH_API_URL", problems);
            URI auth = httpUrl(authUrlText, "TWITCH_AUTH_URL", problems);
            Optional<URI> callback = callbackText == null ? Optional.empty()
                    : Optional.ofNullable(httpUrl(callbackText, "TWITCH_EVENTSUB_CALLBACK", problems));
            // Twitch: "Your callback must use SSL and listen on port 443" (Handling Webhook Events).
            // Against a local fake of the API any callback goes, so tests can use plain loopback URLs.
            if (api != null && callback.isPresent()
                    && api.getHost().equalsIgnoreCase(DEFAULT_API_URL.getHost())) {
                URI c = callback.get();
                if (!"https".equalsIgnoreCase(c.getScheme()) || (c.getPort() != -1 && c.getPort() != 443)) {
                    problems.add("TWITCH_EVENTSUB_CALLBACK '" + c + "' must be an https:// URL on port 443: Twitch"
                            + " delivers EventSub webhooks only there. Put the bot's webhook behind a TLS proxy"
                            + " or a cloud function's URL.");
                }
            }
            Set<String> logins = channelLogins(channels, problems);
            Set<String> ids = new LinkedHashSet<>();
            for (String id : broadcasterIds) {
                if (!USER_ID.matcher(id.strip()).matches()) {
                    problems.add("TWITCH_BROADCASTER_IDS entry '" + id + "' is not a Twitch user id: use numeric"
                            + " ids, separated by commas.");
                } else {
                    ids.add(id.strip());
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new TwitchEventSubConfig(this, api, auth, callback, new ArrayList<>(logins), new ArrayList<>(ids));
        }

        private static boolean printable(String value) {
            return value.chars().allMatch(c -> c > ' ' && c < 127);
        }

        private static URI httpUrl(String text, String variable, List<String> problems) {
            URI uri;
            try {
                uri = new URI(text.strip());
            } catch (URISyntaxException e) {
                problems.add(variable + " '" + text + "' is not a URL: " + e.getReason() + ".");
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                problems.add(variable + " '" + text + "' must start with https:// (or http:// for a local test"
                        + " server).");
                return null;
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                problems.add(variable + " '" + text + "' has no host name.");
                return null;
            }
            // java.net.URI takes any number of digits as a port; HttpClient refuses it on the first request.
            if (uri.getPort() > 65535) {
                problems.add(variable + " '" + text + "' has a port out of range: use 1 to 65535, or leave the port"
                        + " out for the scheme's default.");
                return null;
            }
            return uri;
        }
    }
}
