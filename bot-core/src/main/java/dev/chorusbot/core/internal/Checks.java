package dev.chorusbot.core.internal;

/** Preconditions that name the offending parameter. Internal: not part of the public API. */
public final class Checks {
    private Checks() {}

    /** Returns {@code value}, or throws {@link NullPointerException} naming {@code name}. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            // Not Objects.requireNonNull(value, supplier): the capturing supplier was allocated on
            // every call, and this runs in every record constructor on the hot path.
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /** Returns {@code value}, or throws when it is null or blank, naming {@code name}. */
    public static String notBlank(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Throws {@link IllegalArgumentException} with {@code message} unless {@code condition} holds. */
    public static void argument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Returns {@code value}, or throws when it is not positive, naming {@code name}. */
    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
