package dev.chorusbot.spring;

import dev.chorusbot.core.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code chorus.*} properties. Each one stands for one of the environment variables the
 * platform guides document ({@code chorus.telegram.token} for {@code TELEGRAM_BOT_TOKEN}, …), so
 * the rules, defaults and checks are the adapters' own; Spring's relaxed binding lets the
 * variables {@code CHORUS_TELEGRAM_TOKEN} and so on set them too. A platform is switched on by its
 * first property (the token, the IRC username, the EventSub client id).
 *
 * <p>There is no port property: the webhooks are served on the application's own web server
 * ({@code server.port}).
 */
@ConfigurationProperties("chorus")
@Api(Api.Status.EXPERIMENTAL)
public class ChorusProperties {
    private static final Pattern VARIABLE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    /** Whether to build and run the bot at all. */
    private boolean enabled = true;

    /**
     * Where the bot keeps its state (de-duplication, cooldowns, jobs, conversations), as the
     * variable CHORUS_STATE: memory (the default), file:/path, or redis://host:port.
     */
    private String state;

    private final Telegram telegram = new Telegram();

    private final Twitch twitch = new Twitch();

    private final Discord discord = new Discord();

    /**
     * Whether the bot is built and run.
     *
     * @return true unless switched off
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Switches the bot on or off.
     *
     * @param enabled false to build no bot
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The state store, as {@code CHORUS_STATE}.
     *
     * @return the value, or null when not set
     */
    public String getState() {
        return state;
    }

    /**
     * Sets the state store, as {@code CHORUS_STATE}.
     *
     * @param state {@code memory}, {@code file:/path} or a {@code redis://} URL
     */
    public void setState(String state) {
        this.state = state;
    }

    /**
     * The Telegram properties.
     *
     * @return the {@code chorus.telegram.*} group
     */
    public Telegram getTelegram() {
        return telegram;
    }

    /**
     * The Twitch properties.
     *
     * @return the {@code chorus.twitch.*} group
     */
    public Twitch getTwitch() {
        return twitch;
    }

    /**
     * The Discord properties.
     *
     * @return the {@code chorus.discord.*} group
     */
    public Discord getDiscord() {
        return discord;
    }

    /**
     * The environment variables these properties stand for, for the adapters' {@code fromEnv}:
     * only those that are set.
     *
     * @return the variables by name
     */
    Map<String, String> toVariables() {
        Map<String, String> env = new LinkedHashMap<>();
        put(env, "CHORUS_STATE", state);
        put(env, "TELEGRAM_BOT_TOKEN", telegram.token);
        put(env, "TELEGRAM_MODE", telegram.mode);
        put(env, "TELEGRAM_WEBHOOK_PATH", telegram.webhookPath);
        put(env, "TELEGRAM_WEBHOOK_SECRET", telegram.webhookSecret);
        put(env, "TELEGRAM_WEBHOOK_URL", telegram.webhookUrl);
        put(env, "TELEGRAM_API_URL", telegram.apiUrl);
        put(env, "TELEGRAM_BOT_USERNAME", telegram.username);
        put(env, "TELEGRAM_SEND_LIMITS", telegram.sendLimits);
        put(env, "DISCORD_BOT_TOKEN", discord.token);
        put(env, "DISCORD_APPLICATION_ID", discord.applicationId);
        put(env, "DISCORD_PUBLIC_KEY", discord.publicKey);
        put(env, "DISCORD_MODE", discord.mode);
        put(env, "DISCORD_WEBHOOK_PATH", discord.webhookPath);
        put(env, "DISCORD_API_URL", discord.apiUrl);
        put(env, "DISCORD_REGISTER_COMMANDS", discord.registerCommands == null ? null
                : discord.registerCommands.toString());
        put(env, "DISCORD_COMMAND_GUILD_ID", discord.commandGuildId);
        put(env, "TWITCH_USERNAME", twitch.username);
        put(env, "TWITCH_OAUTH_TOKEN", twitch.oauthToken);
        put(env, "TWITCH_IRC_URL", twitch.ircUrl);
        Twitch.EventSub eventSub = twitch.eventsub;
        put(env, "TWITCH_CLIENT_ID", eventSub.clientId);
        put(env, "TWITCH_CLIENT_SECRET", eventSub.clientSecret);
        put(env, "TWITCH_EVENTSUB_SECRET", eventSub.secret);
        put(env, "TWITCH_BOT_USER_ID", eventSub.botUserId);
        put(env, "TWITCH_BROADCASTER_IDS", String.join(",", eventSub.broadcasterIds));
        put(env, "TWITCH_EVENTSUB_PATH", eventSub.path);
        put(env, "TWITCH_EVENTSUB_CALLBACK", eventSub.callback);
        put(env, "TWITCH_API_URL", eventSub.apiUrl);
        put(env, "TWITCH_AUTH_URL", eventSub.authUrl);
        // One variable, TWITCH_CHANNELS, serves both Twitch adapters (only one can be switched on).
        put(env, "TWITCH_CHANNELS", String.join(",", twitch.channels.isEmpty() ? eventSub.channels : twitch.channels));
        return env;
    }

