package dev.chorusbot.spring;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Bot;

/**
 * A bean that adjusts the bot's builder after the starter has applied the properties and the
 * application's beans: prefixes, texts, services, handlers for text and events.
 */
@FunctionalInterface
@Api(Api.Status.EXPERIMENTAL)
public interface ChorusBotCustomizer {
    /**
     * Adjusts the builder.
     *
     * @param builder the builder, before {@link Bot.Builder#build()}
     */
    void customize(Bot.Builder builder);
}
