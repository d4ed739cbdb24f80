package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;
import java.util.Optional;

/**
 * A Telegram user or bot (the Bot API's {@code User}). Ids exceed 32 bits, so they are longs.
 *
 * @param id the user id
 * @param isBot whether the account is a bot
 * @param firstName the first name
 * @param lastName the last name, if set
 * @param username the username without {@code @}, if set
 * @param languageCode the IETF language tag of the user's language ({@code language_code}), if
 *     Telegram sent it
 */
@Api(Api.Status.EXPERIMENTAL)
public record TelegramUser(long id, boolean isBot, String firstName, Optional<String> lastName,
        Optional<String> username, Optional<String> languageCode) {

    /**
     * A user without a language code.
     *
     * @param id the user id
     * @param isBot whether the account is a bot
     * @param firstName the first name
     * @param lastName the last name, if set
     * @param username the username without {@code @}, if set
     */
    public TelegramUser(long id, boolean isBot, String firstName, Optional<String> lastName,
            Optional<String> username) {
        this(id, isBot, firstName, lastName, username, Optional.empty());
    }

    /**
     * The name to address the user by: first name, plus a space and the last name when set.
     *
     * @return the display name, such as {@code Viktor Petrov}
     */
    public String displayName() {
        return lastName.map(last -> firstName + " " + last).orElse(firstName);
    }
}
