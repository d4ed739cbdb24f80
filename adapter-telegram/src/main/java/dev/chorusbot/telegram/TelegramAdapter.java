package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Format;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PushAdapter;
import dev.chorusbot.core.webhook.WebhookDispatch;
import dev.chorusbot.core.webhook.WebhookEndpoint;
import dev.chorusbot.telegram.internal.TelegramWebhook;
import java.util.Map;
import java.util.Set;

/**
 * Telegram in webhook mode: Telegram POSTs each update to {@link #webhookPath()} and the
 * {@link #endpoint()} answers it. The adapter opens no port and starts no thread of its own: host
 * the endpoint on the bot's embedded {@code WebhookServer}, in a serverless function
 * (the entry points of bot-serverless), or in any HTTP server ({@code bot.hostWebhooks()} before
 * {@code bot.start()}, then {@code bot.webhookRoutes().handle(request)}); {@code start()} refuses
 * it when none of them hosts it.
 *
 * <p>{@link #start(EventSink)} makes no network call: the endpoint answers at once, and getMe,
 * setWebhook (when a webhook URL is configured) and setMyCommands (when asked) run in the
 * background; only an update addressed as {@code /cmd@name} waits for the username, at most one
 * request timeout.
 *
 * <pre>{@code
 * TelegramAdapter telegram = new TelegramAdapter(TelegramConfig.builder().token(token).webhookSecret(secret).build());
 * Bot bot = Bot.builder().command(hello).adapter(telegram)
 *     .webhookServer(WebhookServer.builder().port(8443).build()).build();
 * bot.run();
 * }</pre>
 */
@Api(Api.Status.STABLE)
public final class TelegramAdapter extends TelegramAccountAdapter implements PushAdapter {
    /** The platform id {@code telegram}; both Telegram adapters report it. */
    public static final Platform PLATFORM = Platform.of("telegram");

    /**
     * What Telegram shows: inline keyboards, 4096 UTF-16 units, HTML and MarkdownV2, multi-line,
     * {@code /cmd@bot} (https://core.telegram.org/bots/api#sendmessage); both Telegram adapters
     * report it.
     */
    public static final Capabilities CAPABILITIES = new Capabilities(true, 4096, Capabilities.LengthUnit.UTF16,
            Set.of(Format.HTML, Format.MARKDOWN), true, true);

    private final WebhookDispatch webhook;

    /**
     * An adapter for {@code config} (its mode is not consulted: this class is the webhook).
     *
     * @param config the token, webhook path and secret, limits and other settings; not null
     */
    public TelegramAdapter(TelegramConfig config) {
        super(config);
        this.webhook = new WebhookDispatch(new TelegramWebhook(account), config.webhookTimeout());
    }

    /**
     * The webhook adapter configured by the process environment; see {@link #fromEnv(Map)}.
     *
     * @return a new adapter, not started
     * @throws ConfigurationException listing every bad variable, and {@code TELEGRAM_MODE} when it
     *     is {@code polling}
     */
    public static TelegramAdapter fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * The webhook adapter configured by {@code env} as {@link TelegramConfig#fromEnv(Map)} reads it,
     * except that this class fixes the mode: it is the webhook, whether or not a port is set (the
     * shape a serverless function needs).
     *
     * @param env the variables by name, such as {@code TELEGRAM_BOT_TOKEN}; not null
     * @return a new adapter, not started
     * @throws ConfigurationException listing every bad variable, and {@code TELEGRAM_MODE} when it
     *     is {@code polling}
     */
    public static TelegramAdapter fromEnv(Map<String, String> env) {
        return new TelegramAdapter(TelegramEnv.readFor(env, TelegramMode.WEBHOOK, "is polling, but this adapter"
                + " receives webhooks: set TELEGRAM_MODE=webhook or use TelegramConfig.fromEnv().adapter()").build());
    }

    /**
     * Opens the endpoint at once, without waiting for Telegram: updates are answered from the
     * first one, and the bot's id comes from the token. Then, in a long-running process, getMe
     * (unless a username is configured), setWebhook (when a webhook URL is configured) and
     * setMyCommands (when asked) run in the background, each repeated with the configured backoff
     * after a failure that may pass. When one fails for good (a rejected token, a refused
     * setWebhook, or the attempts used up) the endpoint answers 503, so Telegram keeps the updates,
     * and the adapter reports that it stopped: a bot with no other adapter stops, and
     * {@code bot.run()} throws an {@code AdapterStoppedException} with that one sentence. In a
     * serverless function nothing runs in the background: getMe is asked only when an update
     * needs the username, and a configured setWebhook or setMyCommands runs before this returns.
     *
     * @param sink the bot
     * @throws Exception in a function, when a configured setWebhook or setMyCommands fails
     */
    @Override
    public void start(EventSink sink) throws Exception {
        account.startWebhook(sink);
        webhook.open(sink);
        account.startInBackground(failure -> {
            webhook.shut();
            sink.stopped(this, failure);
        });
    }

    @Override
    public String webhookPath() {
        return account.config().webhookPath();
    }

    /** The webhook path with the token and the webhook secret masked, for a path such as {@code /<token>}. */
    @Override
    public String shownWebhookPath() {
        return account.config().shownWebhookPath();
    }

    /** The webhook endpoint; it answers 503 before {@link #start(EventSink)} and after {@link #stopReceiving()}. */
    @Override
    public WebhookEndpoint endpoint() {
        return webhook;
    }

    @Override
    public void stopReceiving() {
        webhook.shut();
    }

    @Override
    public void close() {
        webhook.shut();
        account.close();
    }

    @Override
    public String toString() {
        return "TelegramAdapter[webhook " + shownWebhookPath() + "]";
    }
}
