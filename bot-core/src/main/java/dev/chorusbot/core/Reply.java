package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notBlank;
import static dev.chorusbot.core.internal.Checks.notNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a handler answers: a {@link Text}, a photo or document ({@link Media}), a notice answering
 * a button press ({@link Notice}), new buttons for the pressed message ({@link Keyboard}), several
 * of these ({@link Many}) or nothing ({@link None}). Adapters render replies for their platform;
 * what a platform lacks (buttons, a format, media, edits) is degraded to text instead of failing.
 *
 * <pre>{@code
 * return Reply.text("You rolled 7").withButtons(Button.of("Roll again", "roll 2d6"));
 * return Reply.of(Reply.text("You rolled 5").asEdit(), Reply.notice("rolled!"));   // on a press
 * return Reply.photo(Path.of("dice.png")).withCaption("a photo from Chorus");
 * }</pre>
 */
@Api(Api.Status.STABLE)
public sealed interface Reply permits Reply.Single, Reply.Many, Reply.None {

    /** One part of a reply: what {@link Many} is made of. */
    sealed interface Single extends Reply permits Text, Media, Notice, Keyboard {}

    /**
     * A plain-text reply.
     *
     * @param text the text, sent as is; not blank
     * @return the reply, without buttons
     * @throws IllegalArgumentException if the text is blank
     */
    static Text text(String text) {
        return new Text(text, Format.PLAIN, List.of());
    }

    /**
     * A reply in the given format.
     *
     * @param format how the text is marked up; stripped to plain text where unsupported
     * @param text the marked-up text; not blank
     * @return the reply, without buttons
     * @throws IllegalArgumentException if the text is blank
     */
    static Text text(Format format, String text) {
        return new Text(text, format, List.of());
    }

    /**
     * A photo or document, without caption; see {@link Media#withCaption(String)}.
     *
     * @param file the file, its kind and where its bytes come from
     * @return the reply
     */
    static Media media(MediaFile file) {
        return new Media(file, "", Format.PLAIN, List.of());
    }

    /**
     * A photo the platform fetches from {@code url}, without caption.
     *
     * @param url an http or https URL
     * @return the reply
     */
    static Media photo(URI url) {
        return media(MediaFile.photo(url));
    }

    /**
     * A photo uploaded from a file, without caption.
     *
     * @param file a readable image file; read now
     * @return the reply
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    static Media photo(Path file) {
        return media(MediaFile.photo(file));
    }

    /**
     * A short notice answering the button press that invoked the handler (Telegram shows it
     * briefly over the chat: answerCallbackQuery's {@code text}). Dropped for any other event, which
     * has no press to answer.
     *
     * @param text at most 200 characters; not blank
     * @return the reply
     */
    static Notice notice(String text) {
        return new Notice(text, false);
    }

    /**
     * New buttons for the message whose button was pressed, its text unchanged (Telegram:
     * editMessageReplyMarkup); no rows removes the buttons. Dropped for any other event and on
     * platforms without buttons.
     *
     * @param row the buttons of the only row; none to remove every button
     * @return the reply
     */
    static Keyboard keyboard(Button... row) {
        return new Keyboard(row.length == 0 ? List.of() : List.of(List.of(row)));
    }

    /**
     * Several replies, sent in order.
     *
     * @param replies the replies; nested ones are flattened and {@link None} is dropped
     * @return the combined reply; {@link None} when nothing is left
     */
    static Reply of(Reply... replies) {
        return Many.of(Arrays.asList(replies));
    }

    /**
     * Several replies, sent in order.
     *
     * @param replies the replies; nested ones are flattened and {@link None} is dropped
     * @return the combined reply; {@link None} when nothing is left
     */
    static Reply of(List<? extends Reply> replies) {
        return Many.of(replies);
    }

    /**
     * No reply.
     *
     * @return {@link None#INSTANCE}
     */
    static Reply none() {
        return None.INSTANCE;
    }

    /**
     * The parts of this reply, flattened, in order; empty for {@link None}.
     *
     * @return the parts to send, in order
     */
    List<Single> parts();

    /**
     * The text parts of this reply, flattened, in order.
     *
     * @return the {@link Text} parts only; empty when there are none
     */
    default List<Text> texts() {
        List<Text> texts = new ArrayList<>();
        for (Single part : parts()) {
            if (part instanceof Text text) {
                texts.add(text);
            }
        }
        return texts;
    }

