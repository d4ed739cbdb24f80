package dev.chorusbot.examples;

import dev.chorusbot.core.AdapterStoppedException;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.console.ConsoleAdapter;
import java.util.Map;
import java.util.Optional;

/**
 * The hello bot. With no platform variables set it chats on the console: type {@code !hello}.
 * Platform adapters are switched on by their environment variables (see the guides in docs/):
 * {@code TELEGRAM_BOT_TOKEN} for Telegram.
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

    /** The hello bot with the adapters {@code env} switches on; the console when none is. */
    public static Bot build(Map<String, String> env) {
        Bot.Builder builder = Bot.builder().command(HelloCommands.hello());
        Optional<TelegramSetup> telegram = TelegramSetup.fromEnv(env);
        telegram.ifPresent(setup -> setup.addTo(builder));
        if (telegram.isEmpty()) {
            builder.adapter(new ConsoleAdapter());
        }
        return builder.build();
    }
}
