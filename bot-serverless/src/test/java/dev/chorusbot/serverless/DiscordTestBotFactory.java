package dev.chorusbot.serverless;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;

/**
 * A function answering Discord interactions at {@code /discord}, chosen from the environment as a
 * deployed function is ({@code DISCORD_BOT_TOKEN}, {@code DISCORD_PUBLIC_KEY}, through {@code
 * fromFunctionEnv}): {@code hello}, {@code two}, which answers twice, and {@code slow}, which
 * answers once the test lets it. Chosen with {@code CHORUS_BOT_FACTORY}.
 */
public final class DiscordTestBotFactory implements BotFactory {

    private final Map<String, String> environment;

    /** Reads the process environment, as in a deployed function. */
    public DiscordTestBotFactory() {
        this(System.getenv());
    }

    /** Reads {@code environment} instead, for an entry point that runs in the test's JVM. */
    public DiscordTestBotFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Bot create() {
        return Bot.builder()
                .command(Command.named("hello").description("Say hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build())
                .command(Command.named("two").handler(ctx -> Reply.of(Reply.text("one"), Reply.text("two"))).build())
                .command(Command.named("slow").handler(ctx -> {
                    // Blocks until the test writes a byte to DISCORD_TEST_RELEASE_PORT: longer than the
                    // endpoint's 2 s deadline, for as long as the test wants.
                    try (Socket release = new Socket(InetAddress.getLoopbackAddress(),
                            Integer.parseInt(environment.get("DISCORD_TEST_RELEASE_PORT")))) {
                        release.getInputStream().read();
                    }
                    return Reply.text("finally");
                }).build())
                .fromFunctionEnv(environment)
                .build();
    }
}
