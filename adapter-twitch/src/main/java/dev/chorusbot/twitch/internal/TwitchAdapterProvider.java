package dev.chorusbot.twitch.internal;

import dev.chorusbot.core.AbstractAdapterProvider;
import dev.chorusbot.core.Adapter;
import dev.chorusbot.twitch.TwitchAdapter;
import dev.chorusbot.twitch.TwitchConfig;
import java.util.Map;

/**
 * Twitch chat over IRC for {@code Bot.Builder.fromEnv()}: switched on by {@code TWITCH_USERNAME},
 * built by {@link TwitchConfig#fromEnv(Map)}. It reads on its own connection, so never in a function.
 */
public final class TwitchAdapterProvider extends AbstractAdapterProvider {
    /** Called by {@link java.util.ServiceLoader}. */
    public TwitchAdapterProvider() {
        super("TWITCH_USERNAME", TwitchAdapter.PLATFORM, "Twitch chat over IRC", false);
    }

    @Override
    public Adapter create(Map<String, String> env, boolean webhooksServed) {
        return new TwitchAdapter(TwitchConfig.fromEnv(env));
    }
}
