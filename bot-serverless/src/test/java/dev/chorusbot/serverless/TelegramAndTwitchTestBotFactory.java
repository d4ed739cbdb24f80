package dev.chorusbot.serverless;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.twitch.eventsub.TwitchEventSubAdapter;

/**
 * One function serving two push platforms: the Telegram adapter ({@code TELEGRAM_*} variables,
 * path {@code /telegram}) and the Twitch EventSub adapter ({@code TWITCH_*} variables, path {@code
 * /twitch}), both answering {@code hello} with {@code hello <name>!}. Not in the test {@code
 * META-INF/services} (the other tests find {@link TelegramTestBotFactory} there): a test chooses it
 * with {@code CHORUS_BOT_FACTORY}, as a user with several factories would.
 */
public final class TelegramAndTwitchTestBotFactory implements BotFactory {

    /** Reads the process environment, as in a deployed function. */
    public TelegramAndTwitchTestBotFactory() {}

    @Override
    public Bot create() {
        return Bot.builder()
                .command(Command.named("hello")
                        .description("Say hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                        .build())
                .adapter(TelegramConfig.fromEnv().adapter())
                .adapter(TwitchEventSubAdapter.fromEnv())
                .build();
    }
}
