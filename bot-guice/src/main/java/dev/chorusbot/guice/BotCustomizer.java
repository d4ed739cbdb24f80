package dev.chorusbot.guice;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Bot;

/** Adjusts the {@link Bot.Builder} before {@link ChorusModule} builds the bot. */
@FunctionalInterface
@Api(Api.Status.STABLE)
public interface BotCustomizer {

    /**
     * Changes {@code builder}; called once, after commands, adapters and middleware were added.
     *
     * @param builder the builder of the bot about to be built; already holds every contribution
     */
    void customize(Bot.Builder builder);
}
