package dev.chorusbot.examples;

import dev.chorusbot.core.AdapterStoppedException;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.InMemoryStateStore;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.twitch.TwitchAdapter;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The showcase bot: dice with buttons, a counter, a moderator-only reset, reminders, timed
 * announcements and a quiz, a photo, answers in the user's language, moderators moving the bot
 * between Twitch channels, on whichever platforms
 * the environment configures (the console when none is). Run with
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
        StateStore state = new InMemoryStateStore();
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
            build(System.getenv()).run();
        } catch (ConfigurationException | AdapterStoppedException | IllegalStateException e) {
            System.err.println("showcase-bot: " + e.getMessage());
            System.exit(1);
        }
    }
}
