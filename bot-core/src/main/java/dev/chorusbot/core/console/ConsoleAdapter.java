package dev.chorusbot.core.console;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PullAdapter;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chats with the bot in a terminal: each line read from the input is a message, each reply is
 * printed on the output. The sender is the operating-system user, who owns the console chat. End
 * of input stops the adapter (and, when it is the only one, the bot) after the last line's replies
 * are printed.
 *
 * <pre>{@code
 * Bot.builder().command(hello).adapter(new ConsoleAdapter()).build().run();
 * }</pre>
 */
@Api(Api.Status.STABLE)
public final class ConsoleAdapter implements PullAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConsoleAdapter.class);

    /** The platform id {@code console}, the same as {@link Platform#CONSOLE}. */
    public static final Platform PLATFORM = Platform.CONSOLE;

    /** Plain text, multi-line, up to 65,536 UTF-16 units: {@link Capabilities#plainText()}. */
    public static final Capabilities CAPABILITIES = Capabilities.plainText();

    /** The one chat of the console. */
    public static final Chat CHAT = Chat.of("console", Chat.Kind.PRIVATE, "console");

    private final InputStream input;
    private final PrintStream output;
    private final User user;
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean receiving = true;
    private Thread reader;

    /** Reads standard input and prints to standard output as the operating-system user. */
    public ConsoleAdapter() {
        this(System.in, System.out, osUser());
    }

    /**
     * Reads {@code in} and prints to {@code out} as {@code user}.
     *
     * @param in the input, one message per line, read as UTF-8
     * @param out where replies are printed, as UTF-8
     * @param user the author of every message read from {@code in}
     */
    public ConsoleAdapter(InputStream in, OutputStream out, User user) {
        this.input = notNull(in, "in");
        this.output = new PrintStream(notNull(out, "out"), true, StandardCharsets.UTF_8);
        this.user = notNull(user, "user");
    }

    /**
     * The operating-system user, owner of the console chat.
     *
     * @return a user named after the {@code user.name} system property, with the owner role
     */
    public static User osUser() {
        String name = System.getProperty("user.name", "user");
        return new User(name, name, name, Set.of(Role.OWNER));
    }

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void start(EventSink sink) {
        reader = new Thread(() -> read(sink), "chorus-console");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(EventSink sink) {
        Throwable failure = null;
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            String line;
            while (receiving && (line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Message message = new Message(Platform.CONSOLE, Long.toString(ids.incrementAndGet()), CHAT, user,
                        line, sink.scheduler().now(), Optional.empty(), line);
                last = sink.dispatch(message).thenAccept(handled -> handled.outbound().forEach(this::send));
            }
        } catch (IOException e) {
            failure = e;
        }
        last.exceptionally(e -> null).join(); // print the last replies before reporting the end
        sink.stopped(this, failure);
    }

    @Override
    public CompletableFuture<Void> send(Outbound message) {
        synchronized (output) {
            output.println(message.text());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void stopReceiving() {
        receiving = false;
    }

    @Override
    public void close() {
        output.flush();
        log.debug("Console adapter closed");
    }
}
