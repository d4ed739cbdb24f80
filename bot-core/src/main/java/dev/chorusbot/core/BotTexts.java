package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

/**
 * The sentences the bot itself answers with, so a bot can speak its users' language. Each may use
 * placeholders: {@code {command}} (the command as typed with its prefix), {@code {usage}} (prefix,
 * name and argument usage), {@code {reason}}, {@code {role}} (the role's name, such as {@code
 * moderator}), {@code {roles}} (its plural in the reader's language), {@code {seconds}}. An empty
 * text means "answer nothing" in that case.
 *
 * <p>Chorus ships them in English, German and Russian and picks them by the invocation's locale
 * (see {@link TextCatalog}); {@code Bot.Builder.texts(...)} replaces them for every locale or one.
 *
 * @param notAllowed when the sender lacks the command's role
 * @param cooldown when the sender must wait before running the command again
 * @param usageError when the arguments do not parse
 * @param apology when a handler failed
 */
@Api(Api.Status.EXPERIMENTAL)
public record BotTexts(String notAllowed, String cooldown, String usageError, String apology) {

    /** The English defaults. */
    public static final BotTexts ENGLISH = new BotTexts(
            "Sorry, {command} is only for {roles}.",
            "Please wait {seconds} s before using {command} again.",
            "{reason}. Usage: {usage}",
            "Sorry, something went wrong. Please try again later.");

    /**
     * Validates the components.
     *
     * @param notAllowed when the sender lacks the command's role; empty to answer nothing
     * @param cooldown when the sender must wait; empty to answer nothing
     * @param usageError when the arguments do not parse; empty to answer nothing
     * @param apology when a handler failed; empty to answer nothing
     * @throws NullPointerException if a text is {@code null}
     */
    public BotTexts {
        notNull(notAllowed, "notAllowed");
        notNull(cooldown, "cooldown");
        notNull(usageError, "usageError");
        notNull(apology, "apology");
    }

    /**
     * A copy with another "not allowed" text.
     *
     * @param text the template; may use {@code {command}}, {@code {role}} and {@code {roles}}
     * @return a new instance; this one is unchanged
     */
    public BotTexts withNotAllowed(String text) {
        return new BotTexts(text, cooldown, usageError, apology);
    }

    /**
     * A copy with another cooldown text.
     *
     * @param text the template; may use {@code {command}} and {@code {seconds}}
     * @return a new instance; this one is unchanged
     */
    public BotTexts withCooldown(String text) {
        return new BotTexts(notAllowed, text, usageError, apology);
    }

    /**
     * A copy with another usage-error text.
     *
     * @param text the template; may use {@code {reason}}, {@code {usage}} and {@code {command}}
     * @return a new instance; this one is unchanged
     */
    public BotTexts withUsageError(String text) {
        return new BotTexts(notAllowed, cooldown, text, apology);
    }

    /**
     * A copy with another apology.
     *
     * @param text the sentence sent when a handler failed; empty to answer nothing
     * @return a new instance; this one is unchanged
     */
    public BotTexts withApology(String text) {
        return new BotTexts(notAllowed, cooldown, usageError, text);
    }

    /**
     * Replaces {@code {key}} placeholders; {@code pairs} alternate keys and values.
     *
     * @param template the text with placeholders such as {@code {command}}
     * @param pairs keys without braces alternating with their values; a last key without value
     *     is ignored
     * @return the text with every given placeholder of the template replaced; unknown placeholders
     *     are kept, and values are inserted as they are (a placeholder inside a value, which may
     *     hold what a user typed, is not replaced)
     */
    public static String fill(String template, String... pairs) {
        StringBuilder result = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open + 1);
            if (close < 0) {
                break;
            }
            String value = valueOf(template.substring(open + 1, close), pairs);
            if (value == null) {
                result.append(template, i, open + 1); // not a given placeholder: keep the brace
                i = open + 1;
            } else {
                result.append(template, i, open).append(value);
                i = close + 1;
            }
        }
        return result.append(template, i, template.length()).toString();
    }

    private static String valueOf(String key, String[] pairs) {
        for (int p = 0; p + 1 < pairs.length; p += 2) {
            if (pairs[p].equals(key)) {
                return pairs[p + 1];
            }
        }
        return null;
    }
}
