package dev.chorusbot.serverless;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Bot;

/**
 * Builds the bot a cloud function serves. This is how a function is pointed at a bot: implement it
 * in a public class with a public no-argument constructor and name that class in the file {@code
 * META-INF/services/dev.chorusbot.serverless.BotFactory} of the deployed jar.
 *
 * <pre>{@code
 * public final class MyBotFactory implements BotFactory {
 *     public Bot create() {
 *         return Bot.builder()
 *             .command(HelloCommands.hello())
 *             .fromFunctionEnv()
 *             .build();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link Bot.Builder#fromFunctionEnv()} switches on the push platforms the function's variables
 * configure ({@code TELEGRAM_BOT_TOKEN}, {@code TWITCH_CLIENT_ID}); adding adapters by hand, such as
 * {@code .adapter(TelegramAdapter.fromEnv())}, works as well.
 *
 * <p>The factory is called once per container, on the first use of an entry point (during the
 * function's initialisation phase where the cloud has one); the bot is then started and serves
 * every later invocation. When the jar holds several factories, the environment variable {@value
 * #ENVIRONMENT_VARIABLE} names the one to use.
 */
@FunctionalInterface
@Api(Api.Status.STABLE)
public interface BotFactory {

    /** The environment variable that picks one factory class when several are registered. */
    String ENVIRONMENT_VARIABLE = "CHORUS_BOT_FACTORY";

    /**
     * Builds the bot, not yet started. It needs a push adapter (such as Telegram in webhook mode),
     * and no {@link dev.chorusbot.core.PullAdapter}: a function runs only while it answers a
     * request, so an adapter reading on its own threads is refused. Configure no embedded webhook
     * server: the function is the server.
     *
     * @return the built bot, not started and not null (null fails the function's initialisation)
     * @throws dev.chorusbot.core.ConfigurationException when the bot is configured wrongly (a missing
     *     token); the function then fails to initialise with that message
     */
    Bot create();
}
