package com.example;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.console.ConsoleAdapter;

public final class MyBot {

    static Command hello() {
        return Command.named("hello")
                .description("Say hello")
                .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                .build();
    }

    public static void main(String[] args) {
        Bot.builder()
                .command(hello())
                .adapter(new ConsoleAdapter())
                .build()
                .run();
    }
}
