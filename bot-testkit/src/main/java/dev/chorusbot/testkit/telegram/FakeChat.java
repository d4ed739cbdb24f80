package dev.chorusbot.testkit.telegram;

/**
 * A Telegram chat in the fake.
 *
 * @param id the chat id: the user's id for a private chat, negative for groups,
 *     {@code -100…} for supergroups and channels
 * @param type {@code private}, {@code group}, {@code supergroup} or {@code channel}
 * @param title the title (the user's name for a private chat)
 * @param isForum whether the supergroup has topics
 */
public record FakeChat(long id, String type, String title, boolean isForum) {

    /** The private chat between {@code user} and the bot. */
    public static FakeChat privateWith(FakeUser user) {
        return new FakeChat(user.id(), "private", user.displayName(), false);
    }

    /** A basic group. */
    public static FakeChat group(long id, String title) {
        return new FakeChat(id, "group", title, false);
    }

    /** A supergroup. */
    public static FakeChat supergroup(long id, String title) {
        return new FakeChat(id, "supergroup", title, false);
    }

    /** A supergroup with forum topics. */
    public static FakeChat forum(long id, String title) {
        return new FakeChat(id, "supergroup", title, true);
    }

    /** A channel. */
    public static FakeChat channel(long id, String title) {
        return new FakeChat(id, "channel", title, false);
    }
}
