package dev.chorusbot.testkit.telegram;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a Message update field by field, for what {@link FakeTelegramServer#message} does not
 * cover: entities, a fixed date, an anonymous sender, a forum topic, an edit.
 *
 * <pre>{@code
 * FakeUpdate quoted = telegram.newMessage(chat, anna).text("/hello").entity("code", 0, 6).build();
 * }</pre>
 *
 * <p>Without {@link #entity} calls, a text starting with a command ({@code /hello},
 * {@code /hello@bot}) gets the {@code bot_command} entity Telegram adds.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class MessageBuilder {
    private static final Pattern COMMAND = Pattern.compile("^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?");

    private final UpdateFactory factory;
    private final FakeChat chat;
    private Optional<FakeUser> from;
    private Optional<FakeChat> senderChat = Optional.empty();
    private String text = "";
    private Optional<Long> thread = Optional.empty();
    private Optional<Long> date = Optional.empty();
    private Optional<Long> messageId = Optional.empty();
    private final List<String[]> entities = new ArrayList<>();
    private boolean edited;
    private FakeFile file;
    private boolean asPhoto;

    MessageBuilder(UpdateFactory factory, FakeChat chat, Optional<FakeUser> from) {
        this.factory = factory;
        this.chat = Objects.requireNonNull(chat, "chat");
        this.from = from;
    }

    /**
     * Attaches a photo, as a user sends one: the message's {@link #text(String)} becomes its
     * caption. Add the file to the fake first with {@link FakeTelegramServer#addFile}, so getFile
     * and the download find it.
     *
     * @param photo the image the user sends
     * @return this builder, for chaining
     */
    public MessageBuilder photo(FakeFile photo) {
        this.file = Objects.requireNonNull(photo, "photo");
        this.asPhoto = true;
        return this;
    }

    /**
     * Attaches a document; the message's {@link #text(String)} becomes its caption.
     *
     * @param document the file the user sends, added with {@link FakeTelegramServer#addFile}
     * @return this builder, for chaining
     */
    public MessageBuilder document(FakeFile document) {
        this.file = Objects.requireNonNull(document, "document");
        this.asPhoto = false;
        return this;
    }

    /**
     * The message text.
     *
     * @param value the text, sent as given; not null
     * @return this builder, for chaining
     */
    public MessageBuilder text(String value) {
        this.text = Objects.requireNonNull(value, "text");
        return this;
    }

    /**
     * Adds a MessageEntity; the first call replaces the {@code bot_command} entity the builder
     * would add.
     *
     * @param type such as {@code bot_command}, {@code code} or {@code mention}
     * @param offset the offset in UTF-16 code units, as Telegram counts (Java string indexes)
     * @param length the length in UTF-16 code units
     * @return this builder, for chaining
     */
    public MessageBuilder entity(String type, int offset, int length) {
        entities.add(new String[] {Objects.requireNonNull(type, "type"), Integer.toString(offset),
                Integer.toString(length)});
        return this;
    }

    /**
     * The sender; by default the user given when the builder was made.
     *
     * @param user the {@code from} user; not null
     * @return this builder, for chaining
     */
    public MessageBuilder from(FakeUser user) {
        this.from = Optional.of(Objects.requireNonNull(user, "user"));
        return this;
    }

    /**
     * Sent on behalf of a chat: an anonymous group administrator (the group itself) or a channel.
     *
     * @param sender the {@code sender_chat}; not null
     * @return this builder, for chaining
     */
    public MessageBuilder senderChat(FakeChat sender) {
        this.senderChat = Optional.of(Objects.requireNonNull(sender, "sender"));
        return this;
    }

    /**
     * Puts the message in a forum topic: {@code message_thread_id} and {@code is_topic_message}.
     *
     * @param threadId the topic's {@code message_thread_id}
     * @return this builder, for chaining
     */
    public MessageBuilder topic(long threadId) {
        this.thread = Optional.of(threadId);
        return this;
    }

    /**
     * The {@code date}; by default now.
     *
     * @param epochSeconds the Unix time in seconds, sent as given (even one out of range)
     * @return this builder, for chaining
     */
    public MessageBuilder date(long epochSeconds) {
        this.date = Optional.of(epochSeconds);
        return this;
    }

    /**
     * The {@code message_id}; by default a fresh one.
     *
     * @param id the message id
     * @return this builder, for chaining
     */
    public MessageBuilder messageId(long id) {
        this.messageId = Optional.of(id);
        return this;
    }

    /**
     * Makes it an {@code edited_message} update, with an {@code edit_date}.
     *
     * @return this builder, for chaining
     */
    public MessageBuilder edited() {
        this.edited = true;
        return this;
    }

    /**
     * The update: {@code message}, {@code edited_message}, or {@code channel_post} in a channel.
     *
     * @return the update with a fresh {@code update_id}; the chat becomes known to the fake
     */
    public FakeUpdate build() {
        ObjectNode m = TelegramJson.object();
        m.put("message_id", messageId.orElseGet(factory::nextMessageId));
        thread.ifPresent(t -> m.put("message_thread_id", t));
        from.ifPresent(f -> m.set("from", TelegramJson.user(f)));
        senderChat.ifPresent(s -> m.set("sender_chat", TelegramJson.chat(s)));
        m.set("chat", TelegramJson.chat(chat));
        long at = date.orElseGet(factory::now);
        m.put("date", at);
        if (edited) {
            m.put("edit_date", at);
        }
        thread.ifPresent(t -> m.put("is_topic_message", true));
        String textField = file == null ? "text" : "caption";
        if (file != null) {
            if (asPhoto) {
                // Telegram sends every size it made, smallest first; one size stands for them here.
                int[] size = BotApiMethods.imageSize(file.bytes());
                m.putArray("photo").addObject().put("file_id", file.fileId()).put("file_unique_id", file.fileUniqueId())
                        .put("file_size", file.bytes().length).put("width", size == null ? 1 : size[0])
                        .put("height", size == null ? 1 : size[1]);
            } else {
                ObjectNode d = m.putObject("document").put("file_id", file.fileId())
                        .put("file_unique_id", file.fileUniqueId()).put("file_size", file.bytes().length)
                        .put("mime_type", file.mimeType());
                file.fileName().ifPresent(n -> d.put("file_name", n));
            }
        }
        if (file == null || !text.isEmpty()) {
            m.put(textField, text);
        }
        if (!entities.isEmpty()) {
            ArrayNode list = m.putArray(file == null ? "entities" : "caption_entities");
            for (String[] e : entities) {
                list.addObject().put("type", e[0]).put("offset", Integer.parseInt(e[1]))
                        .put("length", Integer.parseInt(e[2]));
            }
        } else {
            Matcher command = COMMAND.matcher(text);
            if (command.find()) {
                // MessageEntity offsets and lengths are UTF-16 code units, as Java string indexes.
                m.putArray(file == null ? "entities" : "caption_entities").addObject().put("type", "bot_command").put("offset", 0)
                        .put("length", command.end());
            }
        }
        String kind = chat.type().equals("channel") ? "channel_post" : "message";
        return factory.update(edited ? "edited_" + kind : kind, m, chat);
    }
}
