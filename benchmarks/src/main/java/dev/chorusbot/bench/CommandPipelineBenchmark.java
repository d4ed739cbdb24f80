package dev.chorusbot.bench;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.User;
import java.time.Instant;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Parse + route + handle for the hello command on one thread: prefix and name recognition, the
 * whole built-in middleware chain (errors, own-message filter, de-duplication through the state
 * store, permissions, cooldowns), the handler, and rendering of the reply for the platform.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CommandPipelineBenchmark}
 */
public class CommandPipelineBenchmark extends SingleThreadThroughput {
    private static final Platform PLATFORM = Platform.of("bench");
    private static final User VIKTOR = User.of("1", "viktor", "Viktor");
    private static final Chat CHAT = Chat.of("chat", Chat.Kind.GROUP, "Bench");

    private Bot bot;
    private long sequence;

    /** Builds the hello bot once. */
    @Setup
    public void setUp() {
        bot = Bot.builder()
                .command(Command.named("hello")
                        .description("Say hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                        .build())
                .build();
    }

    /** One {@code !hello} message, a fresh id each time (so de-duplication does real work). */
    @Benchmark
    public Handled helloCommand() {
        Message message = new Message(PLATFORM, Long.toString(sequence++), CHAT, VIKTOR, "!hello",
                Instant.EPOCH, Optional.empty(), null);
        return bot.handle(message);
    }

    /** A plain chat message that is not a command: the cost of staying silent. */
    @Benchmark
    public Handled plainText() {
        Message message = new Message(PLATFORM, Long.toString(sequence++), CHAT, VIKTOR, "just chatting here",
                Instant.EPOCH, Optional.empty(), null);
        return bot.handle(message);
    }
}
