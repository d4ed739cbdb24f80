package dev.chorusbot.testkit.telegram;

import dev.chorusbot.core.Api;

/**
 * A Telegram chat in the fake.
 *
 * @param id the chat id: the user's id for a private chat, negative for groups,
 *     {@code -100…} for supergroups and channels
 * @param type {@code private}, {@code group}, {@code supergroup} or {@code channel}
 * @param title the title (the user's name for a private chat)
 * @param isForum whether the supergroup has topics
 */
@Api(Api.Status.EXPERIMENTAL)
public record FakeChat(long id, String type, String title, boolean isForum) {

    /**
     * The private chat between {@code user} and the bot.
     *
     * @param user the user on the other side; the chat takes their id and name
     * @return a chat of type {@code private}
     */
    public static FakeChat privateWith(FakeUser user) {
        return new FakeChat(user.id(), "private", user.displayName(), false);
    }

    /**
     * A basic group.
     *
     * @param id the chat id, negative for groups
     * @param title the group's title
     * @return a chat of type {@code group}
     */
    public static FakeChat group(long id, String title) {
        return new FakeChat(id, "group", title, false);
    }

    /**
     * A supergroup.
     *
     * @param id the chat id, {@code -100…} for supergroups
     * @param title the supergroup's title
     * @return a chat of type {@code supergroup}, without topics
     */
    public static FakeChat supergroup(long id, String title) {
        return new FakeChat(id, "supergroup", title, false);
    }

    /**
     * A supergroup with forum topics.
     *
     * @param id the chat id, {@code -100…} for supergroups
     * @param title the forum's title
     * @return a chat of type {@code supergroup} with {@code is_forum} set
     */
    public static FakeChat forum(long id, String title) {
        return new FakeChat(id, "supergroup", title, true);
    }

    /**
     * A channel.
     *
     * @param id the chat id, {@code -100…} for channels
     * @param title the channel's title
     * @return a chat of type {@code channel}
     */
    public static FakeChat channel(long id, String title) {
        return new FakeChat(id, "channel", title, false);
    }
}
