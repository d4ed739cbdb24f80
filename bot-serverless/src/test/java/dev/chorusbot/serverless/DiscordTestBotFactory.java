package dev.chorusbot.serverless;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;

/**
 * A function answering Discord interactions at {@code /discord}, chosen from the environment as a
 * deployed function is ({@code DISCORD_BOT_TOKEN}, {@code DISCORD_PUBLIC_KEY}, through {@code
 * fromFunctionEnv}): {@code hello}, and {@code two}, which answers twice. Chosen with {@code
 * CHORUS_BOT_FACTORY}.
 */
public final class DiscordTestBotFactory implements BotFactory {

    /** Reads the process environment, as in a deployed function. */
    public DiscordTestBotFactory() {}

    @Override
    public Bot create() {
        return Bot.builder()
                .command(Command.named("hello").description("Say hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build())
                .command(Command.named("two").handler(ctx -> Reply.of(Reply.text("one"), Reply.text("two"))).build())
                .fromFunctionEnv()
                .build();
    }
}
