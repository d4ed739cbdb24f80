package dev.chorusbot.guice;

import dev.chorusbot.core.Bot;

/** Adjusts the {@link Bot.Builder} before {@link ChorusModule} builds the bot. */
@FunctionalInterface
public interface BotCustomizer {

    /** Changes {@code builder}; called once, after commands, adapters and middleware were added. */
    void customize(Bot.Builder builder);
}
