package com.example;

import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;

/** Stands for the reader's own commands class, which the serverless guide's factory uses. */
public final class MyCommands {
    private MyCommands() {
    }

    /**
     * The hello command.
     *
     * @return it
     */
    public static Command hello() {
        return Command.named("hello").handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build();
    }
}
