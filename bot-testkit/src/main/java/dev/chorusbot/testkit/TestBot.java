package dev.chorusbot.testkit;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.User;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bot under test, talked to in memory: no network, no threads to wait for.
 *
 * <pre>{@code
 * TestBot bot = TestBot.start(Bot.builder().command(hello));
 * bot.send("!hello").assertReply("hello Viktor!");
 * bot.as(User.of("2", "anna", "Anna")).send("!hello").assertReply("hello Anna!");
 * }</pre>
 *
 * <p>The default sender is Viktor (id {@code 1}, login {@code viktor}), with no special roles, in a
 * group chat {@code test-chat}.
 */
public final class TestBot implements AutoCloseable {
    /** The default sender. */
    public static final User VIKTOR = User.of("1", "viktor", "Viktor");
    /** The default chat. */
    public static final Chat CHAT = Chat.of("test-chat", Chat.Kind.GROUP, "Test chat");

    private final Bot bot;
    private final InMemoryAdapter adapter;
    private final AtomicLong ids;
    private final User sender;
    private final Chat chat;

    private TestBot(Bot bot, InMemoryAdapter adapter, AtomicLong ids, User sender, Chat chat) {
        this.bot = bot;
        this.adapter = adapter;
        this.ids = ids;
        this.sender = sender;
        this.chat = chat;
    }

    /** Adds an {@link InMemoryAdapter} for the platform {@code test} to {@code builder} and starts the bot. */
    public static TestBot start(Bot.Builder builder) {
        return start(builder, new InMemoryAdapter());
    }

    /**
     * Adds {@code adapter} to {@code builder} and starts the bot; choose the adapter's platform and
     * capabilities to see replies as a real platform would render them.
     */
    public static TestBot start(Bot.Builder builder, InMemoryAdapter adapter) {
        Bot bot = builder.adapter(adapter).build();
        bot.start();
        return new TestBot(bot, adapter, new AtomicLong(), VIKTOR, CHAT);
    }

    /** An adapter that renders like Telegram: buttons, 4096 UTF-16 units, bot addressing. */
    public static InMemoryAdapter telegramLike() {
        return new InMemoryAdapter(Platform.of("telegram"), new Capabilities(true, 4096,
                Capabilities.LengthUnit.UTF16, java.util.Set.of(dev.chorusbot.core.Format.HTML,
                        dev.chorusbot.core.Format.MARKDOWN), true, true),
                User.of("0", "chorus_bot", "Chorus"));
    }

    /** An adapter that renders like Twitch: one line of at most 500 code points, no buttons. */
    public static InMemoryAdapter twitchLike() {
        return new InMemoryAdapter(Platform.of("twitch"), new Capabilities(false, 500,
                Capabilities.LengthUnit.CODE_POINTS, java.util.Set.of(), false, false),
                User.of("0", "chorus_bot", "chorus_bot"));
    }

    /** The same bot, talked to by {@code user}. */
    public TestBot as(User user) {
        return new TestBot(bot, adapter, ids, Objects.requireNonNull(user, "user"), chat);
    }

    /** The same bot, talked to in {@code otherChat}. */
    public TestBot in(Chat otherChat) {
        return new TestBot(bot, adapter, ids, sender, Objects.requireNonNull(otherChat, "chat"));
    }

    /** Sends {@code text} as the current user and returns the bot's answer. */
    public Replies send(String text) {
        Message message = new Message(adapter.platform(), Long.toString(ids.incrementAndGet()), chat, sender, text,
                Instant.now(), Optional.empty(), text);
        return new Replies(text, adapter.deliver(message));
    }

    /** Presses {@code button} as the current user and returns the bot's answer. */
    public Replies press(Button button) {
        ButtonPress press = new ButtonPress(adapter.platform(), "press-" + ids.incrementAndGet(), chat, sender,
                button.data(), Optional.empty(), Instant.now(), button);
        return new Replies("[" + button.label() + "]", adapter.deliver(press));
    }

    /** The bot under test. */
    public Bot bot() {
        return bot;
    }

    /** The in-memory adapter, with everything sent so far. */
    public InMemoryAdapter adapter() {
        return adapter;
    }

    /** Stops the bot. */
    @Override
    public void close() {
        bot.stop();
    }
}
