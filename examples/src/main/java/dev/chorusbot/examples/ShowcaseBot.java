package dev.chorusbot.examples;

import dev.chorusbot.core.AdapterStoppedException;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.InMemoryStateStore;
import dev.chorusbot.core.StateStore;
import java.security.SecureRandom;

/**
 * The showcase bot: dice with buttons, a counter, a moderator-only reset, reminders, timed
 * announcements and a quiz, on whichever platforms
 * the environment configures (the console when none is). Run with
 * {@code java -cp examples/target/hello-bot.jar dev.chorusbot.examples.ShowcaseBot}.
 */
public final class ShowcaseBot {
    private ShowcaseBot() {}

    /** Runs the showcase bot until its adapters stop. */
    public static void main(String[] args) {
        try {
            StateStore state = new InMemoryStateStore();
            new ShowcaseTimedCommands().addTo(Bot.builder())
                    .stateStore(state)
                    .commands(new ShowcaseCommands(new SecureRandom(), state))
                    .fromEnv()
                    .build()
                    .run();
        } catch (ConfigurationException | AdapterStoppedException | IllegalStateException e) {
            System.err.println("showcase-bot: " + e.getMessage());
            System.exit(1);
        }
    }
}
