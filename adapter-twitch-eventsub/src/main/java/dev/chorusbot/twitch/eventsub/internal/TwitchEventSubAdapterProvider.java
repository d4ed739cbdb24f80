package dev.chorusbot.twitch.eventsub.internal;

import dev.chorusbot.core.AbstractAdapterProvider;
import dev.chorusbot.core.Adapter;
import dev.chorusbot.twitch.eventsub.TwitchEventSubAdapter;
import dev.chorusbot.twitch.eventsub.TwitchEventSubConfig;
import java.util.Map;

/**
 * Twitch chat through EventSub for {@code Bot.Builder.fromEnv()}: switched on by {@code
 * TWITCH_CLIENT_ID}, built by {@link TwitchEventSubConfig#fromEnv(Map)}.
 */
public final class TwitchEventSubAdapterProvider extends AbstractAdapterProvider {
    /** Called by {@link java.util.ServiceLoader}. */
    public TwitchEventSubAdapterProvider() {
        super("TWITCH_CLIENT_ID", TwitchEventSubAdapter.PLATFORM, "Twitch chat through EventSub", true);
    }

    @Override
    public Adapter create(Map<String, String> env, boolean webhooksServed) {
        return new TwitchEventSubAdapter(TwitchEventSubConfig.fromEnv(env));
    }
}
