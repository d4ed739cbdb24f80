package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.Optional;

/**
 * A conversation: a private chat, a group or a channel.
 *
 * @param id the platform's chat id as a string (a Telegram chat id, a Twitch channel login)
 * @param kind what sort of chat it is
 * @param title the chat's title, or an empty string
 * @param threadId the thread or forum topic inside the chat, if any (Telegram's message_thread_id)
 */
@Api(Api.Status.STABLE)
public record Chat(String id, Kind kind, String title, Optional<String> threadId) {

    /** What sort of conversation a chat is. */
    public enum Kind {
        /** A conversation between one user and the bot. */
        PRIVATE,
        /** A group, supergroup or a Twitch channel's chat room. */
        GROUP,
        /** A broadcast channel where only admins post. */
        CHANNEL
    }

    /**
     * Validates the components.
     *
     * @param id the platform's chat id as a string
     * @param kind what sort of chat it is
     * @param title the chat's title, or an empty string
     * @param threadId the thread or forum topic inside the chat, or empty
     * @throws NullPointerException if a component is {@code null}
     */
    public Chat {
        notNull(id, "id");
        notNull(kind, "kind");
        notNull(title, "title");
        notNull(threadId, "threadId");
    }

    /**
     * A chat without a thread.
     *
     * @param id the platform's chat id as a string
     * @param kind what sort of chat it is
     * @param title the chat's title, or an empty string
     * @return the chat
     */
    public static Chat of(String id, Kind kind, String title) {
        return new Chat(id, kind, title, Optional.empty());
    }

    /**
     * A copy of this chat narrowed to a thread or forum topic.
     *
     * @param thread the thread or topic id, such as Telegram's {@code message_thread_id}
     * @return a new chat; this one is unchanged
     */
    public Chat withThread(String thread) {
        return new Chat(id, kind, title, Optional.of(thread));
    }
}
