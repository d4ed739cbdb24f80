package dev.chorusbot.core;

/**
 * A platform-neutral role. Adapters map platform facts to roles: Twitch's broadcaster badge and a
 * Telegram chat's creator become {@link #OWNER}; Twitch moderators and Telegram administrators
 * become {@link #MODERATOR}.
 *
 * <p>Roles are ranked: a command that requires a role may be run by anyone holding that role or a
 * higher one ({@code OWNER > MODERATOR > VIP > SUBSCRIBER > EVERYONE}).
 */
@Api(Api.Status.STABLE)
public enum Role {
    /** Any user. Every user has this role. */
    EVERYONE,
    /** A paying supporter of the channel (Twitch subscriber). */
    SUBSCRIBER,
    /** A user the owner marked as special (Twitch VIP). */
    VIP,
    /** A moderator or administrator of the chat. */
    MODERATOR,
    /** The owner of the chat: Twitch broadcaster, Telegram group creator, private-chat partner. */
    OWNER;

    /**
     * True when a holder of this role may run something that requires {@code required}.
     *
     * @param required the lowest role needed
     * @return whether this role is {@code required} or ranks above it
     */
    public boolean satisfies(Role required) {
        return compareTo(required) >= 0;
    }
}
