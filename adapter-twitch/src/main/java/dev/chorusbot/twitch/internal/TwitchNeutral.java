package dev.chorusbot.twitch.internal;

import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Role;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The neutral chat and roles of Twitch chat, shared by the IRC and the EventSub adapter so a
 * command cannot tell the two transports apart.
 */
public final class TwitchNeutral {
    private TwitchNeutral() {}

    /** A channel's chat: id = the channel login, a group titled {@code #login}. */
    public static Chat channel(String login) {
        return Chat.of(login, Chat.Kind.GROUP, "#" + login);
    }

    /**
     * Neutral roles from Twitch badges: broadcaster owns the channel, moderator and vip carry over,
     * subscriber and founder (a first subscriber) are subscribers.
     *
     * @param hasBadge whether the chatter carries a badge of that set id
     * @param broadcaster whether the chatter is the channel's owner, badge or not
     */
    public static Set<Role> roles(Predicate<String> hasBadge, boolean broadcaster) {
        EnumSet<Role> roles = EnumSet.of(Role.EVERYONE);
        if (broadcaster || hasBadge.test("broadcaster")) {
            roles.add(Role.OWNER);
        }
        if (hasBadge.test("moderator")) {
            roles.add(Role.MODERATOR);
        }
        if (hasBadge.test("vip")) {
            roles.add(Role.VIP);
        }
        if (hasBadge.test("subscriber") || hasBadge.test("founder")) {
            roles.add(Role.SUBSCRIBER);
        }
        return roles;
    }
}
