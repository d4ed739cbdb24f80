package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;
import static dev.chorusbot.core.internal.Checks.positive;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a platform can show, declared once by its adapter. The reply renderer reads it to split
 * long text, write buttons out as text and drop markup the platform does not understand.
 *
 * @param buttons whether replies may carry buttons (Telegram inline keyboards)
 * @param maxTextLength the longest text one message may carry, in {@code lengthUnit}s
 * @param lengthUnit how the platform counts {@code maxTextLength}
 * @param formats the formats the platform renders besides {@link Format#PLAIN}
 * @param multiline whether a message may contain line breaks; if not, lines are joined
 * @param addressing whether commands may name the bot ({@code /hello@my_bot}, Telegram)
 * @param media whether replies may carry photos and documents; without, they become their caption
 *     and URL
 * @param edits whether the bot can change a message it sent (when a button on it is pressed)
 * @param maxButtonData the most bytes of UTF-8 a button's data may have on the platform (Telegram's
 *     {@code callback_data}: 64); longer data is kept in the bot's state store under a short token.
 *     Zero for no limit
 * @param ephemeral whether a reply can be shown to the user it answers only ({@link
 *     Reply.Text#asEphemeral()}; Discord's interaction responses with flag 64); without, such a
 *     reply is sent as an ordinary message
 */
@Api(Api.Status.EXPERIMENTAL)
public record Capabilities(
        boolean buttons,
        int maxTextLength,
        LengthUnit lengthUnit,
        Set<Format> formats,
        boolean multiline,
        boolean addressing,
        boolean media,
        boolean edits,
        int maxButtonData,
        boolean ephemeral) {

    /** How a platform counts the length of a text. */
    public enum LengthUnit {
        /** UTF-16 code units, as {@link String#length()} (Telegram). */
        UTF16,
        /** Unicode code points (Twitch). */
        CODE_POINTS
    }

    /**
     * Validates and copies the components.
     *
     * @param buttons whether replies may carry buttons
     * @param maxTextLength the longest text one message may carry; must be positive
     * @param lengthUnit how the platform counts {@code maxTextLength}
     * @param formats the formats the platform renders; {@link Format#PLAIN} is always added
     * @param multiline whether a message may contain line breaks
     * @param addressing whether commands may name the bot
     * @param media whether replies may carry photos and documents
     * @param edits whether the bot can change a message it sent
     * @param maxButtonData the most bytes a button's data may have; zero for no limit
     * @param ephemeral whether a reply can be shown to the user it answers only
     * @throws IllegalArgumentException if {@code maxTextLength} is not positive or {@code
     *     maxButtonData} is negative
     * @throws NullPointerException if {@code lengthUnit} or {@code formats} is {@code null}
     */
    public Capabilities {
        positive(maxTextLength, "maxTextLength");
        if (maxButtonData < 0) {
            throw new IllegalArgumentException("maxButtonData must not be negative, was " + maxButtonData);
        }
        notNull(lengthUnit, "lengthUnit");
        notNull(formats, "formats");
        formats = formats.isEmpty() ? Set.of(Format.PLAIN) : Set.copyOf(with(formats, Format.PLAIN));
    }

    /**
     * A platform without replies only their addressee sees.
     *
     * @param buttons whether replies may carry buttons
     * @param maxTextLength the longest text one message may carry; must be positive
     * @param lengthUnit how the platform counts {@code maxTextLength}
     * @param formats the formats the platform renders; {@link Format#PLAIN} is always added
     * @param multiline whether a message may contain line breaks
     * @param addressing whether commands may name the bot
     * @param media whether replies may carry photos and documents
     * @param edits whether the bot can change a message it sent
     * @param maxButtonData the most bytes a button's data may have; zero for no limit
     * @throws IllegalArgumentException if {@code maxTextLength} is not positive or {@code
     *     maxButtonData} is negative
     * @throws NullPointerException if {@code lengthUnit} or {@code formats} is {@code null}
     */
    public Capabilities(boolean buttons, int maxTextLength, LengthUnit lengthUnit, Set<Format> formats,
            boolean multiline, boolean addressing, boolean media, boolean edits, int maxButtonData) {
        this(buttons, maxTextLength, lengthUnit, formats, multiline, addressing, media, edits, maxButtonData, false);
    }

    /**
     * A copy that can show replies to their addressee only, or cannot.
     *
     * @param value whether the platform shows ephemeral replies
     * @return a new value; this one is unchanged
     */
    public Capabilities withEphemeral(boolean value) {
        return new Capabilities(buttons, maxTextLength, lengthUnit, formats, multiline, addressing, media, edits,
                maxButtonData, value);
    }

    /**
     * A platform without media, edits or a limit on button data.
     *
     * @param buttons whether replies may carry buttons
     * @param maxTextLength the longest text one message may carry; must be positive
     * @param lengthUnit how the platform counts {@code maxTextLength}
     * @param formats the formats the platform renders; {@link Format#PLAIN} is always added
     * @param multiline whether a message may contain line breaks
     * @param addressing whether commands may name the bot
     */
    public Capabilities(boolean buttons, int maxTextLength, LengthUnit lengthUnit, Set<Format> formats,
            boolean multiline, boolean addressing) {
        this(buttons, maxTextLength, lengthUnit, formats, multiline, addressing, false, false, 0, false);
    }

    // One shared value: a record is immutable, and a bot asks for these on every event its
    // platform has no adapter for (Bot.handle in tests and benchmarks).
    private static final Capabilities PLAIN_TEXT =
            new Capabilities(false, 65_536, LengthUnit.UTF16, Set.of(), true, false);

    private static Set<Format> with(Set<Format> formats, Format extra) {
        EnumSet<Format> copy = EnumSet.of(extra);
        copy.addAll(formats);
        return copy;
    }

    /**
     * Plain, multi-line text of any practical length, no buttons: a terminal or a test.
     *
     * @return plain text up to 65,536 UTF-16 units per message, multi-line, no addressing
     */
    public static Capabilities plainText() {
        return PLAIN_TEXT;
    }

    /**
     * True when the platform renders {@code format}.
     *
     * @param format the format to check
     * @return whether replies in {@code format} keep their markup; always true for
     *     {@link Format#PLAIN}
     */
    public boolean supports(Format format) {
        return formats.contains(format);
    }
}
