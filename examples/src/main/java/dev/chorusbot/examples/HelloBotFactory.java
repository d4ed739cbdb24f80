package dev.chorusbot.examples;

import dev.chorusbot.core.Bot;
import dev.chorusbot.serverless.BotFactory;
import java.util.Map;

/**
 * The hello bot as a cloud function: the same {@code hello} command behind the Telegram webhook
 * ({@code /telegram}), Twitch EventSub ({@code /twitch}) and/or Discord interactions
 * ({@code /discord}). Registered in {@code
 * META-INF/services/dev.chorusbot.serverless.BotFactory}, so the jar {@code hello-bot-lambda.jar}
 * serves it on AWS Lambda, Yandex Cloud Functions and Google Cloud Functions (see
 * docs/serverless.md). The platforms are chosen by {@link Bot.Builder#fromFunctionEnv(Map)}:
 * Telegram when {@code TELEGRAM_BOT_TOKEN} is set (webhook mode by default), Twitch EventSub when
 * {@code TWITCH_CLIENT_ID} is set, Discord interactions when {@code DISCORD_BOT_TOKEN} (with
 * {@code DISCORD_PUBLIC_KEY}) is set, each configured by the variables of its guide; at least one
 * is required.
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
        return Bot.builder().command(HelloCommands.hello()).fromFunctionEnv(environment).build();
    }
}
