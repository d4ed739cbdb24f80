package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.List;
import java.util.Optional;

/**
 * One message ready for an adapter to send: already split to the platform's length, with buttons
 * only where the platform has them and a format it renders. Three shapes:
 *
 * <ul>
 *   <li>a text message: {@code media} and {@code editId} empty;</li>
 *   <li>a photo or document: {@code media} present, {@code text} its caption (may be empty); only
 *       on platforms whose {@link Capabilities#media()} say so;</li>
 *   <li>an edit of the bot's message {@code editId}: its new {@code text} and {@code buttons}, or,
 *       with empty text, its new buttons only; only where {@link Capabilities#edits()} say so.</li>
 * </ul>
 *
 * @param chat where to send it (with its thread, if any)
 * @param text the text (or caption), within the platform's length limit
 * @param format a format the platform renders
 * @param buttons rows of buttons, empty where the platform has none
 * @param replyToId the message to thread this one under, if any
 * @param media the photo or document to send, if any
 * @param editId the id of the bot's message this one replaces, if it is an edit
 * @param question whether the message asks the user for an answer ({@link Reply.Text#question()}):
 *     an adapter prompts the user to reply where its platform can (Telegram's {@code force_reply})
 * @param ephemeral whether only the user the message answers sees it ({@link Reply.Text#asEphemeral()});
 *     set only for platforms whose {@link Capabilities#ephemeral()} say so
 */
@Api(Api.Status.EXPERIMENTAL)
public record Outbound(
        Chat chat, String text, Format format, List<List<Button>> buttons, Optional<String> replyToId,
        Optional<MediaFile> media, Optional<String> editId, boolean question, boolean ephemeral) {

    /**
     * Validates and copies the components.
     *
     * @param chat where to send it
     * @param text the text; the adapter sends it as is
     * @param format how the text is marked up
     * @param buttons rows of buttons; copied, empty for none
     * @param replyToId the message to thread this one under, or empty
     * @param media the photo or document, or empty
     * @param editId the message this one replaces, or empty
     * @param question whether the message asks the user for an answer
     * @param ephemeral whether only the user the message answers sees it
     * @throws IllegalArgumentException if it is both media and an edit
     * @throws NullPointerException if a component is {@code null}
     */
    public Outbound {
        notNull(chat, "chat");
        notNull(text, "text");
        notNull(format, "format");
        buttons = notNull(buttons, "buttons").isEmpty() ? List.of() : buttons.stream().map(List::copyOf).toList();
        notNull(replyToId, "replyToId");
        notNull(media, "media");
        notNull(editId, "editId");
        if (media.isPresent() && editId.isPresent()) {
            throw new IllegalArgumentException("an outbound message is either media or an edit, not both");
        }
    }

    /**
     * A message that the whole chat sees.
     *
     * @param chat where to send it
     * @param text the text; the adapter sends it as is
     * @param format how the text is marked up
     * @param buttons rows of buttons; copied, empty for none
     * @param replyToId the message to thread this one under, or empty
     * @param media the photo or document, or empty
     * @param editId the message this one replaces, or empty
     * @param question whether the message asks the user for an answer
     * @throws IllegalArgumentException if it is both media and an edit
     * @throws NullPointerException if a component is {@code null}
     */
    public Outbound(Chat chat, String text, Format format, List<List<Button>> buttons, Optional<String> replyToId,
            Optional<MediaFile> media, Optional<String> editId, boolean question) {
        this(chat, text, format, buttons, replyToId, media, editId, question, false);
    }

    /**
     * A text message.
     *
     * @param chat where to send it
     * @param text the text
     * @param format how the text is marked up
     * @param buttons rows of buttons; empty for none
     * @param replyToId the message to thread this one under, or empty
     */
    public Outbound(Chat chat, String text, Format format, List<List<Button>> buttons, Optional<String> replyToId) {
        this(chat, text, format, buttons, replyToId, Optional.empty(), Optional.empty(), false);
    }

    /**
     * A photo, a document or an edit, which asks nothing.
     *
     * @param chat where to send it
     * @param text the text or caption
     * @param format how the text is marked up
     * @param buttons rows of buttons; empty for none
     * @param replyToId the message to thread this one under, or empty
     * @param media the photo or document, or empty
     * @param editId the message this one replaces, or empty
     */
    public Outbound(Chat chat, String text, Format format, List<List<Button>> buttons, Optional<String> replyToId,
            Optional<MediaFile> media, Optional<String> editId) {
        this(chat, text, format, buttons, replyToId, media, editId, false);
    }

    /**
     * True when this replaces the buttons of message {@link #editId()} and leaves its text.
     *
     * @return whether it is an edit without text
     */
    public boolean isKeyboardEdit() {
        return editId.isPresent() && text.isEmpty();
    }

    /**
     * A text message that may ask the user for an answer.
     *
     * @param chat where to send it
     * @param text the text; the adapter sends it as is
     * @param format how the text is marked up
     * @param buttons rows of buttons; copied, empty for none
     * @param replyToId the message to thread this one under, or empty
     * @param question whether the message asks the user for an answer
     * @throws NullPointerException if a component is {@code null}
     */
    public Outbound(Chat chat, String text, Format format, List<List<Button>> buttons, Optional<String> replyToId,
            boolean question) {
        this(chat, text, format, buttons, replyToId, Optional.empty(), Optional.empty(), question);
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
        return new Outbound(newChat, text, format, buttons, replyToId, media, editId, question, ephemeral);
    }

    /**
     * A copy with other text.
     *
     * @param newText the text to send instead
     * @return a new message; this one is unchanged
     */
    public Outbound withText(String newText) {
        return new Outbound(chat, newText, format, buttons, replyToId, media, editId, question, ephemeral);
    }
}
