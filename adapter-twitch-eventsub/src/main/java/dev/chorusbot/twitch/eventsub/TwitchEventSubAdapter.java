package dev.chorusbot.twitch.eventsub;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PushAdapter;
import dev.chorusbot.core.User;
import dev.chorusbot.core.webhook.WebhookDispatch;
import dev.chorusbot.core.webhook.WebhookEndpoint;
import dev.chorusbot.twitch.TwitchAdapter;
import dev.chorusbot.twitch.eventsub.internal.BotScheduler;
import dev.chorusbot.twitch.eventsub.internal.ChannelIds;
import dev.chorusbot.twitch.eventsub.internal.ChatLimit;
import dev.chorusbot.twitch.eventsub.internal.EventSubWebhook;
import dev.chorusbot.twitch.eventsub.internal.HelixApi;
import dev.chorusbot.twitch.eventsub.internal.ReplyQueue;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twitch chat as a push platform: Twitch POSTs every chat message of the subscribed channels to a
 * webhook (EventSub {@code channel.chat.message}, webhook transport) and the bot answers through the
 * Helix API ({@code POST /helix/chat/messages}). Nothing has to run between messages, so a Twitch
 * bot fits a serverless function like a Telegram bot does. Commands see the same messages as from
 * the IRC adapter: platform {@code twitch}, the channel login as chat id, badges as roles.
 *
 * <pre>{@code
 * Bot bot = Bot.builder()
 *         .command(HelloCommands.hello())
 *         .adapter(TwitchEventSubAdapter.fromEnv())
 *         .webhookServer(WebhookServer.builder().port(8080).build())
 *         .build();
 * bot.run(); // serves /twitch
 * }</pre>
 *
 * <p>Subscriptions are made with {@link #subscriptions()} (or {@link TwitchEventSubCli}); when
 * {@code TWITCH_EVENTSUB_CALLBACK} is set, the adapter makes sure they exist when it starts.
 */
@Api(Api.Status.STABLE)
public final class TwitchEventSubAdapter implements PushAdapter {
    private static final Logger log = LoggerFactory.getLogger(TwitchEventSubAdapter.class);

    /** The platform: {@code twitch}, the same as the IRC adapter's. */
    public static final Platform PLATFORM = TwitchAdapter.PLATFORM;

    /** Twitch chat, as on IRC: plain single-line text of at most 500 code points, no buttons. */
    public static final Capabilities CAPABILITIES = TwitchAdapter.CAPABILITIES;

    private final TwitchEventSubConfig config;
    /** The system scheduler until start, then the bot's: rate-limit waits, token expiry, reply pacing. */
    private final BotScheduler time = new BotScheduler();
    private final HelixApi api;
    private final ChannelIds channelIds;
    private final ReplyQueue replies;
    private final WebhookDispatch endpoint;

    /**
     * An adapter for {@code config}; nothing is contacted before {@link #start(EventSink)}.
     *
     * @param config the application's credentials, the bot account, the webhook path and secret,
     *     and the channels
     */
    public TwitchEventSubAdapter(TwitchEventSubConfig config) {
        this.config = config;
        this.api = new HelixApi(config, time);
        this.channelIds = new ChannelIds(api);
        ChatLimit chatLimit = new ChatLimit(config, time);
        this.replies = new ReplyQueue(config, api, channelIds, chatLimit, time);
        this.endpoint = new WebhookDispatch(new EventSubWebhook(config, PLATFORM, replies::send, chat -> {
            channelIds.learn(chat.broadcasterUserLogin(), chat.broadcasterUserId());
            chatLimit.learn(chat);
        }, time), config.replyTimeout());
    }

    /**
     * An adapter configured from the process environment (see {@link TwitchEventSubConfig#fromEnv()}).
     *
     * @return an adapter that has contacted nothing yet
     * @throws dev.chorusbot.core.ConfigurationException listing every missing or malformed variable
     */
    public static TwitchEventSubAdapter fromEnv() {
        return new TwitchEventSubAdapter(TwitchEventSubConfig.fromEnv());
    }

    /**
     * As {@link #fromEnv()}, reading {@code env} instead of the process environment.
     *
     * @param env variable names to values, such as {@code TWITCH_CLIENT_ID}
     * @return an adapter that has contacted nothing yet
     * @throws dev.chorusbot.core.ConfigurationException listing every missing or malformed variable
     */
    public static TwitchEventSubAdapter fromEnv(Map<String, String> env) {
        return new TwitchEventSubAdapter(TwitchEventSubConfig.fromEnv(env));
    }

    /**
     * The configuration.
     *
     * @return the configuration the adapter was made with
     */
    public TwitchEventSubConfig config() {
        return config;
    }

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String webhookPath() {
        return config.path();
    }

    /** The webhook path with the client secret and the EventSub secret masked. */
    @Override
    public String shownWebhookPath() {
        return config.shownPath();
    }

    @Override
    public WebhookEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Starts taking deliveries; from now on the adapter waits for Helix's limits and reads token
     * expiry on the sink's {@link EventSink#scheduler()}. When a callback URL is configured, the channels' subscriptions are
     * checked and created in the background (Twitch verifies a new one by calling the webhook, which
     * must be served by then).
     */
    @Override
    public void start(EventSink sink) {
        time.use(sink.scheduler());
        replies.observe(sink.observer());
        endpoint.open(sink);
        Optional<URI> callback = config.callback();
        if (callback.isPresent()) {
            Thread ensure = new Thread(() -> ensureSubscriptions(callback.get()), "chorus-twitch-eventsub-subscribe");
            ensure.setDaemon(true);
            ensure.start();
        }
    }

    private void ensureSubscriptions(URI callback) {
        try {
            for (EventSubSubscription s : subscriptions().ensure(callback)) {
                log.info("EventSub subscription {} for broadcaster {}: {}", s.id(), s.broadcasterUserId().orElse("-"),
                        s.status());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Could not make sure the EventSub subscriptions exist: {}", e.getMessage());
        }
    }

    /** Sends through Helix; the future fails when Twitch refused or dropped the message. */
    @Override
    public CompletableFuture<Void> send(Outbound message) {
        return replies.send(message);
    }

    /** The bot account ({@code TWITCH_BOT_USER_ID}); its own messages are not answered. */
    @Override
    public Optional<User> self() {
        String login = config.botLogin();
        return Optional.of(User.of(config.botUserId(), login, login.isEmpty() ? config.botUserId() : login));
    }

    /**
     * Managing this bot's {@code channel.chat.message} subscriptions.
     *
     * @return a view of the subscriptions sharing this adapter's Helix client; calls on it block
     */
    public ChatSubscriptions subscriptions() {
        return new ChatSubscriptions(config, api);
    }

    /** Ready while the endpoint takes events: from {@link #start(EventSink)} to {@link #stopReceiving()}. */
    @Override
    public boolean isReady() {
        return endpoint.isOpen();
    }

    @Override
    public void stopReceiving() {
        endpoint.shut();
    }

    /** Sends the replies still queued (up to the close timeout), then stops the sending threads. */
    @Override
    public void close() {
        endpoint.shut();
        replies.close();
    }

    @Override
    public String toString() {
        return "TwitchEventSubAdapter[" + config.shownPath() + ", bot " + config.botUserId() + "]";
    }
}
