package dev.chorusbot.twitch.internal;

import dev.chorusbot.core.config.ConfigProblems;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules the IRC and the EventSub configuration share, so both refuse the same input alike;
 * each records into the builder's {@link ConfigProblems}, which names the setter or the variable.
 * Rules every adapter shares, such as positive durations, are core's
 * {@link dev.chorusbot.core.internal.ConfigRules}.
 */
public final class ConfigChecks {
    /** A Twitch login: 1 to 25 letters, digits or underscores. */
    public static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_]{1,25}");

    private ConfigChecks() {}

    /** Adds a problem with {@code setting} unless {@code login} is a Twitch login. */
    public static void login(ConfigProblems problems, String login, String setting) {
        problems.check(LOGIN.matcher(login).matches(), setting, "'" + login + "' is not a Twitch login: use 1 to 25"
                + " letters, digits or underscores.");
    }

    /**
     * Adds a problem with {@code setting} when {@code uri} has no host or a port a socket cannot
     * use; the problem quotes {@code shown}, the URL with its secrets masked.
     *
     * @return whether the host and port are usable
     */
    public static boolean hostAndPort(ConfigProblems problems, URI uri, String shown, String setting) {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            problems.add(setting, "'" + shown + "' has no host name.");
            return false;
        }
        // java.net.URI takes any number of digits as a port; no socket or HttpClient request can use it.
        return problems.check(uri.getPort() <= 65535, setting, "'" + shown + "' has a port out of range: use 1 to"
                + " 65535, or leave the port out for the scheme's default.");
    }

    /** The scheme of {@code uri} in lower case; empty when it has none. */
    public static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /**
     * The channel logins of {@code channels}, {@code #} optional, lower case, without repeats; each
     * entry that is not a login adds a problem with the {@code channels} setting.
     */
    public static Set<String> channelLogins(List<String> channels, ConfigProblems problems) {
        Set<String> logins = new LinkedHashSet<>();
        for (String channel : channels) {
            String name = channel.strip();
            name = name.startsWith("#") ? name.substring(1) : name;
            if (problems.check(LOGIN.matcher(name).matches(), "channels", "entry '" + channel + "' is not a Twitch"
                    + " channel name: use the channel's login, with or without '#'.")) {
                logins.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return logins;
    }

    /**
     * Adds a problem with {@code messageLimits} when a limit is not positive or the moderator limit
     * is below the normal one.
     */
    public static void checkMessageLimits(ConfigProblems problems, int perThirtySeconds, int asModeratorPerThirtySeconds) {
        problems.check(perThirtySeconds > 0 && asModeratorPerThirtySeconds >= perThirtySeconds, "messageLimits",
                "must be positive, the moderator limit at least the normal one; were " + perThirtySeconds + " and "
                        + asModeratorPerThirtySeconds);
    }

    /** Whether {@code value} is printable ASCII without spaces, as tokens, ids and secrets are. */
    public static boolean printable(String value) {
        return value.chars().allMatch(c -> c > ' ' && c < 127);
    }
}
