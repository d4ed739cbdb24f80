package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A typed argument of a {@link Command}. Arguments are read in order from the words after the
 * command name; {@code "quoted words"} count as one word; a {@link #rest(String) rest} argument
 * takes the remainder of the line as it was typed.
 *
 * <pre>{@code
 * Command.named("roll")
 *     .argument(Argument.string("dice"))
 *     .argument(Argument.integer("times").optional(1))
 * }</pre>
 *
 * @param <T> the Java type the argument is parsed to
 */
@Api(Api.Status.STABLE)
public final class Argument<T> {

    /** The kinds of argument Chorus can parse. */
    public enum Kind {
        /** One word. */
        STRING,
        /** A whole number that fits an {@code int}. */
        INT,
        /** A whole number that fits a {@code long}. */
        LONG,
        /** {@code true/false}, {@code yes/no}, {@code on/off}, {@code 1/0}. */
        BOOLEAN,
        /** One of an enum's constants, by name in any case. */
        ENUM,
        /** The rest of the line, as typed. */
        REST
    }

    private final String name;
    private final Kind kind;
    private final Class<T> type;
    private final boolean optional;
    private final T defaultValue;

    private Argument(String name, Kind kind, Class<T> type, boolean optional, T defaultValue) {
        this.name = notNull(name, "name");
        this.kind = kind;
        this.type = type;
        this.optional = optional;
        this.defaultValue = defaultValue;
    }

    /**
     * One word.
     *
     * @param name the name shown in usage and in error messages, such as {@code dice}
     * @return a required argument that takes the word as typed
     */
    public static Argument<String> string(String name) {
        return new Argument<>(name, Kind.STRING, String.class, false, null);
    }

    /**
     * A whole number within {@code int}'s range.
     *
     * @param name the name shown in usage and in error messages
     * @return a required argument; a word that is not such a number is a usage error
     */
    public static Argument<Integer> integer(String name) {
        return new Argument<>(name, Kind.INT, Integer.class, false, null);
    }

    /**
     * A whole number within {@code long}'s range.
     *
     * @param name the name shown in usage and in error messages
     * @return a required argument; a word that is not such a number is a usage error
     */
    public static Argument<Long> longInteger(String name) {
        return new Argument<>(name, Kind.LONG, Long.class, false, null);
    }

    /**
     * A yes/no value: {@code true/false}, {@code yes/no}, {@code on/off}, {@code 1/0}.
     *
     * @param name the name shown in usage and in error messages
     * @return a required argument; the words are matched in any case
     */
    public static Argument<Boolean> bool(String name) {
        return new Argument<>(name, Kind.BOOLEAN, Boolean.class, false, null);
    }

    /**
     * One of {@code type}'s constants, matched by name in any case.
     *
     * @param <E> the enum type
     * @param name the name shown in error messages; usage lists the constants instead
     * @param type the enum class whose constants are accepted
     * @return a required argument
     */
    public static <E extends Enum<E>> Argument<E> enumeration(String name, Class<E> type) {
        return new Argument<>(name, Kind.ENUM, notNull(type, "type"), false, null);
    }

    /**
     * The remainder of the line as typed (must be the last argument).
     *
     * @param name the name shown in usage and in error messages
     * @return a required argument that takes the rest of the line, spacing and quotes kept
     */
    public static Argument<String> rest(String name) {
        return new Argument<>(name, Kind.REST, String.class, false, null);
    }

    /**
     * An optional copy of this argument that takes {@code value} when the user leaves it out.
     *
     * @param value the default value; must not be {@code null}
     * @return a new optional argument; this one is unchanged
     */
    public Argument<T> optional(T value) {
        return new Argument<>(name, kind, type, true, notNull(value, "default value"));
    }

    /**
     * An optional copy of this argument with no default: absent when the user leaves it out.
     *
     * @return a new optional argument; this one is unchanged
     */
    public Argument<T> optional() {
        return new Argument<>(name, kind, type, true, null);
    }

    /**
     * The argument's name, as shown in usage.
     *
     * @return the name given to the factory method
     */
    public String name() {
        return name;
    }

    /**
     * What the argument parses.
     *
     * @return the kind of value
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The Java type of the parsed value.
     *
     * @return the class that {@link #parse(String)} returns instances of
     */
    public Class<T> type() {
        return type;
    }

    /**
     * Whether the user may leave the argument out.
     *
     * @return {@code true} for an argument made with {@code optional(...)}
     */
    public boolean isOptional() {
        return optional;
    }

    /**
     * The value used when an optional argument is left out, if any.
     *
     * @return the default value, or empty for a required argument or one without default
     */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * How the argument appears in usage: {@code <dice>}, {@code [times]}, {@code <text...>}.
     *
     * @return the usage text; an enum argument lists its constants, such as {@code <heads|tails>}
     */
    public String usage() {
        String shown = kind == Kind.REST ? name + "..." : name;
        if (kind == Kind.ENUM) {
            shown = Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("|"));
        }
        return optional ? "[" + shown + "]" : "<" + shown + ">";
    }

    /**
     * Parses one word (or, for {@link Kind#REST}, the remainder of the line).
     *
     * @param word the word as typed, without surrounding quotes
     * @return the parsed value
     * @throws UsageException naming the argument when the word does not parse
     */
    public T parse(String word) {
        return type.cast(parseValue(word));
    }

    private Object parseValue(String word) {
        switch (kind) {
            case STRING:
            case REST:
                return word;
            case INT:
                try {
                    return Integer.parseInt(word);
                } catch (NumberFormatException e) {
                    throw UsageException.localized("arg.notWholeNumber", word, name);
                }
            case LONG:
                try {
                    return Long.parseLong(word);
                } catch (NumberFormatException e) {
                    throw UsageException.localized("arg.notWholeNumber", word, name);
                }
            case BOOLEAN:
                switch (word.toLowerCase(Locale.ROOT)) {
                    case "true": case "yes": case "on": case "1":
                        return Boolean.TRUE;
                    case "false": case "no": case "off": case "0":
                        return Boolean.FALSE;
                    default:
                        throw UsageException.localized("arg.notYesNo", word, name);
                }
            case ENUM:
                for (T constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(word)) {
                        return constant;
                    }
                }
                throw UsageException.localized("arg.notOneOf", word, name, usage().replaceAll("[<>\\[\\]]", ""));
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    @Override
    public String toString() {
        return "Argument[" + usage() + ' ' + kind + ']';
    }
}
