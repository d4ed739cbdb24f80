package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PullAdapter;
import dev.chorusbot.telegram.internal.PollingLoop;
import java.util.Map;

/**
 * Telegram in long-polling mode, for development and hosts without a public URL: a thread calls
 * getUpdates and acknowledges each batch only after it was handled. A rejected token, a webhook
 * still set, or a second instance polling stops the adapter (and a bot running only it) with one
 * sentence naming the fix.
 *
 * <pre>{@code
 * Bot.builder().command(hello)
 *     .adapter(new TelegramPollingAdapter(TelegramConfig.builder().token(token).build()))
 *     .build().run();
 * }</pre>
 */
@Api(Api.Status.STABLE)
public final class TelegramPollingAdapter extends TelegramAccountAdapter implements PullAdapter {
    /** The platform id {@code telegram}, the same as {@link TelegramAdapter#PLATFORM}. */
    public static final Platform PLATFORM = TelegramAdapter.PLATFORM;

    /** What Telegram shows, the same as {@link TelegramAdapter#CAPABILITIES}. */
    public static final Capabilities CAPABILITIES = TelegramAdapter.CAPABILITIES;

    private final PollingLoop loop;

    /**
     * An adapter for {@code config} (its mode is not consulted: this class polls).
     *
     * @param config the token, polling timeout, limits and other settings; not null
     */
    public TelegramPollingAdapter(TelegramConfig config) {
        super(config);
        this.loop = new PollingLoop(account, this);
    }

    /**
     * The polling adapter configured by the process environment; see {@link #fromEnv(Map)}.
     *
     * @return a new adapter, not started
     * @throws ConfigurationException listing every bad variable, and {@code TELEGRAM_MODE} when it
     *     is {@code webhook}
     */
    public static TelegramPollingAdapter fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * The polling adapter configured by {@code env} as {@link TelegramConfig#fromEnv(Map)} reads it,
     * except that this class fixes the mode: it polls, whether or not a port is set.
     *
     * @param env the variables by name, such as {@code TELEGRAM_BOT_TOKEN}; not null
     * @return a new adapter, not started
     * @throws ConfigurationException listing every bad variable, and {@code TELEGRAM_MODE} when it
     *     is {@code webhook}
     */
    public static TelegramPollingAdapter fromEnv(Map<String, String> env) {
        return new TelegramPollingAdapter(TelegramEnv.readFor(env, TelegramMode.POLLING, "is webhook, but this"
                + " adapter polls: set TELEGRAM_MODE=polling or use TelegramConfig.fromEnv().adapter()").build());
    }

    /** Calls getMe (unless a username is configured) and setMyCommands (when asked), then starts polling. */
    @Override
    public void start(EventSink sink) throws Exception {
        account.startPolling(sink);
        loop.start();
    }

    /**
     * The next getUpdates offset: one past the last handled update.
     *
     * @return the offset; 0 before the first update was handled
     */
    public long offset() {
        return loop.offset();
    }

    @Override
    public void stopReceiving() {
        loop.stop();
    }

    @Override
    public void close() {
        loop.stop();
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        account.close();
    }

    @Override
    public String toString() {
        return "TelegramPollingAdapter";
    }
}
