package dev.chorusbot.testkit.telegram;

import java.util.Optional;

/**
 * A Telegram user in the fake.
 *
 * @param id the user id (may exceed 32 bits)
 * @param firstName the first name
 * @param lastName the last name, if any
 * @param username the username without {@code @}, if any
 * @param isBot whether the account is a bot
 */
public record FakeUser(long id, String firstName, Optional<String> lastName, Optional<String> username, boolean isBot) {

    /** A human user. */
    public static FakeUser of(long id, String firstName, String lastName, String username) {
        return new FakeUser(id, firstName, Optional.ofNullable(lastName), Optional.ofNullable(username), false);
    }

    /** "First Last", or "First" without a last name. */
    public String displayName() {
        return lastName.map(l -> firstName + " " + l).orElse(firstName);
    }
}
