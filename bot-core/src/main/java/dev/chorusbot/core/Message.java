package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A chat message, in platform-neutral terms.
 *
 * <pre>{@code
 * Optional<TelegramUpdate> update = message.unwrap(TelegramUpdate.class);
 * }</pre>
 *
 * @param platform where the message was sent
 * @param id the platform's message id
 * @param chat the chat it was sent in (with its thread, if any)
 * @param sender who sent it
 * @param text its text, possibly empty (a photo without caption)
 * @param time when the platform says it was sent
 * @param replyToId the id of the message this one answers, if any
 * @param raw the platform's own object; see {@link #unwrap(Class)}
 * @param attachments the files that came with it (a photo, a document), in the platform's order;
 *     empty for plain text. {@code text} is then the caption, if any
 */
@Api(Api.Status.STABLE)
public record Message(
        Platform platform,
        String id,
        Chat chat,
        User sender,
        String text,
        Instant time,
        Optional<String> replyToId,
        Object raw,
        List<Attachment> attachments)
        implements InboundEvent {

    /**
     * Validates the components; {@code raw} may be null.
     *
     * @param platform where the message was sent
     * @param id the platform's message id
     * @param chat the chat it was sent in
     * @param sender who sent it
     * @param text its text, possibly empty
     * @param time when the platform says it was sent
     * @param replyToId the id of the message this one answers, or empty
     * @param raw the platform's own object, or {@code null}
     * @param attachments the files that came with it; copied
     * @throws NullPointerException if any component other than {@code raw} is {@code null}
     */
    public Message {
        attachments = List.copyOf(notNull(attachments, "attachments"));
        notNull(platform, "platform");
        notNull(id, "id");
        notNull(chat, "chat");
        notNull(sender, "sender");
        notNull(text, "text");
        notNull(time, "time");
        notNull(replyToId, "replyToId");
    }

    /**
     * A message without attachments.
     *
     * @param platform where the message was sent
     * @param id the platform's message id
     * @param chat the chat it was sent in
     * @param sender who sent it
     * @param text its text, possibly empty
     * @param time when the platform says it was sent
     * @param replyToId the id of the message this one answers, or empty
     * @param raw the platform's own object, or {@code null}
     * @throws NullPointerException if any component other than {@code raw} is {@code null}
     */
    public Message(Platform platform, String id, Chat chat, User sender, String text, Instant time,
            Optional<String> replyToId, Object raw) {
        this(platform, id, chat, sender, text, time, replyToId, raw, List.of());
    }

    @Override
    public Optional<Chat> inChat() {
        return Optional.of(chat);
    }

    @Override
    public String orderingKey() {
        return platform.id() + ':' + chat.id();
    }

    /**
     * A copy with other text; everything else is kept.
     *
     * @param newText the new text, possibly empty
     * @return a new message; this one is unchanged
     */
    public Message withText(String newText) {
        return new Message(platform, id, chat, sender, newText, time, replyToId, raw, attachments);
    }

    /**
     * A copy with another sender (for example with roles the adapter looked up).
     *
     * @param newSender the sender to put in place
     * @return a new message; this one is unchanged
     */
    public Message withSender(User newSender) {
        return new Message(platform, id, chat, newSender, text, time, replyToId, raw, attachments);
    }

    /**
     * A plain message with no reply-to and no platform object; handy in tests.
     *
     * @param platform where the message was sent
     * @param id the message id
     * @param chat the chat it was sent in
     * @param sender who sent it
     * @param text its text, possibly empty
     * @return a message stamped with the current time
     */
    public static Message of(Platform platform, String id, Chat chat, User sender, String text) {
        return new Message(platform, id, chat, sender, text, Instant.now(), Optional.empty(), null);
    }
}
