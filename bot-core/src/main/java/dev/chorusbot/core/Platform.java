package dev.chorusbot.core;

import java.util.regex.Pattern;

/**
 * A chat platform, identified by a short lower-case id such as {@code telegram}, {@code twitch} or
 * {@code console}. Adapters are pluggable, so this is an open value rather than an enum.
 *
 * <pre>{@code
 * Platform telegram = Platform.of("telegram");
 * }</pre>
 *
 * @param id lower-case letters, digits, {@code -} and {@code _}; 1 to 32 characters
 */
@Api(Api.Status.STABLE)
public record Platform(String id) {
    private static final Pattern ID = Pattern.compile("[a-z0-9_-]{1,32}");

    /** The built-in console platform: standard input and output. */
    public static final Platform CONSOLE = new Platform("console");

    /**
     * Validates the id.
     *
     * @param id lower-case letters, digits, {@code -} and {@code _}; 1 to 32 characters
     * @throws IllegalArgumentException if the id is {@code null} or breaks these rules
     */
    public Platform {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "platform id must be 1 to 32 lower-case letters, digits, '-' or '_', was " + id);
        }
    }

    /**
     * Returns the platform with the given id.
     *
     * @param id lower-case letters, digits, {@code -} and {@code _}; 1 to 32 characters
     * @return the platform; equal to every other platform with the same id
     * @throws IllegalArgumentException if the id is {@code null} or breaks these rules
     */
    public static Platform of(String id) {
        return new Platform(id);
    }

    // equals and hashCode are written out: a record's generated ones are bootstrapped through
    // method handles on first use, which costs a cold start tens of milliseconds, and every bot
    // compares platforms while it starts.

    @Override
    public boolean equals(Object other) {
        return other instanceof Platform platform && id.equals(platform.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
