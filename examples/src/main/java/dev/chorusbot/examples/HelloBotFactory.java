package dev.chorusbot.examples;

import dev.chorusbot.core.Bot;
import dev.chorusbot.serverless.BotFactory;
import dev.chorusbot.telegram.TelegramConfig;
import java.util.Map;

/**
 * The hello bot as a cloud function: the same {@code hello} command behind the Telegram webhook.
 * Registered in {@code META-INF/services/dev.chorusbot.serverless.BotFactory}, so the jar {@code
 * hello-bot-lambda.jar} serves it on AWS Lambda, Yandex Cloud Functions and Google Cloud Functions
 * (see docs/serverless.md). Configured by the {@code TELEGRAM_*} variables of the Telegram guide,
 * with {@code TELEGRAM_MODE=webhook}.
 */
public final class HelloBotFactory implements BotFactory {
    private final Map<String, String> environment;

    /** Reads the function's environment; called by the cloud's runtime. */
    public HelloBotFactory() {
        this(System.getenv());
    }

    /** Reads {@code environment} instead of the process's; for tests. */
    public HelloBotFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Bot create() {
        return Bot.builder()
                .command(HelloCommands.hello())
                .adapter(TelegramConfig.fromEnv(environment).adapter())
                .build();
    }
}
