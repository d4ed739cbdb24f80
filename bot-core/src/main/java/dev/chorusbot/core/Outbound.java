package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.List;
import java.util.Optional;

/**
 * One message ready for an adapter to send: already split to the platform's length, with buttons
 * only where the platform has them and a format it renders.
 *
 * @param chat where to send it (with its thread, if any)
 * @param text the text, within the platform's length limit
 * @param format a format the platform renders
 * @param buttons rows of buttons, empty where the platform has none
 * @param replyToId the message to thread this one under, if any
 * @param question whether the message asks the user for an answer ({@link Reply.Text#question()}):
 *     an adapter prompts the user to reply where its platform can (Telegram's {@code force_reply})
 */
@Api(Api.Status.EXPERIMENTAL)
public record Outbound(
        Chat chat, String text, Format format, List<List<Button>> buttons, Optional<String> replyToId,
        boolean question) {

    /**
     * Validates and copies the components.
     *
     * @param chat where to send it
     * @param text the text; the adapter sends it as is
     * @param format how the text is marked up
     * @param buttons rows of buttons; copied, empty for none
     * @param replyToId the message to thread this one under, or empty
     * @param question whether the message asks the user for an answer
     * @throws NullPointerException if a component is {@code null}
     */
    public Outbound {
        notNull(chat, "chat");
        notNull(text, "text");
        notNull(format, "format");
        buttons = notNull(buttons, "buttons").isEmpty() ? List.of() : buttons.stream().map(List::copyOf).toList();
        notNull(replyToId, "replyToId");
    }

    /**
     * A message that asks nothing.
     *
     * @param chat where to send it
     * @param text the text; the adapter sends it as is
     * @param format how the text is marked up
     * @param buttons rows of buttons; copied, empty for none
     * @param replyToId the message to thread this one under, or empty
     * @throws NullPointerException if a component is {@code null}
     */
    public Outbound(Chat chat, String text, Format format, List<List<Button>> buttons, Optional<String> replyToId) {
        this(chat, text, format, buttons, replyToId, false);
    }

    /**
     * A plain text message to {@code chat}, not threaded.
     *
     * @param chat where to send it
     * @param text the text, within the platform's length limit
     * @return the message, without buttons
     */
    public static Outbound text(Chat chat, String text) {
        return new Outbound(chat, text, Format.PLAIN, List.of(), Optional.empty());
    }

    /**
     * A copy sent to another chat (a Telegram group that migrated to a supergroup).
     *
     * @param newChat the chat to send to instead
     * @return a new message; this one is unchanged
     */
    public Outbound withChat(Chat newChat) {
        return new Outbound(newChat, text, format, buttons, replyToId, question);
    }

    /**
     * A copy with other text.
     *
     * @param newText the text to send instead
     * @return a new message; this one is unchanged
     */
    public Outbound withText(String newText) {
        return new Outbound(chat, newText, format, buttons, replyToId, question);
    }
}
