package dev.chorusbot.examples;

import dev.chorusbot.core.AdapterStoppedException;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.StateStores;
import dev.chorusbot.twitch.TwitchAdapter;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The showcase bot: dice with buttons, a counter, a moderator-only reset, reminders, timed
 * announcements and a quiz, a photo, answers in the user's language, moderators moving the bot
 * between Twitch channels, on whichever platforms the environment configures (the console when
 * none is), its state in the store {@code CHORUS_STATE} chooses (in memory by default; {@code
 * file:…} keeps reminders over a restart, {@code redis://…} shares them between instances). Run with
 * {@code java -cp examples/target/hello-bot.jar dev.chorusbot.examples.ShowcaseBot}.
 */
public final class ShowcaseBot {
    private ShowcaseBot() {}

    /**
     * The showcase bot configured by {@code env}: its commands, and on Twitch IRC the moderator
     * commands {@code !join <channel>} and {@code !part <channel>}.
     *
     * @param env the variables, as {@code System.getenv()} gives them
     * @return the bot, not started
     */
    public static Bot build(Map<String, String> env) {
        return build(env, StateStores.fromEnv(env));
    }

    /**
     * The showcase bot configured by {@code env}, keeping its state in {@code state}.
     *
     * @param env the variables, as {@code System.getenv()} gives them
     * @param state the store for the counter, reminders, questions and Twitch channels
     * @return the bot, not started
     */
    public static Bot build(Map<String, String> env, StateStore state) {
        AtomicReference<TwitchAdapter> twitch = new AtomicReference<>();
        Bot bot = new ShowcaseTimedCommands().addTo(Bot.builder())
                .stateStore(state)
                .messages(ShowcaseCommands.MESSAGES)
                .commands(new ShowcaseCommands(new SecureRandom(), state))
                .commands(new TwitchChannelCommands(() -> Optional.ofNullable(twitch.get())))
                .fromEnv(env)
                .build();
        if (bot.adapters().get(TwitchAdapter.PLATFORM) instanceof TwitchAdapter adapter) {
            twitch.set(adapter);
        }
        return bot;
    }

    /** Runs the showcase bot until its adapters stop. */
    public static void main(String[] args) {
        try {
            StateStore state = StateStores.fromEnv(System.getenv());
            try {
                build(System.getenv(), state).run();
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
