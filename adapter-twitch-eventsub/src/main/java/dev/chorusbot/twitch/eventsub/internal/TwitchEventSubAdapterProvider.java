package dev.chorusbot.twitch.eventsub.internal;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.AdapterProvider;
import dev.chorusbot.core.Platform;
import dev.chorusbot.twitch.eventsub.TwitchEventSubAdapter;
import dev.chorusbot.twitch.eventsub.TwitchEventSubConfig;
import java.util.Map;

/**
 * Twitch chat through EventSub for {@code Bot.Builder.fromEnv()}: switched on by {@code
 * TWITCH_CLIENT_ID}, built by {@link TwitchEventSubConfig#fromEnv(Map)}.
 */
public final class TwitchEventSubAdapterProvider implements AdapterProvider {
    /** Called by {@link java.util.ServiceLoader}. */
    public TwitchEventSubAdapterProvider() {}

    @Override
    public String variable() {
        return "TWITCH_CLIENT_ID";
    }

    @Override
    public Platform platform() {
        return TwitchEventSubAdapter.PLATFORM;
    }

    @Override
    public String description() {
        return "Twitch chat through EventSub";
    }

    @Override
    public boolean canReceiveWebhooks() {
        return true;
    }

    @Override
    public Adapter create(Map<String, String> env, boolean webhooksServed) {
        return new TwitchEventSubAdapter(TwitchEventSubConfig.fromEnv(env));
    }
}