    /**
     * A text reply.
     *
     * @param text the text; not blank
     * @param format how the text is marked up
     * @param buttons rows of buttons under the text; empty for none
     * @param edit whether it replaces the message whose button was pressed ({@link #asEdit()})
     * @param question whether the text asks the user for an answer (see {@link
     *     HandlerContext#ask}): where the platform has it, the user is prompted to reply (Telegram's
     *     {@code force_reply} in groups), so the answer reaches a bot that sees only replies
     * @param ephemeral whether only the user it answers sees it ({@link #asEphemeral()})
     */
    record Text(String text, Format format, List<List<Button>> buttons, boolean edit, boolean question,
            boolean ephemeral) implements Single {

        /**
         * Validates and copies the components.
         *
         * @param text the text; not blank
         * @param format how the text is marked up
         * @param buttons rows of buttons under the text; empty for none
         * @param edit whether it replaces the message whose button was pressed
         * @param question whether the text asks the user for an answer
         * @param ephemeral whether only the user it answers sees it
         * @throws IllegalArgumentException if the text is blank
         * @throws NullPointerException if a component is {@code null}
         */
        public Text {
            notNull(text, "text");
            notNull(format, "format");
            notNull(buttons, "buttons");
            if (text.isBlank()) {
                throw new IllegalArgumentException("reply text must not be blank");
            }
            buttons = buttons.isEmpty() ? List.of() : buttons.stream().map(List::copyOf).toList();
        }

        /**
         * A reply everyone in the chat sees.
         *
         * @param text the text; not blank
         * @param format how the text is marked up
         * @param buttons rows of buttons under the text; empty for none
         * @param edit whether it replaces the message whose button was pressed
         * @param question whether the text asks the user for an answer
         * @throws IllegalArgumentException if the text is blank
         * @throws NullPointerException if a component is {@code null}
         */
        public Text(String text, Format format, List<List<Button>> buttons, boolean edit, boolean question) {
            this(text, format, buttons, edit, question, false);
        }

        /**
         * A new message (not an edit) that asks nothing.
         *
         * @param text the text; not blank
         * @param format how the text is marked up
         * @param buttons rows of buttons under the text; empty for none
         * @throws IllegalArgumentException if the text is blank
         * @throws NullPointerException if a component is {@code null}
         */
        public Text(String text, Format format, List<List<Button>> buttons) {
            this(text, format, buttons, false, false, false);
        }

        /**
         * A copy that asks the user for an answer; {@link HandlerContext#ask} marks its question so.
         *
         * @return a new reply; this one is unchanged
         */
        public Text asQuestion() {
            return new Text(text, format, buttons, edit, true, ephemeral);
        }

        /**
         * A copy with one more row of buttons.
         *
         * @param row the buttons of the new row, left to right
         * @return a new reply; this one is unchanged
         */
        public Text withButtons(Button... row) {
            List<List<Button>> rows = new ArrayList<>(buttons);
            rows.add(List.of(row));
            return new Text(text, format, rows, edit, question, ephemeral);
        }

        /**
         * A copy that, answering a button press, replaces the text and buttons of the message that
         * carried the button (Telegram: editMessageText) instead of sending a new one. Answering
         * anything else, or where the platform cannot edit, it is sent as a new message.
         *
         * @return a new reply; this one is unchanged
         */
        public Text asEdit() {
            return new Text(text, format, buttons, true, question, ephemeral);
        }

        /**
         * A copy that only the user it answers sees, where the platform can show such a reply
         * (Discord: the answer to a slash command or a button press, with "Only you can see this").
         * Elsewhere, and for a message the bot sends on its own, it is an ordinary message that the
         * whole chat sees: keep secrets out of it. See {@link Capabilities#ephemeral()}.
         *
         * <pre>{@code
         * return Reply.text("Your balance: 42 coins").asEphemeral();
         * }</pre>
         *
         * @return a new reply; this one is unchanged
         */
        public Text asEphemeral() {
            return new Text(text, format, buttons, edit, question, true);
        }

        /**
         * True when the reply carries buttons.
         *
         * @return whether there is at least one row of buttons
         */
        public boolean hasButtons() {
            return !buttons.isEmpty();
        }

        @Override
        public List<Single> parts() {
            return List.of(this);
        }

        @Override
        public List<Text> texts() {
            return List.of(this);
        }
    }

