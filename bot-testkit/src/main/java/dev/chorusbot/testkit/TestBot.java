package dev.chorusbot.testkit;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.User;
import java.util.List;
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
@Api(Api.Status.STABLE)
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

    /**
     * Adds an {@link InMemoryAdapter} for the platform {@code test} to {@code builder} and starts
     * the bot.
     *
     * @param builder the bot's configuration, with its commands; the adapter is added to it
     * @return the started bot, talked to by {@link #VIKTOR} in {@link #CHAT}
     */
    public static TestBot start(Bot.Builder builder) {
        return start(builder, new InMemoryAdapter());
    }

    /**
     * Adds {@code adapter} to {@code builder} and starts the bot; choose the adapter's platform and
     * capabilities to see replies as a real platform would render them.
     *
     * @param builder the bot's configuration, with its commands; the adapter is added to it
     * @param adapter the adapter to talk through, for example {@link #telegramLike()}
     * @return the started bot, talked to by {@link #VIKTOR} in {@link #CHAT}
     */
    public static TestBot start(Bot.Builder builder, InMemoryAdapter adapter) {
        Bot bot = builder.adapter(adapter).build();
        bot.start();
        return new TestBot(bot, adapter, new AtomicLong(), VIKTOR, CHAT);
    }

    /**
     * Adds several adapters (one per platform) to {@code builder} and starts the bot, talked to
     * through the first; {@link #on(InMemoryAdapter)} talks through another.
     *
     * <pre>{@code
     * InMemoryAdapter telegram = TestBot.telegramLike();
     * InMemoryAdapter twitch = TestBot.twitchLike();
     * TestBot bot = TestBot.start(Bot.builder().command(roll), telegram, twitch);
     * bot.on(twitch).send("!roll").assertReplyContains("Roll again: !roll");
     * }</pre>
     *
     * @param builder the bot's configuration, with its commands; the adapters are added to it
     * @param first the adapter the returned view talks through
     * @param more further adapters, each for another platform
     * @return the started bot, talked to by {@link #VIKTOR} in {@link #CHAT} through {@code first}
     */
    public static TestBot start(Bot.Builder builder, InMemoryAdapter first, InMemoryAdapter... more) {
        for (InMemoryAdapter adapter : more) {
            builder.adapter(adapter);
        }
        return start(builder, first);
    }

    /**
     * The same bot, talked to through another of its adapters (another platform).
     *
     * @param other one of the adapters the bot was started with
     * @return a view of the same bot, sender and chat on {@code other}'s platform
     * @throws IllegalArgumentException when the bot was not started with {@code other}
     */
    public TestBot on(InMemoryAdapter other) {
        if (bot.adapters().get(other.platform()) != other) {
            throw new IllegalArgumentException("the bot was not started with this " + other.platform().id()
                    + " adapter; pass it to TestBot.start");
        }
        return new TestBot(bot, other, ids, sender, chat);
    }

    /**
     * An adapter that renders like Telegram: buttons, 4096 UTF-16 units, bot addressing, photos and
     * documents, edits, 64 bytes of button data.
     *
     * @return a new adapter for the platform {@code telegram}, with HTML and MarkdownV2 formatting
     */
    public static InMemoryAdapter telegramLike() {
        return new InMemoryAdapter(Platform.of("telegram"), new Capabilities(true, 4096,
                Capabilities.LengthUnit.UTF16, java.util.Set.of(dev.chorusbot.core.Format.HTML,
                        dev.chorusbot.core.Format.MARKDOWN), true, true, true, true, 64),
                User.of("0", "chorus_bot", "Chorus"));
    }

    /**
     * An adapter that renders like Twitch: one line of at most 500 code points, no buttons.
     *
     * @return a new adapter for the platform {@code twitch}, plain text only
     */
    public static InMemoryAdapter twitchLike() {
        return new InMemoryAdapter(Platform.of("twitch"), new Capabilities(false, 500,
                Capabilities.LengthUnit.CODE_POINTS, java.util.Set.of(), false, false),
                User.of("0", "chorus_bot", "chorus_bot"));
    }

    /**
     * The same bot, talked to by {@code user}.
     *
     * @param user the sender of the following messages and button presses; not null
     * @return a view of the same bot and chat with another sender; this one is unchanged
     */
    public TestBot as(User user) {
        return new TestBot(bot, adapter, ids, Objects.requireNonNull(user, "user"), chat);
    }

    /**
     * The same bot, talked to in {@code otherChat}.
     *
     * @param otherChat the chat the following messages and button presses come from; not null
     * @return a view of the same bot and sender in another chat; this one is unchanged
     */
    public TestBot in(Chat otherChat) {
        return new TestBot(bot, adapter, ids, sender, Objects.requireNonNull(otherChat, "chat"));
    }

    /**
     * Sends {@code text} as the current user and returns the bot's answer.
     *
     * @param text the message text, with the command prefix if it is meant as a command
     * @return what the bot sent in answer, once the message was handled
     */
    public Replies send(String text) {
        Message message = new Message(adapter.platform(), Long.toString(ids.incrementAndGet()), chat, sender, text,
                adapter.now(), Optional.empty(), text);
        return new Replies(text, adapter.deliver(message), notice());
    }

    /**
     * Presses {@code button} as the current user and returns the bot's answer.
     *
     * @param button the button pressed; its data is routed like a command line
     * @return what the bot sent in answer, once the press was handled
     */
    public Replies press(Button button) {
        ButtonPress press = new ButtonPress(adapter.platform(), "press-" + ids.incrementAndGet(), chat, sender,
                button.data(), Optional.empty(), adapter.now(), button);
        return new Replies("[" + button.label() + "]", adapter.deliver(press), notice());
    }

    /**
     * Presses the button labelled {@code label} on the latest message the bot sent that has one,
     * as the current user, and returns the bot's answer: an edit of that message, a notice, or new
     * messages. The message's id is its position among everything sent (1 for the first).
     *
     * <pre>{@code
     * bot.send("/roll");
     * bot.press("Roll again").assertNotice("rolled!");
     * }</pre>
     *
     * @param label the button's text
     * @return what the bot sent in answer, once the press was handled
     * @throws AssertionError when no message sent so far has such a button, naming those there are
     */
    public Replies press(String label) {
        List<Outbound> sent = adapter.sent();
        List<String> seen = new java.util.ArrayList<>();
        for (int i = sent.size() - 1; i >= 0; i--) {
            for (List<Button> row : sent.get(i).buttons()) {
                for (Button button : row) {
                    if (button.label().equals(label)) {
                        // An edit keeps the message it changes: its id is that of the message first sent.
                        String messageId = sent.get(i).editId().orElse(Integer.toString(i + 1));
                        ButtonPress press = new ButtonPress(adapter.platform(), "press-" + ids.incrementAndGet(), chat,
                                sender, button.data(), Optional.of(messageId), adapter.now(), button);
                        return new Replies("[" + label + "]", adapter.deliver(press), notice());
                    }
                    seen.add(button.label());
                }
            }
        }
        throw new AssertionError("no message the bot sent has a button '" + label + "'; buttons sent: " + seen);
    }

    private Optional<Reply.Notice> notice() {
        return adapter.lastHandled().flatMap(Handled::notice);
    }

    /**
     * The bot under test.
     *
     * @return the started bot
     */
    public Bot bot() {
        return bot;
    }

    /**
     * The in-memory adapter, with everything sent so far.
     *
     * @return the adapter shared by this bot and every {@code as}/{@code in} view of it
     */
    public InMemoryAdapter adapter() {
        return adapter;
    }

    /** Stops the bot. */
    @Override
    public void close() {
        bot.stop();
    }
}
