package dev.chorusbot.twitch.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks the IRC and the EventSub configuration share, so both refuse the same input alike. */
public final class ConfigChecks {
    /** A Twitch login: 1 to 25 letters, digits or underscores. */
    public static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_]{1,25}");

    private ConfigChecks() {}

    /** The non-blank, stripped entries of a comma-separated variable such as {@code TWITCH_CHANNELS}. */
    public static List<String> commaSeparated(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    /**
     * The channel logins of {@code TWITCH_CHANNELS} entries, {@code #} optional, lower case, without
     * repeats; each entry that is not a login adds a problem.
     */
    public static Set<String> channelLogins(List<String> channels, List<String> problems) {
        Set<String> logins = new LinkedHashSet<>();
        for (String channel : channels) {
            String name = channel.strip();
            name = name.startsWith("#") ? name.substring(1) : name;
            if (!LOGIN.matcher(name).matches()) {
                problems.add("TWITCH_CHANNELS entry '" + channel + "' is not a Twitch channel name: use the"
                        + " channel's login, with or without '#'.");
            } else {
                logins.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return logins;
    }

    /** {@code value}, which must be positive. */
    public static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** {@code value}, which must not be negative (zero: do not wait). */
    public static Duration notNegative(Duration value, String name) {
        if (Objects.requireNonNull(value, name).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * Refuses chat limits that are not positive, or a moderator limit below the normal one.
     *
     * @throws IllegalArgumentException naming both values
     */
    public static void checkMessageLimits(int perThirtySeconds, int asModeratorPerThirtySeconds) {
        if (perThirtySeconds <= 0 || asModeratorPerThirtySeconds < perThirtySeconds) {
            throw new IllegalArgumentException("message limits must be positive, the moderator limit at least the"
                    + " normal one; were " + perThirtySeconds + " and " + asModeratorPerThirtySeconds);
        }
    }
}
