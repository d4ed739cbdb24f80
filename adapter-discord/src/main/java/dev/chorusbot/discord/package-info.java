/**
 * The Discord adapter: slash commands and button presses through the Interactions endpoint (push),
 * channel messages through the Gateway (pull), and answers through Discord's REST API with its
 * rate-limit buckets, configured by {@link dev.chorusbot.discord.DiscordConfig}.
 *
 * <pre>{@code
 * DiscordConfig config = DiscordConfig.fromEnv();
 * Bot bot = Bot.builder().command(hello).adapter(config.adapter()).build();
 * }</pre>
 *
 * <p>Failures of REST calls are {@link dev.chorusbot.discord.DiscordException}s carrying Discord's
 * own JSON error code and message, and never the bot token.
 */
package dev.chorusbot.discord;
