package dev.chorusbot.examples;

import dev.chorusbot.core.AdapterStoppedException;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.StateStores;
import java.security.SecureRandom;

/**
 * The showcase bot: dice with buttons, a counter, a moderator-only reset, on whichever platforms
 * the environment configures (the console when none is), its counter in the store {@code
 * CHORUS_STATE} chooses (in memory by default; {@code redis://…} shares it between instances). Run with
 * {@code java -cp examples/target/hello-bot.jar dev.chorusbot.examples.ShowcaseBot}.
 */
public final class ShowcaseBot {
    private ShowcaseBot() {}

    /** Runs the showcase bot until its adapters stop. */
    public static void main(String[] args) {
        try {
            StateStore state = StateStores.fromEnv(System.getenv());
            try {
                Bot.builder()
                        .stateStore(state)
                        .commands(new ShowcaseCommands(new SecureRandom(), state))
                        .fromEnv()
                        .build()
                        .run();
            } finally {
                close(state);
            }
        } catch (ConfigurationException | AdapterStoppedException | IllegalStateException e) {
            System.err.println("showcase-bot: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void close(StateStore state) {
        if (state instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("showcase-bot: the state store did not close: " + e.getMessage());
            }
        }
    }
}
