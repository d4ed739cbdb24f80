package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Attachment;
import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PlatformEvent;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import dev.chorusbot.telegram.TelegramAdapter;
import dev.chorusbot.telegram.TelegramCallbackQuery;
import dev.chorusbot.telegram.TelegramChat;
import dev.chorusbot.telegram.TelegramMessage;
import dev.chorusbot.telegram.TelegramUpdate;
import dev.chorusbot.telegram.TelegramUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.Supplier;

/** Turns a {@link TelegramUpdate} into the neutral event the bot handles, or nothing. */
public final class EventMapper {
    /** The Telegram platform. */
    public static final Platform TELEGRAM = TelegramAdapter.PLATFORM;

    private static final Map<String, Optional<Locale>> LOCALES = new ConcurrentHashMap<>();

    private final boolean editedMessages;
    private final Supplier<Instant> clock; // button press times: a callback_query carries no date

    /** A mapper; {@code editedMessages} turns edits into messages. */
    public EventMapper(boolean editedMessages, Supplier<Instant> clock) {
        this.editedMessages = editedMessages;
        this.clock = clock;
    }

    /**
     * The event for {@code update}: a {@link Message} for messages and channel posts (edits when
     * enabled), a {@link ButtonPress} for callback queries with data on a visible message, a
     * {@link PlatformEvent} for the other known kinds; empty for kinds this version does not know
     * and for edits when they are off.
     */
    public Optional<InboundEvent> map(TelegramUpdate update) {
        return map(update, null);
    }

    /** As {@link #map(TelegramUpdate)} for a body read by {@link UpdateReader#read}, with the files it read. */
    public Optional<InboundEvent> map(UpdateReader.Read read) {
        return map(read.update(), read.attachments());
    }

    private Optional<InboundEvent> map(TelegramUpdate update, List<Attachment> files) {
        String kind = update.kind();
        switch (kind) {
            case "message", "channel_post":
                return Optional.of(message(update, update.message().orElseThrow(), false, files));
            case "edited_message", "edited_channel_post":
                return editedMessages
                        ? Optional.of(message(update, update.message().orElseThrow(), true, files))
                        : Optional.empty();
            case "callback_query":
                TelegramCallbackQuery query = update.callbackQuery().orElseThrow();
                if (query.data().isPresent() && query.message().isPresent()) {
                    TelegramMessage carrier = query.message().get();
                    return Optional.of(new ButtonPress(TELEGRAM, query.id(), chat(carrier),
                            user(query.from(), carrier.chat()), query.data().get(),
                            Optional.of(Long.toString(carrier.messageId())), clock.get(), update));
                }
                return Optional.of(platformEvent(update)); // inline-mode buttons, game buttons
            default:
                return UpdateReader.KNOWN_KINDS.contains(kind) ? Optional.of(platformEvent(update)) : Optional.empty();
        }
    }

    /** {@code files}: the message's files when already read, else null to read them from the tree. */
    private static Message message(TelegramUpdate update, TelegramMessage m, boolean edited, List<Attachment> files) {
        User sender;
        if (m.senderChat().isPresent() || m.from().isEmpty()) {
            // Sent on behalf of a chat (Bot API, Message.sender_chat): a channel post, a user posting
            // as their channel, or an anonymous administrator. "from" then holds a fake user kept
            // for backward compatibility (@GroupAnonymousBot, @Channel_Bot) shared by everyone who
            // posts that way, so the chat speaks. When it is the chat itself, the sender is one of
            // its administrators (only they post anonymously, or in a channel): a moderator.
            TelegramChat speaker = m.senderChat().orElse(m.chat());
            Set<Role> roles = speaker.id() == m.chat().id() ? Set.of(Role.MODERATOR) : Set.of();
            sender = new User(Long.toString(speaker.id()), speaker.username().orElse(""), speaker.title(), roles);
        } else {
            sender = user(m.from().get(), m.chat());
        }
        // An edit keeps its message_id; its own id must differ so de-duplication keeps it.
        String id = edited
                ? m.messageId() + ":" + m.editDate().orElse(0L)
                : Long.toString(m.messageId());
        return new Message(TELEGRAM, id, chat(m), sender, m.text(), Instant.ofEpochSecond(m.date()),
                m.replyToMessageId().map(Object::toString), update,
                files != null ? files : attachments(update.payload()));
    }

    private static final String[][] FILE_FIELDS = {
        {"document", "DOCUMENT"}, {"audio", "AUDIO"}, {"video", "VIDEO"}, {"voice", "VOICE"},
        {"animation", "ANIMATION"}, {"sticker", "STICKER"}, {"video_note", "VIDEO_NOTE"},
    };

