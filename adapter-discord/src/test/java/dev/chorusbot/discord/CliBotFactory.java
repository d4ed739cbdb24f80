package dev.chorusbot.discord;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import java.util.function.Supplier;

/** A bot for {@link DiscordCommandsCli}'s test: built by name, as a user's factory is. */
public final class CliBotFactory implements Supplier<Bot> {
    @Override
    public Bot get() {
        return Bot.builder().command(Command.named("hello").description("Say hello")
                .handler(ctx -> Reply.text("hi")).build()).build();
    }
}
