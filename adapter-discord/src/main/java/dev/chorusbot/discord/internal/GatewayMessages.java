package dev.chorusbot.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Attachment;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.User;
import dev.chorusbot.discord.Discord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * MESSAGE_CREATE as a Chorus {@link Message}: the chat is the channel (private without a
 * {@code guild_id}, a group in a guild), the sender the author with the member's nickname and
 * roles, the attachments as {@link Attachment}s, the raw object the event's JSON
 * ({@code unwrap(JsonNode.class)}).
 */
final class GatewayMessages {
    /** Message types: DEFAULT (0) and REPLY (19) are what users write; the rest are system messages. */
    private static final int DEFAULT = 0;
    private static final int REPLY = 19;
    /** Message flag IS_VOICE_MESSAGE: the one attachment is a voice message. */
    private static final int VOICE_MESSAGE = 1 << 13;

    private final GuildDirectory guilds;
    private final boolean answerBots;

    GatewayMessages(GuildDirectory guilds, boolean answerBots) {
        this.guilds = guilds;
        this.answerBots = answerBots;
    }

    /**
     * The message, or empty for one the bot does not handle: its own, another bot's or a
     * webhook's (unless bots are answered), a system message, or one without author or channel.
     *
     * @param d MESSAGE_CREATE's data
     * @param selfId the bot user's id, or null before READY
     * @param now the time to use when the timestamp cannot be read
     */
    Optional<Message> map(JsonNode d, String selfId, Instant now) {
        JsonNode author = d.path("author");
        String channelId = d.path("channel_id").asText("");
        String id = d.path("id").asText("");
        int type = d.path("type").asInt(DEFAULT);
        if (!author.hasNonNull("id") || channelId.isEmpty() || id.isEmpty() || (type != DEFAULT && type != REPLY)) {
            return Optional.empty();
        }
        String authorId = author.path("id").asText();
        if (authorId.equals(selfId)) {
            return Optional.empty();
        }
        boolean bot = author.path("bot").asBoolean(false) || d.hasNonNull("webhook_id");
        if (bot && !answerBots) {
            return Optional.empty();
        }
        String guildId = d.path("guild_id").asText("");
        JsonNode member = d.get("member");
        Chat chat = Chat.of(channelId, guildId.isEmpty() ? Chat.Kind.PRIVATE : Chat.Kind.GROUP, "");
        Set<dev.chorusbot.core.Role> roles = guildId.isEmpty() ? Set.of()
                : guilds.roles(guildId, authorId, member == null ? null : member.get("roles"));
        User sender = DiscordUsers.user(author, guildId.isEmpty() ? null : member, roles);
        Optional<String> replyTo = Optional.ofNullable(d.path("message_reference").get("message_id"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
        return Optional.of(new Message(Discord.PLATFORM, id, chat, sender, d.path("content").asText(""),
                time(d.path("timestamp").asText(""), now), replyTo, d, attachments(d)));
    }

    /**
     * The message's {@code attachments}: each file's CDN {@code url} as its id (what fetches it),
     * with {@code size}, {@code filename} and {@code content_type}; the kind from the content type,
     * or a voice message from the message's flags. An attachment without a url is skipped.
     */
    static List<Attachment> attachments(JsonNode d) {
        JsonNode files = d.get("attachments");
        if (files == null || !files.isArray() || files.isEmpty()) {
            return List.of();
        }
        boolean voice = (d.path("flags").asLong(0) & VOICE_MESSAGE) != 0;
        List<Attachment> found = new ArrayList<>(files.size());
        for (JsonNode file : files) {
            String url = file.path("url").asText("");
            if (url.isBlank()) {
                continue;
            }
            Optional<String> type = text(file, "content_type");
            found.add(new Attachment(voice ? Attachment.Kind.VOICE : kind(type.orElse("")), url,
                    file.path("size").canConvertToLong() ? OptionalLong.of(file.get("size").asLong()) : OptionalLong.empty(),
                    text(file, "filename"), type));
        }
        return found;
    }

    private static Attachment.Kind kind(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/gif")) {
            return Attachment.Kind.ANIMATION;
        }
        if (type.startsWith("image/")) {
            return Attachment.Kind.PHOTO;
        }
        if (type.startsWith("video/")) {
            return Attachment.Kind.VIDEO;
        }
        if (type.startsWith("audio/")) {
            return Attachment.Kind.AUDIO;
        }
        return Attachment.Kind.DOCUMENT;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText())
                : Optional.empty();
    }

    /** Discord's ISO 8601 timestamp, such as {@code 2026-12-07T12:00:00.123000+00:00}. */
    private static Instant time(String timestamp, Instant now) {
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return now;
        }
    }
}
