package dev.chorusbot.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Discord's user and guild member objects as Chorus {@link User}s, and Discord's permissions as
 * Chorus {@link Role}s, for both the Gateway's MESSAGE_CREATE and an interaction's
 * {@code member}/{@code user}.
 *
 * <ul>
 *   <li>The display name is the member's {@code nick} in the guild, else the user's
 *       {@code global_name}, else the {@code username} (User resource: "global_name: the user's
 *       display name, if it is set"); the login is the {@code username}.</li>
 *   <li>The guild's owner ({@code owner_id}) is {@link Role#OWNER}; a member whose permissions hold
 *       ADMINISTRATOR (0x8), MANAGE_GUILD (0x20) or MANAGE_MESSAGES (0x2000) is
 *       {@link Role#MODERATOR}; everyone else {@link Role#EVERYONE}. In a direct message there are
 *       no roles.</li>
 * </ul>
 */
public final class DiscordUsers {
    /** Permissions: ADMINISTRATOR (1 &lt;&lt; 3). */
    public static final long ADMINISTRATOR = 1L << 3;
    /** Permissions: MANAGE_GUILD (1 &lt;&lt; 5). */
    public static final long MANAGE_GUILD = 1L << 5;
    /** Permissions: MANAGE_MESSAGES (1 &lt;&lt; 13). */
    public static final long MANAGE_MESSAGES = 1L << 13;
    /** The permissions that make a member a moderator. */
    public static final long MODERATOR_PERMISSIONS = ADMINISTRATOR | MANAGE_GUILD | MANAGE_MESSAGES;

    private DiscordUsers() {}

    /**
     * The name to address a user by: the member's {@code nick}, else {@code global_name}, else
     * {@code username}.
     *
     * @param user Discord's user object
     * @param member the guild member object, or null (or a missing node) outside a guild
     * @return the display name; the user's id when Discord gave no name at all
     */
    public static String displayName(JsonNode user, JsonNode member) {
        String nick = member == null ? null : text(member.get("nick"));
        if (nick != null) {
            return nick;
        }
        String global = text(user.get("global_name"));
        if (global != null) {
            return global;
        }
        String username = text(user.get("username"));
        return username != null ? username : user.path("id").asText();
    }

    /**
     * A Chorus user from Discord's user object (and member object in a guild).
     *
     * @param user Discord's user object: {@code id}, {@code username}, {@code global_name}
     * @param member the guild member object ({@code nick}), or null outside a guild
     * @param roles the user's roles, from {@link #roles}; {@link Role#EVERYONE} is added
     * @return the user: id, login (the username), display name and roles
     */
    public static User user(JsonNode user, JsonNode member, Set<Role> roles) {
        return new User(user.path("id").asText(), user.path("username").asText(""), displayName(user, member), roles);
    }

    /**
     * The roles from facts about a guild member.
     *
     * @param owner whether the user is the guild's owner ({@code owner_id})
     * @param permissions the member's permissions in the guild (or channel) as a bit set
     * @return {@link Role#OWNER} for the owner, {@link Role#MODERATOR} with ADMINISTRATOR,
     *     MANAGE_GUILD or MANAGE_MESSAGES, else none (the user still has {@link Role#EVERYONE})
     */
    public static Set<Role> roles(boolean owner, long permissions) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (owner) {
            roles.add(Role.OWNER);
        }
        if ((permissions & MODERATOR_PERMISSIONS) != 0) {
            roles.add(Role.MODERATOR);
        }
        return roles;
    }

    /**
     * A member's guild-wide permissions from the guild's roles (Permissions: "Computing Base
     * Permissions"): those of {@code @everyone} (the role whose id is the guild's id) and of each of
     * the member's roles, ORed together.
     *
     * @param guildId the guild's id, which is also its {@code @everyone} role's id
     * @param memberRoles the member's {@code roles}: an array of role ids
     * @param rolePermissions each role's {@code permissions} by role id, from GUILD_CREATE's
     *     {@code roles}
     * @return the permissions as a bit set
     */
    public static long permissions(String guildId, JsonNode memberRoles, Map<String, Long> rolePermissions) {
        long permissions = rolePermissions.getOrDefault(guildId, 0L);
        if (memberRoles != null) {
            for (JsonNode role : memberRoles) {
                permissions |= rolePermissions.getOrDefault(role.asText(), 0L);
            }
        }
        return permissions;
    }

    /**
     * A permissions field as Discord writes it: a string of decimal digits (Permissions: "serialized
     * into a string").
     *
     * @param field the {@code permissions} field, or null
     * @return the bit set; 0 when missing or not a number
     */
    public static long parsePermissions(JsonNode field) {
        if (field == null || field.isNull()) {
            return 0;
        }
        try {
            return field.isNumber() ? field.asLong() : Long.parseUnsignedLong(field.asText());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }
}
