package dev.chorusbot.examples;

import dev.chorusbot.core.AdapterStoppedException;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.console.ConsoleAdapter;

/**
 * The hello bot. With no platform variables set it chats on the console: type {@code !hello}.
 * Platform adapters are switched on by their environment variables (see the guides in docs/).
 */
public final class HelloBot {
    private HelloBot() {}

    /** Runs the bot until its adapters stop; exits with 1 and one sentence when they fail. */
    public static void main(String[] args) {
        try {
            Bot.Builder builder = Bot.builder().command(HelloCommands.hello());
            builder.adapter(new ConsoleAdapter());
            builder.build().run();
        } catch (ConfigurationException | AdapterStoppedException | IllegalStateException e) {
            System.err.println("hello-bot: " + e.getMessage());
            System.exit(1);
        }
    }
}
