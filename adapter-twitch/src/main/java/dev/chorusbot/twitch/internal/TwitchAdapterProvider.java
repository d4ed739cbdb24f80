package dev.chorusbot.twitch.internal;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.AdapterProvider;
import dev.chorusbot.core.Platform;
import dev.chorusbot.twitch.TwitchAdapter;
import dev.chorusbot.twitch.TwitchConfig;
import java.util.Map;

/**
 * Twitch chat over IRC for {@code Bot.Builder.fromEnv()}: switched on by {@code TWITCH_USERNAME},
 * built by {@link TwitchConfig#fromEnv(Map)}. It reads on its own connection, so never in a function.
 */
public final class TwitchAdapterProvider implements AdapterProvider {
    /** Called by {@link java.util.ServiceLoader}. */
    public TwitchAdapterProvider() {}

    @Override
    public String variable() {
        return "TWITCH_USERNAME";
    }

    @Override
    public Platform platform() {
        return TwitchAdapter.PLATFORM;
    }

    @Override
    public String description() {
        return "Twitch chat over IRC";
    }

    @Override
    public boolean canReceiveWebhooks() {
        return false;
    }

    @Override
    public Adapter create(Map<String, String> env, boolean webhooksServed) {
        return new TwitchAdapter(TwitchConfig.fromEnv(env));
    }
}
