package dev.chorusbot.serverless;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.Schedule;
import dev.chorusbot.telegram.TelegramConfig;
import java.time.Duration;
import java.util.Map;

/**
 * The bot the entry-point tests deploy: the Telegram adapter configured from {@code TELEGRAM_*}
 * variables, {@code hello} answering {@code hello <name>!} and {@code twice} answering with two
 * messages (the first goes through the Bot API before the function returns, the second inside the
 * webhook response), {@code quiz} asking a question answered in a later invocation, and {@code
 * remind} scheduling a job for the next scheduled trigger. Registered in the test {@code META-INF/services}, so the runtimes find it as
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
                .command(Command.named("quiz")
                        .description("Ask a question")
                        .handler(ctx -> ctx.ask(Reply.text("What is 6 times 7?"), "quiz", Duration.ofSeconds(60)))
                        .build())
                .onAnswer("quiz", (ctx, data) -> Reply.text(ctx.text().equals("42") ? "correct!" : "no, it is 42"))
                .command(Command.named("remind")
                        .description("Remind at the next scheduled trigger")
                        .handler(ctx -> {
                            ctx.jobs().schedule("remind", ctx.rawArguments(), Schedule.in(Duration.ZERO));
                            return Reply.text("ok");
                        })
                        .build())
                .job("remind", job -> Reply.text("reminder: " + job.payload()))
                // A function runs its jobs when its scheduled trigger calls, not on a timer of its own.
                .jobPollInterval(Duration.ZERO)
                .adapter(TelegramConfig.fromEnv(environment).adapter())
                .build();
    }
}
