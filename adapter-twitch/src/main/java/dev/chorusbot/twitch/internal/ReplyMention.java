package dev.chorusbot.twitch.internal;

/**
 * Twitch starts the text of a chat reply with {@code @<name> } — the parent's display name or
 * login — for the benefit of IRC clients; its web chat hides it behind the "replying to" label.
 * Left in place, {@code @Viktor !hello} would not be a command, so the neutral message text drops
 * that one leading mention. The platform object keeps the text as Twitch sent it.
 */
public final class ReplyMention {
    private ReplyMention() {}

    /**
     * {@code text} without a leading {@code @name } that names the replied-to user by
     * {@code displayName} or {@code login} (in any case); otherwise {@code text} unchanged.
     */
    public static String strip(String text, String displayName, String login) {
        if (!text.startsWith("@")) {
            return text;
        }
        int end = text.indexOf(' ');
        String named = end < 0 ? text.substring(1) : text.substring(1, end);
        boolean parent = (!displayName.isEmpty() && named.equalsIgnoreCase(displayName))
                || (!login.isEmpty() && named.equalsIgnoreCase(login));
        if (!parent) {
            return text;
        }
        return end < 0 ? "" : text.substring(end + 1).stripLeading();
    }
}
