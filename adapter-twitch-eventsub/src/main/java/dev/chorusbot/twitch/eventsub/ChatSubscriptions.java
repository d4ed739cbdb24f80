package dev.chorusbot.twitch.eventsub;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.twitch.eventsub.internal.HelixApi;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bot's {@code channel.chat.message} subscriptions (Helix {@code eventsub/subscriptions}, with the
 * app access token): one per channel, read as the bot ({@code condition.user_id}), delivered to the
 * webhook. Twitch only creates one when the bot account granted {@code user:read:chat} and
 * {@code user:bot} to the application, and the broadcaster granted {@code channel:bot} or made the
 * bot a moderator (see docs/twitch.md).
 *
 * <pre>{@code
 * ChatSubscriptions subscriptions = new ChatSubscriptions(TwitchEventSubConfig.fromEnv());
 * subscriptions.ensure(URI.create("https://bot.example.com/twitch"));
 * }</pre>
 *
 * <p>Calls block; failures are thrown as {@link TwitchApiException} with Twitch's own message.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class ChatSubscriptions {
    private static final Set<String> ACTIVE = Set.of("enabled", "webhook_callback_verification_pending");

    private final TwitchEventSubConfig config;
    private final HelixApi api;

    /**
     * Subscriptions of the application and bot in {@code config}.
     *
     * @param config the application's credentials, the bot's user id, the webhook secret and the
     *     channels to subscribe to; Helix and OAuth requests go to its endpoints
     */
    public ChatSubscriptions(TwitchEventSubConfig config) {
        this(config, new HelixApi(config, Scheduler.system()));
    }

    ChatSubscriptions(TwitchEventSubConfig config, HelixApi api) {
        this.config = config;
        this.api = api;
    }

    /**
     * The broadcaster ids of the configured channels: {@code TWITCH_CHANNELS} logins looked up with
     * Helix Get Users, then the ids of {@code TWITCH_BROADCASTER_IDS} as they are.
     *
     * @return channel login (or the id itself, for ids given as ids) to broadcaster id
     * @throws ConfigurationException when Twitch knows no user for a configured login
     * @throws TwitchApiException when Twitch refuses the token or the request
     * @throws IOException when Twitch cannot be reached or its answer cannot be read
     * @throws InterruptedException when the calling thread is interrupted while waiting for Twitch
     */
    public Map<String, String> broadcasterIds() throws IOException, InterruptedException {
        Map<String, String> ids = new LinkedHashMap<>();
        if (!config.channels().isEmpty()) {
            Map<String, String> found = api.userIds(config.channels());
            List<String> unknown = new ArrayList<>();
            for (String login : config.channels()) {
                if (found.containsKey(login)) {
                    ids.put(login, found.get(login));
                } else {
                    unknown.add("TWITCH_CHANNELS entry '" + login + "' is not a Twitch user.");
                }
            }
            if (!unknown.isEmpty()) {
                throw new ConfigurationException(unknown);
            }
        }
        for (String id : config.broadcasterIds()) {
            ids.putIfAbsent(id, id);
        }
        return ids;
    }

    /**
     * Every {@code channel.chat.message} subscription of the application, in any status.
     *
     * @return the subscriptions as Helix lists them, of every channel and callback
     * @throws TwitchApiException when Twitch refuses the token or the request
     * @throws IOException when Twitch cannot be reached or its answer cannot be read
     * @throws InterruptedException when the calling thread is interrupted while waiting for Twitch
     */
    public List<EventSubSubscription> list() throws IOException, InterruptedException {
        return api.subscriptions(HelixApi.CHAT_MESSAGE);
    }

    /**
     * Makes sure every configured channel has an enabled (or pending) chat subscription to
     * {@code callback}: keeps the ones that exist, deletes failed or revoked ones for the same channel
     * and callback, and creates the missing ones. Twitch then verifies each new one by calling the
     * webhook, which must be reachable.
     *
     * @param callback the webhook's public HTTPS URL, as Twitch will call it
     * @return the subscription of each configured channel, in the order configured
     * @throws ConfigurationException when no channel is configured or a login is unknown
     * @throws TwitchApiException when Twitch refuses a request, such as a subscription the bot or
     *     broadcaster has not authorized
     * @throws IOException when Twitch cannot be reached or its answer cannot be read
     * @throws InterruptedException when the calling thread is interrupted while waiting for Twitch
     */
    public List<EventSubSubscription> ensure(URI callback) throws IOException, InterruptedException {
        Map<String, String> channels = broadcasterIds();
        if (channels.isEmpty()) {
            throw new ConfigurationException("TWITCH_CHANNELS is not set: list the channels to subscribe to,"
                    + " separated by commas (or their ids in TWITCH_BROADCASTER_IDS).");
        }
        List<EventSubSubscription> existing = list();
        List<EventSubSubscription> result = new ArrayList<>();
        for (String broadcasterId : channels.values()) {
            EventSubSubscription kept = null;
            for (EventSubSubscription s : existing) {
                if (!isFor(s, broadcasterId, callback)) {
                    continue;
                }
                if (ACTIVE.contains(s.status()) && kept == null) {
                    kept = s;
                } else if (!ACTIVE.contains(s.status())) {
                    api.unsubscribe(s.id()); // failed or revoked: in the way of a new one
                }
            }
            result.add(kept != null ? kept
                    : api.subscribeToChat(broadcasterId, config.botUserId(), callback, config.eventSubSecret()));
        }
        return result;
    }

    /**
     * Deletes the chat subscriptions of the configured channels, or every chat subscription of the
     * application when no channel is configured.
     *
     * @return the deleted subscriptions
     * @throws ConfigurationException when Twitch knows no user for a configured login
     * @throws TwitchApiException when Twitch refuses the token or a request
     * @throws IOException when Twitch cannot be reached or its answer cannot be read
     * @throws InterruptedException when the calling thread is interrupted while waiting for Twitch
     */
    public List<EventSubSubscription> removeAll() throws IOException, InterruptedException {
        Set<String> broadcasters = Set.copyOf(broadcasterIds().values());
        List<EventSubSubscription> removed = new ArrayList<>();
        for (EventSubSubscription s : list()) {
            if (broadcasters.isEmpty() || s.broadcasterUserId().map(broadcasters::contains).orElse(false)) {
                api.unsubscribe(s.id());
                removed.add(s);
            }
        }
        return removed;
    }

    /**
     * Deletes the subscription with {@code id}.
     *
     * @param id the subscription's id, as {@link #list()} reports it
     * @throws TwitchApiException when Twitch refuses the request, such as for an unknown id
     * @throws IOException when Twitch cannot be reached or its answer cannot be read
     * @throws InterruptedException when the calling thread is interrupted while waiting for Twitch
     */
    public void remove(String id) throws IOException, InterruptedException {
        api.unsubscribe(id);
    }

    private boolean isFor(EventSubSubscription s, String broadcasterId, URI callback) {
        return s.broadcasterUserId().map(broadcasterId::equals).orElse(false)
                && config.botUserId().equals(s.condition().get("user_id"))
                && s.callback().equals(callback.toString());
    }
}
