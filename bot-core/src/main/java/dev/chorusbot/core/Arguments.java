package dev.chorusbot.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The parsed arguments of one command invocation, by name.
 *
 * <pre>{@code
 * String dice = ctx.args().string("dice");
 * int times = ctx.args().integer("times");
 * }</pre>
 */
@Api(Api.Status.STABLE)
public final class Arguments {
    private static final Arguments EMPTY = new Arguments(Map.of());

    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Arguments holding {@code values} (absent optional arguments are simply not present).
     *
     * @param values parsed values by argument name, in declaration order; copied
     * @return the arguments
     */
    public static Arguments of(Map<String, ?> values) {
        return values.isEmpty() ? EMPTY : new Arguments(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /**
     * No arguments.
     *
     * @return the shared empty instance
     */
    public static Arguments empty() {
        return EMPTY;
    }

    /**
     * The value of {@code name}, if the user gave it or it has a default.
     *
     * @param <T> the argument's Java type
     * @param name the argument's name as declared on the command
     * @param type the argument's Java type, such as {@code Integer.class}
     * @return the value, or empty when the argument is absent or not declared
     * @throws ClassCastException when the argument is of another type
     */
    public <T> Optional<T> optional(String name, Class<T> type) {
        Object value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(type.cast(value));
    }

    /**
     * The value of {@code name}.
     *
     * @param <T> the argument's Java type
     * @param name the argument's name as declared on the command
     * @param type the argument's Java type, such as {@code Integer.class}
     * @return the value, never {@code null}
     * @throws NoSuchElementException when the command declares no such argument or it is absent
     * @throws ClassCastException when the argument is of another type
     */
    public <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new NoSuchElementException("no value for argument '" + name + "'; present: " + values.keySet());
        }
        return type.cast(value);
    }

    /**
     * A string or rest-of-line argument.
     *
     * @param name the argument's name as declared on the command
     * @return the value as typed
     * @throws NoSuchElementException when the argument is not declared or absent
     */
    public String string(String name) {
        return get(name, String.class);
    }

    /**
     * An int argument.
     *
     * @param name the argument's name as declared on the command
     * @return the parsed number
     * @throws NoSuchElementException when the argument is not declared or absent
     */
    public int integer(String name) {
        return get(name, Integer.class);
    }

    /**
     * A long argument.
     *
     * @param name the argument's name as declared on the command
     * @return the parsed number
     * @throws NoSuchElementException when the argument is not declared or absent
     */
    public long longInteger(String name) {
        return get(name, Long.class);
    }

    /**
     * A boolean argument.
     *
     * @param name the argument's name as declared on the command
     * @return the parsed yes/no value
     * @throws NoSuchElementException when the argument is not declared or absent
     */
    public boolean bool(String name) {
        return get(name, Boolean.class);
    }

    /**
     * Whether {@code name} has a value.
     *
     * @param name the argument's name as declared on the command
     * @return {@code true} when the user gave it or it has a default
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * All values by name, in declaration order.
     *
     * @return an unmodifiable map without the absent optional arguments
     */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return "Arguments" + values;
    }
}