    /**
     * A photo or document with an optional caption. Where the platform has no media (Twitch) it
     * becomes its caption plus the URL when it has one, or the file's name: never nothing.
     *
     * @param file the file and where its bytes come from
     * @param caption the caption; empty for none
     * @param format how the caption is marked up
     * @param buttons rows of buttons under it; empty for none
     */
    record Media(MediaFile file, String caption, Format format, List<List<Button>> buttons) implements Single {

        /**
         * Validates and copies the components.
         *
         * @param file the file
         * @param caption the caption; empty for none
         * @param format how the caption is marked up
         * @param buttons rows of buttons; empty for none
         * @throws NullPointerException if a component is {@code null}
         */
        public Media {
            notNull(file, "file");
            notNull(caption, "caption");
            notNull(format, "format");
            buttons = notNull(buttons, "buttons").isEmpty() ? List.of() : buttons.stream().map(List::copyOf).toList();
        }

        /**
         * A copy with a plain-text caption.
         *
         * @param text the caption (Telegram: at most 1024 characters)
         * @return a new reply; this one is unchanged
         */
        public Media withCaption(String text) {
            return new Media(file, text, Format.PLAIN, buttons);
        }

        /**
         * A copy with a marked-up caption.
         *
         * @param captionFormat how {@code text} is marked up
         * @param text the caption
         * @return a new reply; this one is unchanged
         */
        public Media withCaption(Format captionFormat, String text) {
            return new Media(file, text, captionFormat, buttons);
        }

        /**
         * A copy with one more row of buttons.
         *
         * @param row the buttons of the new row, left to right
         * @return a new reply; this one is unchanged
         */
        public Media withButtons(Button... row) {
            List<List<Button>> rows = new ArrayList<>(buttons);
            rows.add(List.of(row));
            return new Media(file, caption, format, rows);
        }

        @Override
        public List<Single> parts() {
            return List.of(this);
        }
    }

    /**
     * A short notice answering the button press (Telegram: answerCallbackQuery with {@code text},
     * and {@code show_alert} for an alert the user must close).
     *
     * @param text the notice; not blank
     * @param alert whether it is an alert to dismiss rather than a passing notice
     */
    record Notice(String text, boolean alert) implements Single {

        /**
         * Validates the components.
         *
         * @param text the notice; not blank
         * @param alert whether it is an alert
         * @throws IllegalArgumentException if the text is blank
         */
        public Notice {
            notBlank(text, "text");
        }

        /**
         * A copy shown as an alert the user must dismiss.
         *
         * @return a new reply; this one is unchanged
         */
        public Notice asAlert() {
            return new Notice(text, true);
        }

        @Override
        public List<Single> parts() {
            return List.of(this);
        }
    }

    /**
     * New buttons for the message whose button was pressed, its text unchanged.
     *
     * @param buttons the new rows; empty removes every button
     */
    record Keyboard(List<List<Button>> buttons) implements Single {

        /**
         * Copies the components.
         *
         * @param buttons the new rows; empty removes every button
         */
        public Keyboard {
            buttons = notNull(buttons, "buttons").isEmpty() ? List.of() : buttons.stream().map(List::copyOf).toList();
        }

        @Override
        public List<Single> parts() {
            return List.of(this);
        }
    }

    /**
     * Several replies, sent in order.
     *
     * @param replies the parts; nested {@code Many} are flattened
     */
    record Many(List<Single> replies) implements Reply {

        /**
         * Copies the components.
         *
         * @param replies the parts, in order; copied
         */
        public Many {
            replies = List.copyOf(replies);
        }

        static Reply of(List<? extends Reply> replies) {
            List<Single> flat = new ArrayList<>();
            for (Reply reply : replies) {
                flat.addAll(notNull(reply, "reply").parts());
            }
            return flat.isEmpty() ? None.INSTANCE : new Many(flat);
        }

        @Override
        public List<Single> parts() {
            return replies;
        }
    }

    /** No reply at all. */
    enum None implements Reply {
        /** The only instance. */
        INSTANCE;

        @Override
        public List<Single> parts() {
            return List.of();
        }
    }
}
