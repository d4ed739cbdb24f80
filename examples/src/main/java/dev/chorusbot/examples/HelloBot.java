package dev.chorusbot.examples;

import dev.chorusbot.core.AdapterStoppedException;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import java.util.Map;

/**
 * The hello bot. With no platform variables set it chats on the console: type {@code !hello}.
 * Platform adapters are switched on by their environment variables (see {@link
 * dev.chorusbot.core.BotEnvironment} and the guides in docs/): {@code TELEGRAM_BOT_TOKEN} for
 * Telegram, {@code TWITCH_USERNAME} for Twitch chat over IRC, {@code TWITCH_CLIENT_ID} for Twitch
 * chat through EventSub (not both Twitch ones), {@code DISCORD_BOT_TOKEN} for Discord (docs/discord.md). Push platforms share one embedded webhook server on
 * {@code CHORUS_WEBHOOK_PORT} (or {@code TELEGRAM_WEBHOOK_PORT}): Telegram at {@code /telegram},
 * Twitch EventSub at {@code /twitch}, so one process answers both with the same {@code hello}
 * command.
 */
public final class HelloBot {
    private HelloBot() {}

    /** Runs the bot until its adapters stop; exits with 1 and one sentence when they fail. */
    public static void main(String[] args) {
        try {
            build(System.getenv()).run();
        } catch (ConfigurationException | AdapterStoppedException | IllegalStateException e) {
            System.err.println("hello-bot: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The hello bot on the platforms {@code env} configures. */
    public static Bot build(Map<String, String> env) {
        return Bot.builder().command(HelloCommands.hello()).fromEnv(env).build();
    }
}
