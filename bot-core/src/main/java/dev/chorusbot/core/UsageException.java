package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.Locale;
import java.util.MissingResourceException;

/**
 * Thrown by argument parsing, or by a handler, when the user called a command wrongly. The user is
 * answered with the reason and the command's correct usage, not a stack trace, in the invocation's
 * language ({@link BotTexts#usageError()} of its locale).
 *
 * <pre>{@code
 * if (!DICE.matcher(spec).matches()) {
 *     throw new UsageException("'" + spec + "' is not a dice roll like 2d6");
 * }
 * }</pre>
 *
 * <p>A reason in the user's language comes from a message bundle: {@code
 * UsageException.localized("dice.bad", spec)} reads {@code dice.bad} from the bot's bundles (see
 * {@link Bot.Builder#messages(String)}) in the invocation's locale.
 */
@Api(Api.Status.STABLE)
public class UsageException extends RuntimeException {
    private static final Object[] NONE = {};

    private final transient String key;
    private final transient Object[] args;

    /**
     * A usage error with a reason the user will read, the same in every language.
     *
     * @param reason one sentence without final full stop, such as {@code "'x' is not a number"};
     *     the default {@link BotTexts} add a full stop and the usage after it
     */
    public UsageException(String reason) {
        super(reason);
        this.key = null;
        this.args = NONE;
    }

    private UsageException(String english, String key, Object[] args) {
        super(english);
        this.key = key;
        this.args = args.clone();
    }

    /**
     * A usage error whose reason is the text under {@code key} in the message bundles, in the
     * reader's language; its {@link #getMessage()} is the English text (for logs).
     *
     * @param key the key in the bot's message bundles or Chorus's built-in ones
     * @param args the values of the text's {@code {0}}, {@code {1}}, … placeholders
     * @return the exception, to throw
     */
    public static UsageException localized(String key, Object... args) {
        notNull(key, "key");
        String english;
        try {
            english = BuiltIn.CATALOG.text(Locale.ENGLISH, key, args);
        } catch (MissingResourceException e) {
            english = key; // a key of the bot's own bundles: the reason is found per invocation
        }
        return new UsageException(english, key, args);
    }

    /**
     * The reason in {@code locale}.
     *
     * @param catalog the bot's texts
     * @param locale the reader's language
     * @return the localized reason for a {@link #localized} error, else the message as given
     */
    public String reason(TextCatalog catalog, Locale locale) {
        return key == null ? getMessage() : catalog.text(locale, key, args);
    }

    /** Loaded on the first localized usage error, not with the class. */
    private static final class BuiltIn {
        static final TextCatalog CATALOG = TextCatalog.builtIn();
    }
}
