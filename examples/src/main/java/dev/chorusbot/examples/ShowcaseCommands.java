package dev.chorusbot.examples;

import dev.chorusbot.core.Arg;
import dev.chorusbot.core.BotCommand;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.CommandContext;
import dev.chorusbot.core.MediaFile;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.UsageException;
import dev.chorusbot.core.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The showcase bot's commands. One code base for the console, Telegram and Twitch: typed
 * arguments with usage errors, a per-user cooldown, a moderator-only command, buttons (an inline
 * keyboard on Telegram whose press edits its message, a text line on Twitch), a photo, greetings in
 * the user's language and state kept in the bot's {@link StateStore}.
 */
public final class ShowcaseCommands {
    /** The showcase's message bundle: {@code showcase.properties}, {@code _de} and {@code _ru}. */
    public static final String MESSAGES = "dev.chorusbot.examples.showcase";

    private static final byte[] DICE_PNG = resource("dice.png");
    private static final Pattern DICE = Pattern.compile("(\\d{1,2})d(\\d{1,3})");

    private final RandomGenerator random;
    private final StateStore state;

    /** Commands rolling dice with {@code random} and counting in {@code state}. */
    public ShowcaseCommands(RandomGenerator random, StateStore state) {
        this.random = Objects.requireNonNull(random, "random");
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * {@code hello}: greets the sender in their language ({@code hallo Viktor!} for German).
     *
     * @param ctx the invocation, whose locale picks the text
     * @return the greeting
     */
    @BotCommand(description = "Say hello in your language")
    public String hello(CommandContext ctx) {
        return ctx.text("hello", ctx.sender().displayName());
    }

    /**
     * {@code roll 2d6}: rolls N dice with M sides; once per 3 seconds per user. Its "Roll again"
     * button, pressed on Telegram, rolls again in the same message and answers the press with
     * {@code rolled!}; on Twitch the button is a text hint.
     *
     * @param ctx the invocation: a typed command, or a press of "Roll again"
     * @param user who rolls
     * @param dice what to roll, such as {@code 2d6}
     * @return the roll with its button; on a press, an edit of the pressed message and a notice
     */
    @BotCommand(description = "Roll dice, like 2d6", cooldownSeconds = 3, aliases = "r")
    public Reply roll(CommandContext ctx, User user, @Arg("dice") @Arg.Default("1d6") String dice) {
        Matcher matcher = DICE.matcher(dice.toLowerCase(java.util.Locale.ROOT));
        if (!matcher.matches()) {
            throw new UsageException("'" + dice + "' is not a dice roll like 2d6");
        }
        int count = Integer.parseInt(matcher.group(1));
        int sides = Integer.parseInt(matcher.group(2));
        if (count < 1 || sides < 2) {
            throw new UsageException("roll at least one die with at least two sides");
        }
        List<Integer> rolls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rolls.add(1 + random.nextInt(sides));
        }
        int total = rolls.stream().mapToInt(Integer::intValue).sum();
        String shown = count == 1 ? Integer.toString(total)
                : rolls.stream().map(String::valueOf).collect(Collectors.joining(" + ")) + " = " + total;
        Reply.Text rolled = Reply.text(user.displayName() + " rolls " + count + "d" + sides + ": " + shown)
                .withButtons(Button.of("Roll again", "roll " + count + "d" + sides));
        return ctx.event() instanceof ButtonPress ? Reply.of(rolled.asEdit(), Reply.notice("rolled!")) : rolled;
    }

    /**
     * {@code photo}: a picture of a die, uploaded from the examples' resources; where the platform
     * shows no photos (Twitch, the console) its caption alone.
     *
     * @return the photo with its caption
     */
    @BotCommand(description = "Send a photo")
    public Reply photo() {
        return Reply.media(MediaFile.photo(DICE_PNG, "dice.png")).withCaption("a photo from Chorus");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ShowcaseCommands.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the showcase's " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the showcase's " + name, e);
        }
    }

    /** {@code count}: adds one to this chat's counter. */
    @BotCommand(description = "Add one to the chat's counter")
    public Reply count(Chat chat) {
        long value = state.increment(counterKey(chat), 1, Duration.ZERO);
        return Reply.text("Counter: " + value)
                .withButtons(Button.of("+1", "count"), Button.of("Reset", "reset"));
    }

    /** {@code reset}: sets this chat's counter back to zero; moderators only. */
    @BotCommand(description = "Reset the chat's counter", role = Role.MODERATOR)
    public String reset(Chat chat, User user) {
        state.remove(counterKey(chat));
        return "Counter reset by " + user.displayName() + ".";
    }

    private static String counterKey(Chat chat) {
        return "showcase:counter:" + chat.id();
    }
}
