package dev.chorusbot.discord.internal;

import dev.chorusbot.core.AbstractAdapterProvider;
import dev.chorusbot.core.Adapter;
import dev.chorusbot.discord.Discord;
import dev.chorusbot.discord.DiscordConfig;
import java.util.Map;

/**
 * Discord for {@code Bot.Builder.fromEnv()}: switched on by {@code DISCORD_BOT_TOKEN}, built by
 * {@link DiscordConfig#fromEnv(Map)} in the mode it chooses: interactions when
 * {@code DISCORD_PUBLIC_KEY} is set and {@code DISCORD_MODE} is not, the gateway otherwise.
 */
public final class DiscordAdapterProvider extends AbstractAdapterProvider {
    /** Called by {@link java.util.ServiceLoader}. */
    public DiscordAdapterProvider() {
        super("DISCORD_BOT_TOKEN", Discord.PLATFORM, "Discord", true);
    }

    @Override
    public Adapter create(Map<String, String> env, boolean webhooksServed) {
        return DiscordConfig.fromEnv(env).adapter();
    }
}
