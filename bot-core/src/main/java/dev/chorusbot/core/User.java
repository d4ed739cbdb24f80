package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The sender of a message, in platform-neutral terms.
 *
 * @param id the platform's stable user id, as a string (Telegram ids exceed 32 bits)
 * @param login the user's login or username; may be empty where the platform has none
 * @param displayName the name to address the user by
 * @param roles the user's roles; always contains {@link Role#EVERYONE}
 */
public record User(String id, String login, String displayName, Set<Role> roles) {

    /** Validates and copies the components; adds {@link Role#EVERYONE}. */
    public User {
        notNull(id, "id");
        notNull(login, "login");
        notNull(displayName, "displayName");
        notNull(roles, "roles");
        EnumSet<Role> copy = EnumSet.of(Role.EVERYONE);
        copy.addAll(roles);
        roles = Collections.unmodifiableSet(copy);
    }

    /** A user with only the {@link Role#EVERYONE} role. */
    public static User of(String id, String login, String displayName) {
        return new User(id, login, displayName, Set.of());
    }

    /** A copy with the given roles (plus {@link Role#EVERYONE}). */
    public User withRoles(Set<Role> newRoles) {
        return new User(id, login, displayName, newRoles);
    }

    /** True when one of the user's roles satisfies {@code required}. */
    public boolean hasRole(Role required) {
        for (Role role : roles) {
            if (role.satisfies(required)) {
                return true;
            }
        }
        return false;
    }

    /** The user's highest role. */
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
