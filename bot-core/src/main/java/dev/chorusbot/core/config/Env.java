package dev.chorusbot.core.config;

import dev.chorusbot.core.Api;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads environment variables for a builder. Each reader records in the builder's
 * {@link ConfigProblems} that the setting comes from the variable, so the builder's own rules name
 * the variable; a value that cannot be parsed at all (a port that is not a number) is recorded as a
 * problem naming the variable, and the reader returns empty. Blank values count as unset; values
 * are stripped. Readers only convert: every rule about the value lives in the builder.
 *
 * <pre>{@code
 * Env env = Env.of(System.getenv(), builder.problems);
 * env.string("TELEGRAM_WEBHOOK_PATH", "webhookPath").ifPresent(builder::webhookPath);
 * env.integer("TELEGRAM_WEBHOOK_PORT", "webhookPort").ifPresent(builder::webhookPort);
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class Env {
    private static final Pattern AMOUNT = Pattern.compile("([0-9]{1,18})\\s*(ms|s|m|h|d)");

    private final Map<String, String> variables;
    private final ConfigProblems problems;

    private Env(Map<String, String> variables, ConfigProblems problems) {
        this.variables = Objects.requireNonNull(variables, "variables");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /**
     * A reader of {@code variables} that records into {@code problems}.
     *
     * @param variables the variables by name, such as {@code System.getenv()}; missing names count
     *     as unset
     * @param problems the builder's collector
     * @return the reader
     * @throws NullPointerException when an argument is null
     */
    public static Env of(Map<String, String> variables, ConfigProblems problems) {
        return new Env(variables, problems);
    }

    /**
     * Whether {@code variable} has a value that is not blank.
     *
     * @param variable the variable's name
     * @return true when it is set to something other than blanks
     */
    public boolean isSet(String variable) {
        String value = variables.get(variable);
        return value != null && !value.isBlank();
    }

    /**
     * The variable's text.
     *
     * @param variable the variable's name, such as {@code TELEGRAM_BOT_TOKEN}
     * @param setting the builder's name for the value; its problems will name {@code variable}
     * @return the stripped value; empty when unset or blank
     */
    public Optional<String> string(String variable, String setting) {
        problems.from(setting, variable);
        String value = variables.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * The variable as a whole number.
     *
     * @param variable the variable's name, such as {@code TELEGRAM_WEBHOOK_PORT}
     * @param setting the builder's name for the value
     * @return the number; empty when unset, or when it is not a number (a problem is recorded)
     */
    public OptionalInt integer(String variable, String setting) {
        return asInt(converted(variable, setting, Integer::parseInt, (text, e) -> "must be a whole number, was '"
                + text + "'"));
    }

    /**
     * The variable as a TCP port number. Only the parsing is checked here; the range (0 to 65535)
     * is the builder's rule, so it is written once.
     *
     * @param variable the variable's name, such as {@code TELEGRAM_WEBHOOK_PORT}
     * @param setting the builder's name for the value
     * @return the number; empty when unset, or when it is not a number (a problem is recorded)
     */
    public OptionalInt port(String variable, String setting) {
        return asInt(converted(variable, setting, Integer::parseInt, (text, e) -> "must be a port number from 0 to"
                + " 65535, was '" + text + "'"));
    }

    /**
     * The variable as a duration: a number with a unit ({@code 500ms}, {@code 30s}, {@code 5m},
     * {@code 2h}, {@code 1d}) or ISO-8601 ({@code PT30S}).
     *
     * @param variable the variable's name
     * @param setting the builder's name for the value
     * @return the duration; empty when unset, or when it is not a duration (a problem is recorded)
     */
    public Optional<Duration> duration(String variable, String setting) {
        return converted(variable, setting, Env::parseDuration, (text, e) -> "must be a duration such as 500ms, 30s,"
                + " 5m or PT30S, was '" + text + "'");
    }

    /**
     * The variable as a URL. The text is not repeated in the problem (a URL may hold a token);
     * the builder's rules check the scheme and host.
     *
     * @param variable the variable's name
     * @param setting the builder's name for the value
     * @return the URL; empty when unset, or when it is not a URL (a problem is recorded)
     */
    public Optional<URI> url(String variable, String setting) {
        return converted(variable, setting, URI::new, (text, e) -> "is not a URL: "
                + ((URISyntaxException) e).getReason() + ".");
    }

    /**
     * The variable as a yes or no: {@code true}/{@code false}, {@code yes}/{@code no},
     * {@code on}/{@code off} or {@code 1}/{@code 0}, in any case.
     *
     * @param variable the variable's name
     * @param setting the builder's name for the value
     * @return the flag; empty when unset, or when it is none of those (a problem is recorded)
     */
    public Optional<Boolean> bool(String variable, String setting) {
        return converted(variable, setting, Env::parseBool, (text, e) -> "must be true or false, was '" + text + "'");
    }

    /**
     * The variable as one of an enum's constants, each named by its name in lower case
     * ({@code GATEWAY} is {@code gateway}) and matched in any case.
     *
     * <pre>{@code
     * env.oneOf("DISCORD_MODE", "mode", DiscordMode.class).ifPresent(builder::mode);
     * // DISCORD_MODE=pull: "DISCORD_MODE must be 'gateway' or 'interactions', was 'pull'"
     * }</pre>
     *
     * @param variable the variable's name, such as {@code DISCORD_MODE}
     * @param setting the builder's name for the value
     * @param type the enum; a problem lists its constants in their declared order
     * @param <E> the enum
     * @return the constant; empty when unset, or when it names none of them (a problem is recorded)
     */
    public <E extends Enum<E>> Optional<E> oneOf(String variable, String setting, Class<E> type) {
        E[] constants = type.getEnumConstants();
        return converted(variable, setting, text -> named(constants, text), (text, e) -> "must be "
                + choices(constants) + ", was '" + text + "'");
    }

    /**
     * The variable as a comma-separated list.
     *
     * @param variable the variable's name, such as {@code TWITCH_CHANNELS}
     * @param setting the builder's name for the value
     * @return the non-blank entries, stripped, in order; empty when unset
     */
    public List<String> list(String variable, String setting) {
        Optional<String> text = string(variable, setting);
        List<String> entries = new ArrayList<>();
        if (text.isPresent()) {
            for (String part : text.get().split(",")) {
                if (!part.isBlank()) {
                    entries.add(part.strip());
                }
            }
        }
        return entries;
    }

    /**
     * The variable converted by {@code convert}; when it throws, the problem {@code problem} words
     * (from the text and the exception) is recorded against {@code setting}.
     */
    private <T> Optional<T> converted(String variable, String setting, Conversion<T> convert,
            BiFunction<String, Exception, String> problem) {
        Optional<String> text = string(variable, setting);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(convert.apply(text.get()));
        } catch (Exception e) {
            problems.add(setting, problem.apply(text.get(), e));
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> E named(E[] constants, String text) {
        String name = text.toLowerCase(Locale.ROOT);
        for (E constant : constants) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("none of the choices");
    }

    /** {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}: the constants' names in lower case. */
    private static String choices(Enum<?>[] constants) {
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < constants.length; i++) {
            if (i > 0) {
                listed.append(i == constants.length - 1 ? " or " : ", ");
            }
            listed.append('\'').append(constants[i].name().toLowerCase(Locale.ROOT)).append('\'');
        }
        return listed.toString();
    }

    private static OptionalInt asInt(Optional<Integer> value) {
        return value.isPresent() ? OptionalInt.of(value.get()) : OptionalInt.empty();
    }

    private static Duration parseDuration(String text) {
        Matcher m = AMOUNT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Duration.parse(text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static boolean parseBool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("not a yes or no");
        };
    }

    /** Text to a value; throws when the text is not one. */
    private interface Conversion<T> {
        T apply(String text) throws Exception;
    }
}