    /**
     * The files of a Bot API {@code Message}: its {@code photo} (the largest of the sizes Telegram
     * sends, which come smallest first), {@code document}, {@code audio}, {@code video}, {@code
     * voice}, {@code animation}, {@code sticker} and {@code video_note}. A message with an
     * animation also carries it as a document; it is listed once, as the animation.
     */
    static List<Attachment> attachments(JsonNode m) {
        if (m == null || !m.isObject()) {
            return List.of();
        }
        List<Attachment> found = null; // made only for a message with files: text is the common case
        JsonNode photo = m.get("photo");
        if (photo != null && photo.isArray() && photo.size() > 0) {
            found = new ArrayList<>(1);
            attachment(photo.get(photo.size() - 1), Attachment.Kind.PHOTO).ifPresent(found::add);
        }
        for (String[] field : FILE_FIELDS) {
            if (field[0].equals("document") && m.has("animation")) {
                continue;
            }
            JsonNode file = m.get(field[0]);
            if (file != null && file.isObject()) {
                if (found == null) {
                    found = new ArrayList<>(1);
                }
                attachment(file, Attachment.Kind.valueOf(field[1])).ifPresent(found::add);
            }
        }
        return found == null ? List.of() : found;
    }

    private static Optional<Attachment> attachment(JsonNode file, Attachment.Kind kind) {
        String id = file.path("file_id").asText("");
        if (id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Attachment(kind, id,
                file.hasNonNull("file_size") ? OptionalLong.of(file.get("file_size").asLong()) : OptionalLong.empty(),
                file.hasNonNull("file_name") ? Optional.of(file.get("file_name").asText()) : Optional.empty(),
                file.hasNonNull("mime_type") ? Optional.of(file.get("mime_type").asText()) : Optional.empty()));
    }

    /** The neutral chat of a message: forum-topic messages keep their topic so answers go there. */
    static Chat chat(TelegramMessage m) {
        Chat chat = chat(m.chat());
        if (m.isTopicMessage() && m.messageThreadId().isPresent()) {
            chat = chat.withThread(Long.toString(m.messageThreadId().get()));
        }
        return chat;
    }

    static Chat chat(TelegramChat c) {
        Chat.Kind kind = switch (c.type()) {
            case "private" -> Chat.Kind.PRIVATE;
            case "channel" -> Chat.Kind.CHANNEL;
            default -> Chat.Kind.GROUP; // group, supergroup
        };
        return Chat.of(Long.toString(c.id()), kind, c.title());
    }

    /** The neutral user; in a private chat the user owns the chat. */
    static User user(TelegramUser u, TelegramChat where) {
        Set<Role> roles = where.type().equals("private") && where.id() == u.id() ? Set.of(Role.OWNER) : Set.of();
        return new User(Long.toString(u.id()), u.username().orElse(""), u.displayName(), roles, locale(u));
    }

    /** The user's language from {@code language_code} (an IETF tag such as {@code de} or {@code pt-br}). */
    static Optional<Locale> locale(TelegramUser u) {
        if (u.languageCode().isEmpty()) {
            return Optional.empty();
        }
        String code = u.languageCode().get();
        Optional<Locale> locale = LOCALES.get(code);
        if (locale == null) {
            // Parsed once per tag: a handful of languages speak to a bot, and every message carries one.
            locale = Optional.of(Locale.forLanguageTag(code)).filter(l -> !l.getLanguage().isEmpty());
            if (LOCALES.size() < 1_000) {
                LOCALES.put(code, locale);
            }
        }
        return locale;
    }

    private static PlatformEvent platformEvent(TelegramUpdate update) {
        JsonNode payload = update.payload();
        Optional<Chat> chat = Optional.empty();
        Optional<User> sender = Optional.empty();
        try {
            TelegramChat tc = null;
            if (payload.path("chat").isObject()) {
                tc = UpdateReader.chat(payload.get("chat"));
                chat = Optional.of(chat(tc));
            } else if (payload.path("message").path("chat").isObject()) {
                tc = UpdateReader.chat(payload.get("message").get("chat"));
                chat = Optional.of(chat(tc));
            }
            for (String field : new String[] {"from", "user"}) {
                if (payload.path(field).isObject()) {
                    TelegramUser u = UpdateReader.user(payload.get(field));
                    sender = Optional.of(tc != null ? user(u, tc)
                            : new User(Long.toString(u.id()), u.username().orElse(""), u.displayName(), Set.of(),
                                    locale(u)));
                    break;
                }
            }
        } catch (RuntimeException e) {
            // The payload's chat or user is not shaped as expected: the event still reaches handlers raw.
            chat = Optional.empty();
            sender = Optional.empty();
        }
        return new PlatformEvent(TELEGRAM, update.kind(), Long.toString(update.updateId()), chat, sender, update);
    }
}
