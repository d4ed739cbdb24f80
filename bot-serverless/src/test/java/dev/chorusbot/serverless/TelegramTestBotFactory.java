package dev.chorusbot.serverless;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.telegram.TelegramConfig;
import java.util.Map;

/**
 * The bot the entry-point tests deploy: the Telegram adapter configured from {@code TELEGRAM_*}
 * variables, {@code hello} answering {@code hello <name>!} and {@code twice} answering with two
 * messages (the first goes through the Bot API before the function returns, the second inside the
 * webhook response). Registered in the test {@code META-INF/services}, so the runtimes find it as
 * they would a user's factory.
 */
public final class TelegramTestBotFactory implements BotFactory {
    private final Map<String, String> environment;

    /** Reads the process environment, as in a deployed function. */
    public TelegramTestBotFactory() {
        this(System.getenv());
    }

    TelegramTestBotFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Bot create() {
        return Bot.builder()
                .command(Command.named("hello")
                        .description("Say hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                        .build())
                .command(Command.named("twice")
                        .description("Answer twice")
                        .handler(ctx -> Reply.of(Reply.text("one"), Reply.text("two")))
                        .build())
                .adapter(TelegramConfig.fromEnv(environment).adapter())
                .build();
    }
}
