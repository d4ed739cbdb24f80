package dev.chorusbot.examples;

import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;

/** The founding example's command: the same code answers on the console, Telegram and Twitch. */
public final class HelloCommands {
    private HelloCommands() {}

    /** {@code hello}: answers {@code hello <display name>!}. */
    public static Command hello() {
        return Command.named("hello")
                .description("Say hello")
                .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                .build();
    }
}