    /**
     * The property each variable of {@link #toVariables()} comes from, so that problems reported
     * in the variables' words can be told in the properties'.
     *
     * @return property names by variable name
     */
    static Map<String, String> propertyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("CHORUS_STATE", "chorus.state");
        names.put("TELEGRAM_BOT_TOKEN", "chorus.telegram.token");
        names.put("TELEGRAM_MODE", "chorus.telegram.mode");
        names.put("TELEGRAM_WEBHOOK_PATH", "chorus.telegram.webhook-path");
        names.put("TELEGRAM_WEBHOOK_SECRET", "chorus.telegram.webhook-secret");
        names.put("TELEGRAM_WEBHOOK_URL", "chorus.telegram.webhook-url");
        names.put("TELEGRAM_API_URL", "chorus.telegram.api-url");
        names.put("TELEGRAM_BOT_USERNAME", "chorus.telegram.username");
        names.put("TELEGRAM_SEND_LIMITS", "chorus.telegram.send-limits");
        names.put("DISCORD_BOT_TOKEN", "chorus.discord.token");
        names.put("DISCORD_APPLICATION_ID", "chorus.discord.application-id");
        names.put("DISCORD_PUBLIC_KEY", "chorus.discord.public-key");
        names.put("DISCORD_MODE", "chorus.discord.mode");
        names.put("DISCORD_WEBHOOK_PATH", "chorus.discord.webhook-path");
        names.put("DISCORD_API_URL", "chorus.discord.api-url");
        names.put("DISCORD_REGISTER_COMMANDS", "chorus.discord.register-commands");
        names.put("DISCORD_COMMAND_GUILD_ID", "chorus.discord.command-guild-id");
        names.put("TWITCH_USERNAME", "chorus.twitch.username");
        names.put("TWITCH_OAUTH_TOKEN", "chorus.twitch.oauth-token");
        names.put("TWITCH_IRC_URL", "chorus.twitch.irc-url");
        names.put("TWITCH_CHANNELS", "chorus.twitch.channels");
        names.put("TWITCH_CLIENT_ID", "chorus.twitch.eventsub.client-id");
        names.put("TWITCH_CLIENT_SECRET", "chorus.twitch.eventsub.client-secret");
        names.put("TWITCH_EVENTSUB_SECRET", "chorus.twitch.eventsub.secret");
        names.put("TWITCH_BOT_USER_ID", "chorus.twitch.eventsub.bot-user-id");
        names.put("TWITCH_BROADCASTER_IDS", "chorus.twitch.eventsub.broadcaster-ids");
        names.put("TWITCH_EVENTSUB_PATH", "chorus.twitch.eventsub.path");
        names.put("TWITCH_EVENTSUB_CALLBACK", "chorus.twitch.eventsub.callback");
        names.put("TWITCH_API_URL", "chorus.twitch.eventsub.api-url");
        names.put("TWITCH_AUTH_URL", "chorus.twitch.eventsub.auth-url");
        return names;
    }

    /**
     * {@code problem} with each variable the properties stand for replaced by the property's name,
     * as whole words.
     *
     * @param problem a problem as an adapter reported it
     * @return the problem in the properties' words
     */
    static String inPropertyNames(String problem) {
        Map<String, String> names = propertyNames();
        Matcher matcher = VARIABLE.matcher(problem);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = names.getOrDefault(matcher.group(), matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(name));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null && !value.isBlank()) {
            env.put(name, value);
        }
    }

    /** The {@code chorus.telegram.*} properties; see docs/telegram.md for each variable. */
    public static class Telegram {
        /** The bot token from @BotFather (TELEGRAM_BOT_TOKEN); setting it switches Telegram on. */
        private String token;

        /** How updates arrive: webhook (the default here, on the application's server) or polling. */
        private String mode;

        /** The path of the webhook on the application's server (TELEGRAM_WEBHOOK_PATH), default /telegram. */
        private String webhookPath;

        /** The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (TELEGRAM_WEBHOOK_SECRET). */
        private String webhookSecret;

        /** The public HTTPS URL registered with setWebhook at start (TELEGRAM_WEBHOOK_URL). */
        private String webhookUrl;

        /** The Bot API's base URL (TELEGRAM_API_URL), default https://api.telegram.org. */
        private String apiUrl;

        /** The bot's username without @ (TELEGRAM_BOT_USERNAME); asked with getMe when not set. */
        private String username;

        /** The send limits (TELEGRAM_SEND_LIMITS), such as 30/s,1/s,20/min. */
        private String sendLimits;

        /**
         * The bot token.
         *
         * @return the token, or null
         */
        public String getToken() {
            return token;
        }

        /**
         * Sets the bot token.
         *
         * @param token the token from @BotFather
         */
        public void setToken(String token) {
            this.token = token;
        }

        /**
         * The mode.
         *
         * @return {@code webhook}, {@code polling} or null
         */
        public String getMode() {
            return mode;
        }

        /**
         * Sets the mode.
         *
         * @param mode {@code webhook} or {@code polling}
         */
        public void setMode(String mode) {
            this.mode = mode;
        }

        /**
         * The webhook path.
         *
         * @return the path, or null for the default
         */
        public String getWebhookPath() {
            return webhookPath;
        }

        /**
         * Sets the webhook path.
         *
         * @param webhookPath a path such as {@code /telegram}
         */
        public void setWebhookPath(String webhookPath) {
            this.webhookPath = webhookPath;
        }

        /**
         * The webhook secret.
         *
         * @return the secret, or null
         */
        public String getWebhookSecret() {
            return webhookSecret;
        }

        /**
         * Sets the webhook secret.
         *
         * @param webhookSecret 1–256 characters of A–Z, a–z, 0–9, _ and -
         */
        public void setWebhookSecret(String webhookSecret) {
            this.webhookSecret = webhookSecret;
        }

        /**
         * The public webhook URL.
         *
         * @return the URL, or null
         */
        public String getWebhookUrl() {
            return webhookUrl;
        }

        /**
         * Sets the public webhook URL.
         *
         * @param webhookUrl an HTTPS URL reaching this application's webhook path
         */
        public void setWebhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
        }

        /**
         * The Bot API URL.
         *
         * @return the URL, or null for the default
         */
        public String getApiUrl() {
            return apiUrl;
        }

        /**
         * Sets the Bot API URL.
         *
         * @param apiUrl the base URL, such as a local Bot API server's
         */
        public void setApiUrl(String apiUrl) {
            this.apiUrl = apiUrl;
        }

        /**
         * The bot's username.
         *
         * @return the username, or null
         */
        public String getUsername() {
            return username;
        }

        /**
         * Sets the bot's username.
         *
         * @param username the username without @
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /**
         * The send limits.
         *
         * @return the limits, or null for the defaults
         */
        public String getSendLimits() {
            return sendLimits;
        }

        /**
         * Sets the send limits.
         *
         * @param sendLimits overall, per private chat, per group, such as {@code 30/s,1/s,20/min}
         */
        public void setSendLimits(String sendLimits) {
            this.sendLimits = sendLimits;
        }
    }

    /** The {@code chorus.discord.*} properties; see docs/discord.md for each variable. */
    public static class Discord {
        /** The bot token from the Developer Portal's Bot page (DISCORD_BOT_TOKEN); setting it switches Discord on. */
        private String token;

        /** The application's id (DISCORD_APPLICATION_ID), for command registration. */
        private String applicationId;

        /** The application's Ed25519 public key, 64 hex digits (DISCORD_PUBLIC_KEY); makes interactions the mode. */
        private String publicKey;

        /** How events arrive (DISCORD_MODE): interactions (the default with a public key) or gateway. */
        private String mode;

        /** The Interactions endpoint's path on the application's server (DISCORD_WEBHOOK_PATH), default /discord. */
        private String webhookPath;

        /** The REST API (DISCORD_API_URL), default https://discord.com/api/v10. */
        private String apiUrl;

        /** Whether the commands are registered at start, in the background (DISCORD_REGISTER_COMMANDS). */
        private Boolean registerCommands;

        /** The guild to register the commands in instead of globally (DISCORD_COMMAND_GUILD_ID). */
        private String commandGuildId;

        /** Created by Spring. */
        public Discord() {}

        /**
         * The bot token.
         *
         * @return the token, or null
         */
        public String getToken() {
            return token;
        }

        /**
         * Sets the bot token.
         *
         * @param token the token without the {@code Bot } prefix
         */
        public void setToken(String token) {
            this.token = token;
        }

        /**
         * The application's id.
         *
         * @return the id, or null
         */
        public String getApplicationId() {
            return applicationId;
        }

        /**
         * Sets the application's id.
         *
         * @param applicationId the snowflake
         */
        public void setApplicationId(String applicationId) {
            this.applicationId = applicationId;
        }

        /**
         * The application's public key.
         *
         * @return 64 hex digits, or null
         */
        public String getPublicKey() {
            return publicKey;
        }

        /**
         * Sets the application's public key.
         *
         * @param publicKey 64 hex digits from the Developer Portal
         */
        public void setPublicKey(String publicKey) {
            this.publicKey = publicKey;
        }

        /**
         * The mode.
         *
         * @return {@code interactions} or {@code gateway}, or null for the default
         */
        public String getMode() {
            return mode;
        }

        /**
         * Sets the mode.
         *
         * @param mode {@code interactions} or {@code gateway}
         */
        public void setMode(String mode) {
            this.mode = mode;
        }

        /**
         * The Interactions endpoint's path.
         *
         * @return the path, or null for {@code /discord}
         */
        public String getWebhookPath() {
            return webhookPath;
        }

        /**
         * Sets the Interactions endpoint's path.
         *
         * @param webhookPath a path starting with {@code /}
         */
        public void setWebhookPath(String webhookPath) {
            this.webhookPath = webhookPath;
        }

        /**
         * The REST API URL.
         *
         * @return the URL, or null for Discord's
         */
        public String getApiUrl() {
            return apiUrl;
        }

        /**
         * Sets the REST API URL.
         *
         * @param apiUrl an http or https URL
         */
        public void setApiUrl(String apiUrl) {
            this.apiUrl = apiUrl;
        }

        /**
         * Whether the commands are registered at start.
         *
         * @return the choice, or null for the default (no)
         */
        public Boolean getRegisterCommands() {
            return registerCommands;
        }

        /**
         * Sets whether the commands are registered at start.
         *
         * @param registerCommands true to register them in the background at every start
         */
        public void setRegisterCommands(Boolean registerCommands) {
            this.registerCommands = registerCommands;
        }

        /**
         * The guild to register the commands in.
         *
         * @return the guild's id, or null for global commands
         */
        public String getCommandGuildId() {
            return commandGuildId;
        }

        /**
         * Sets the guild to register the commands in.
         *
         * @param commandGuildId the guild's id
         */
        public void setCommandGuildId(String commandGuildId) {
            this.commandGuildId = commandGuildId;
        }
    }

    /** The {@code chorus.twitch.*} properties; see docs/twitch.md and docs/twitch-eventsub.md. */
    public static class Twitch {
        /** The bot account's login for chat over IRC (TWITCH_USERNAME); setting it switches IRC on. */
        private String username;

        /** The bot account's OAuth token, with or without oauth: (TWITCH_OAUTH_TOKEN). */
        private String oauthToken;

        /** The channels to join (TWITCH_CHANNELS); for EventSub too when its own list is empty. */
        private List<String> channels = new ArrayList<>();

        /** The IRC server (TWITCH_IRC_URL), default wss://irc-ws.chat.twitch.tv:443. */
        private String ircUrl;

        private final EventSub eventsub = new EventSub();

        /**
         * The IRC login.
         *
         * @return the login, or null
         */
        public String getUsername() {
            return username;
        }

        /**
         * Sets the IRC login.
         *
         * @param username the bot account's login
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /**
         * The OAuth token.
         *
         * @return the token, or null
         */
        public String getOauthToken() {
            return oauthToken;
        }

        /**
         * Sets the OAuth token.
         *
         * @param oauthToken the token with chat:read and chat:edit
         */
        public void setOauthToken(String oauthToken) {
            this.oauthToken = oauthToken;
        }

        /**
         * The channels.
         *
         * @return the channel logins
         */
        public List<String> getChannels() {
            return channels;
        }

        /**
         * Sets the channels.
         *
         * @param channels the channel logins
         */
        public void setChannels(List<String> channels) {
            this.channels = channels == null ? new ArrayList<>() : channels;
        }

        /**
         * The IRC server URL.
         *
         * @return the URL, or null for the default
         */
        public String getIrcUrl() {
            return ircUrl;
        }

        /**
         * Sets the IRC server URL.
         *
         * @param ircUrl an {@code irc://}, {@code ircs://}, {@code ws://} or {@code wss://} URL
         */
        public void setIrcUrl(String ircUrl) {
            this.ircUrl = ircUrl;
        }

        /**
         * The EventSub properties.
         *
         * @return the {@code chorus.twitch.eventsub.*} group
         */
        public EventSub getEventsub() {
            return eventsub;
        }

        /** The {@code chorus.twitch.eventsub.*} properties: Twitch chat through EventSub webhooks. */
        public static class EventSub {
            /** The application's client id (TWITCH_CLIENT_ID); setting it switches EventSub on. */
            private String clientId;

            /** The application's client secret (TWITCH_CLIENT_SECRET). */
            private String clientSecret;

            /** The secret EventSub signs each message with (TWITCH_EVENTSUB_SECRET), 10–100 characters. */
            private String secret;

            /** The bot account's user id (TWITCH_BOT_USER_ID). */
            private String botUserId;

            /** The channels by login (TWITCH_CHANNELS). */
            private List<String> channels = new ArrayList<>();

            /** The channels by user id (TWITCH_BROADCASTER_IDS). */
            private List<String> broadcasterIds = new ArrayList<>();

            /** The webhook's path on the application's server (TWITCH_EVENTSUB_PATH), default /twitch. */
            private String path;

            /** The public HTTPS URL the subscriptions are created with (TWITCH_EVENTSUB_CALLBACK). */
            private String callback;

            /** The Helix API's base URL (TWITCH_API_URL). */
            private String apiUrl;

            /** The OAuth server's base URL (TWITCH_AUTH_URL). */
            private String authUrl;

            /**
             * The client id.
             *
             * @return the id, or null
             */
            public String getClientId() {
                return clientId;
            }

            /**
             * Sets the client id.
             *
             * @param clientId the application's client id
             */
            public void setClientId(String clientId) {
                this.clientId = clientId;
            }

            /**
             * The client secret.
             *
             * @return the secret, or null
             */
            public String getClientSecret() {
                return clientSecret;
            }

            /**
             * Sets the client secret.
             *
             * @param clientSecret the application's client secret
             */
            public void setClientSecret(String clientSecret) {
                this.clientSecret = clientSecret;
            }

            /**
             * The EventSub secret.
             *
             * @return the secret, or null
             */
            public String getSecret() {
                return secret;
            }

            /**
             * Sets the EventSub secret.
             *
             * @param secret 10–100 ASCII characters
             */
            public void setSecret(String secret) {
                this.secret = secret;
            }

            /**
             * The bot's user id.
             *
             * @return the id, or null
             */
            public String getBotUserId() {
                return botUserId;
            }

            /**
             * Sets the bot's user id.
             *
             * @param botUserId the numeric user id
             */
            public void setBotUserId(String botUserId) {
                this.botUserId = botUserId;
            }

            /**
             * The channels by login.
             *
             * @return the logins
             */
            public List<String> getChannels() {
                return channels;
            }

            /**
             * Sets the channels by login.
             *
             * @param channels the logins
             */
            public void setChannels(List<String> channels) {
                this.channels = channels == null ? new ArrayList<>() : channels;
            }

            /**
             * The channels by user id.
             *
             * @return the ids
             */
            public List<String> getBroadcasterIds() {
                return broadcasterIds;
            }

            /**
             * Sets the channels by user id.
             *
             * @param broadcasterIds the numeric ids
             */
            public void setBroadcasterIds(List<String> broadcasterIds) {
                this.broadcasterIds = broadcasterIds == null ? new ArrayList<>() : broadcasterIds;
            }

            /**
             * The webhook path.
             *
             * @return the path, or null for the default
             */
            public String getPath() {
                return path;
            }

            /**
             * Sets the webhook path.
             *
             * @param path a path such as {@code /twitch}
             */
            public void setPath(String path) {
                this.path = path;
            }

            /**
             * The callback URL.
             *
             * @return the URL, or null
             */
            public String getCallback() {
                return callback;
            }

            /**
             * Sets the callback URL.
             *
             * @param callback the public HTTPS URL of the webhook
             */
            public void setCallback(String callback) {
                this.callback = callback;
            }

            /**
             * The Helix API URL.
             *
             * @return the URL, or null for the default
             */
            public String getApiUrl() {
                return apiUrl;
            }

            /**
             * Sets the Helix API URL.
             *
             * @param apiUrl the base URL
             */
            public void setApiUrl(String apiUrl) {
                this.apiUrl = apiUrl;
            }

            /**
             * The OAuth server URL.
             *
             * @return the URL, or null for the default
             */
            public String getAuthUrl() {
                return authUrl;
            }

            /**
             * Sets the OAuth server URL.
             *
             * @param authUrl the base URL
             */
            public void setAuthUrl(String authUrl) {
                this.authUrl = authUrl;
            }
        }
    }
}
