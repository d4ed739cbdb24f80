package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The sender of a message, in platform-neutral terms.
 *
 * @param id the platform's stable user id, as a string (Telegram ids exceed 32 bits)
 * @param login the user's login or username; may be empty where the platform has none
 * @param displayName the name to address the user by
 * @param roles the user's roles; always contains {@link Role#EVERYONE}
 * @param locale the user's language when the platform tells it (Telegram's {@code language_code});
 *     empty otherwise, and then the chat's or the bot's default applies
 */
@Api(Api.Status.STABLE)
public record User(String id, String login, String displayName, Set<Role> roles, Optional<Locale> locale) {

    /**
     * Validates and copies the components; adds {@link Role#EVERYONE}.
     *
     * @param id the platform's stable user id
     * @param login the login or username; empty where the platform has none
     * @param displayName the name to address the user by
     * @param roles the user's roles, possibly empty
     * @param locale the user's language, or empty when the platform does not tell it
     * @throws NullPointerException if a component is {@code null}
     */
    public User {
        notNull(locale, "locale");
        notNull(id, "id");
        notNull(login, "login");
        notNull(displayName, "displayName");
        notNull(roles, "roles");
        EnumSet<Role> copy = EnumSet.of(Role.EVERYONE);
        copy.addAll(roles);
        roles = Collections.unmodifiableSet(copy);
    }

    /**
     * A user whose language the platform does not tell.
     *
     * @param id the platform's stable user id
     * @param login the login or username; empty where the platform has none
     * @param displayName the name to address the user by
     * @param roles the user's roles, possibly empty
     * @throws NullPointerException if a component is {@code null}
     */
    public User(String id, String login, String displayName, Set<Role> roles) {
        this(id, login, displayName, roles, Optional.empty());
    }

    /**
     * A user with only the {@link Role#EVERYONE} role.
     *
     * @param id the platform's stable user id
     * @param login the login or username; empty where the platform has none
     * @param displayName the name to address the user by
     * @return the user
     */
    public static User of(String id, String login, String displayName) {
        return new User(id, login, displayName, Set.of());
    }

    /**
     * A copy with the given roles (plus {@link Role#EVERYONE}).
     *
     * @param newRoles the roles that replace the current ones
     * @return a new user; this one is unchanged
     */
    public User withRoles(Set<Role> newRoles) {
        return new User(id, login, displayName, newRoles, locale);
    }

    /**
     * A copy with the given language.
     *
     * @param newLocale the user's language, such as {@code Locale.GERMAN}
     * @return a new user; this one is unchanged
     */
    public User withLocale(Locale newLocale) {
        return new User(id, login, displayName, roles, Optional.of(notNull(newLocale, "locale")));
    }

    /**
     * True when one of the user's roles satisfies {@code required}.
     *
     * @param required the lowest role needed
     * @return whether the user holds {@code required} or a higher role
     */
    public boolean hasRole(Role required) {
        for (Role role : roles) {
            if (role.satisfies(required)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The user's highest role.
     *
     * @return the highest role held; {@link Role#EVERYONE} for a user without other roles
     */
    public Role highestRole() {
        Role highest = Role.EVERYONE;
        for (Role role : roles) {
            if (role.compareTo(highest) > 0) {
                highest = role;
            }
        }
        return highest;
    }
}
