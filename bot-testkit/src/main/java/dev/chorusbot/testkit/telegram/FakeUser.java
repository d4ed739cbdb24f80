package dev.chorusbot.testkit.telegram;

import dev.chorusbot.core.Api;
import java.util.Optional;

/**
 * A Telegram user in the fake.
 *
 * @param id the user id (may exceed 32 bits)
 * @param firstName the first name
 * @param lastName the last name, if any
 * @param username the username without {@code @}, if any
 * @param isBot whether the account is a bot
 * @param languageCode the {@code language_code} its client sends, if any
 */
@Api(Api.Status.EXPERIMENTAL)
public record FakeUser(long id, String firstName, Optional<String> lastName, Optional<String> username, boolean isBot,
        Optional<String> languageCode) {

    /**
     * A user whose Telegram client speaks English ({@code language_code} {@code en}); a bot has none.
     *
     * @param id the user id
     * @param firstName the first name
     * @param lastName the last name, if any
     * @param username the username without {@code @}, if any
     * @param isBot whether the account is a bot
     */
    public FakeUser(long id, String firstName, Optional<String> lastName, Optional<String> username, boolean isBot) {
        this(id, firstName, lastName, username, isBot, isBot ? Optional.empty() : Optional.of("en"));
    }

    /**
     * A copy whose client speaks another language.
     *
     * @param code the IETF language tag Telegram sends as {@code language_code}, such as {@code de};
     *     empty for a user whose client sends none
     * @return a new user; this one is unchanged
     */
    public FakeUser withLanguage(String code) {
        return new FakeUser(id, firstName, lastName, username, isBot, code.isEmpty() ? Optional.empty() : Optional.of(code));
    }

    /**
     * A human user.
     *
     * @param id the user id (may exceed 32 bits)
     * @param firstName the first name; not empty on Telegram
     * @param lastName the last name, or null for none
     * @param username the username without {@code @}, or null for none
     * @return a user that is not a bot
     */
    public static FakeUser of(long id, String firstName, String lastName, String username) {
        return new FakeUser(id, firstName, Optional.ofNullable(lastName), Optional.ofNullable(username), false);
    }

    /**
     * "First Last", or "First" without a last name.
     *
     * @return the name Telegram clients show for the user
     */
    public String displayName() {
        return lastName.map(l -> firstName + " " + l).orElse(firstName);
    }
}
