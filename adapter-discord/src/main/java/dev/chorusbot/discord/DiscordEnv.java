package dev.chorusbot.discord;

import dev.chorusbot.core.config.Env;
import java.util.Map;
import java.util.Objects;

/**
 * Maps the {@code DISCORD_*} variables onto a {@link DiscordConfig.Builder}: each variable sets one
 * setting, so every rule and default stays the builder's and a problem names the variable.
 */
final class DiscordEnv {
    private DiscordEnv() {}

    /** A builder holding what {@code variables} set; building it checks them. */
    static DiscordConfig.Builder read(Map<String, String> variables) {
        Objects.requireNonNull(variables, "env");
        DiscordConfig.Builder b = DiscordConfig.builder();
        Env env = Env.of(variables, b.problems);
        env.string("DISCORD_BOT_TOKEN", "token").ifPresent(b::token);
        env.string("DISCORD_APPLICATION_ID", "applicationId").ifPresent(b::applicationId);
        env.string("DISCORD_PUBLIC_KEY", "publicKey").ifPresent(b::publicKey);
        env.oneOf("DISCORD_MODE", "mode", DiscordMode.class).ifPresent(b::mode);
        env.url("DISCORD_API_URL", "apiUrl").ifPresent(b::apiUrl);
        env.url("DISCORD_GATEWAY_URL", "gatewayUrl").ifPresent(b::gatewayUrl);
        env.string("DISCORD_WEBHOOK_PATH", "webhookPath").ifPresent(b::webhookPath);
        env.bool("DISCORD_REGISTER_COMMANDS", "registerCommands").ifPresent(b::registerCommands);
        env.string("DISCORD_COMMAND_GUILD_ID", "commandGuild").ifPresent(b::commandGuild);
        env.integer("DISCORD_SHARDS", "shards").ifPresent(b::shards);
        env.integer("DISCORD_GATEWAY_MAX_MESSAGE_BYTES", "gatewayMaxMessageBytes").ifPresent(b::gatewayMaxMessageBytes);
        return b;
    }
}
