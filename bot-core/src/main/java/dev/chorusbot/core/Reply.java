package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a handler answers: a {@link Text}, several replies ({@link Many}) or nothing ({@link None}).
 * Adapters render replies for their platform; what a platform lacks (buttons, a format) is
 * degraded to text instead of failing.
 *
 * <pre>{@code
 * return Reply.text("You rolled 7").withButtons(Button.of("Roll again", "roll 2d6"));
 * }</pre>
 */
@Api(Api.Status.STABLE)
public sealed interface Reply permits Reply.Text, Reply.Many, Reply.None {

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
     * The replies this one consists of, flattened, in order; empty for {@link None}.
     *
     * @return the text replies to send, in order
     */
    List<Text> texts();

    /**
     * A text reply.
     *
     * @param text the text; not blank
     * @param format how the text is marked up
     * @param buttons rows of buttons under the text; empty for none
     * @param question whether the text asks the user for an answer (see {@link
     *     HandlerContext#ask}): where the platform has it, the user is prompted to reply (Telegram's
     *     {@code force_reply} in groups), so the answer reaches a bot that sees only replies
     */
    record Text(String text, Format format, List<List<Button>> buttons, boolean question) implements Reply {

        /**
         * Validates and copies the components.
         *
         * @param text the text; not blank
         * @param format how the text is marked up
         * @param buttons rows of buttons under the text; empty for none
         * @param question whether the text asks the user for an answer
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
         * A text that asks nothing.
         *
         * @param text the text; not blank
         * @param format how the text is marked up
         * @param buttons rows of buttons under the text; empty for none
         * @throws IllegalArgumentException if the text is blank
         * @throws NullPointerException if a component is {@code null}
         */
        public Text(String text, Format format, List<List<Button>> buttons) {
            this(text, format, buttons, false);
        }

        /**
         * A copy that asks the user for an answer; {@link HandlerContext#ask} marks its question so.
         *
         * @return a new reply; this one is unchanged
         */
        public Text asQuestion() {
            return new Text(text, format, buttons, true);
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
            return new Text(text, format, rows, question);
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
        public List<Text> texts() {
            return List.of(this);
        }
    }

    /**
     * Several replies, sent in order.
     *
     * @param replies the replies; nested {@code Many} are flattened
     */
    record Many(List<Text> replies) implements Reply {

        /**
         * Copies the components.
         *
         * @param replies the text replies, in order; copied
         */
        public Many {
            replies = List.copyOf(replies);
        }

        static Reply of(List<? extends Reply> replies) {
            List<Text> flat = new ArrayList<>();
            for (Reply reply : replies) {
                flat.addAll(notNull(reply, "reply").texts());
            }
            return flat.isEmpty() ? None.INSTANCE : new Many(flat);
        }

        @Override
        public List<Text> texts() {
            return replies;
        }
    }

    /** No reply at all. */
    enum None implements Reply {
        /** The only instance. */
        INSTANCE;

        @Override
        public List<Text> texts() {
            return List.of();
        }
    }
}
