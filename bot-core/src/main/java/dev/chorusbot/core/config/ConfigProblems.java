package dev.chorusbot.core.config;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.ConfigurationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The problems a configuration builder found, each named by its source: the setter's name, or the
 * environment variable the value was read from. A builder keeps one; {@link Env} records there
 * which setting came from which variable and what could not be parsed, and {@code build()} adds
 * the rules on a {@link #copy()} and ends with {@link #throwIfAny()}.
 *
 * <pre>{@code
 * ConfigProblems p = problems.copy();
 * p.check(path.startsWith("/"), "webhookPath", "must start with '/', was '" + path + "'");
 * p.throwIfAny();   // "TELEGRAM_WEBHOOK_PATH must start with '/', was 'hook'" when read from there
 * }</pre>
 *
 * <p>Not thread-safe: it belongs to one builder.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class ConfigProblems {
    private final Map<String, String> sources;
    private final List<String> problems;

    /** An empty collector: every setting is named by itself until {@link #from} says otherwise. */
    public ConfigProblems() {
        this(new HashMap<>(), new ArrayList<>());
    }

    private ConfigProblems(Map<String, String> sources, List<String> problems) {
        this.sources = sources;
        this.problems = problems;
    }

    /**
     * Records that {@code setting} is read from {@code variable}, so its problems name the variable.
     *
     * @param setting the builder's name for the value, such as {@code webhookPath}
     * @param variable the environment variable, such as {@code TELEGRAM_WEBHOOK_PATH}
     * @return this collector
     * @throws NullPointerException when an argument is null
     */
    public ConfigProblems from(String setting, String variable) {
        sources.put(Objects.requireNonNull(setting, "setting"), Objects.requireNonNull(variable, "variable"));
        return this;
    }

    /**
     * The name a problem with {@code setting} shows.
     *
     * @param setting the builder's name for the value
     * @return the variable it was read from, or {@code setting} itself when it was set in code
     */
    public String nameOf(String setting) {
        return sources.getOrDefault(setting, setting);
    }

    /**
     * Whether {@code setting} was read from the environment.
     *
     * @param setting the builder's name for the value
     * @return true when {@link #from} recorded a variable for it
     */
    public boolean fromEnvironment(String setting) {
        return sources.containsKey(setting);
    }

    /**
     * Adds a problem with {@code setting}: its name, a space, then {@code text}.
     *
     * @param setting the builder's name for the value
     * @param text the rest of the sentence, such as {@code must start with '/'}; never a secret
     */
    public void add(String setting, String text) {
        problems.add(nameOf(setting) + " " + text);
    }

    /**
     * Adds a problem written whole, for rules across settings; name them with {@link #nameOf}.
     *
     * @param sentence one sentence; never a secret
     */
    public void addSentence(String sentence) {
        problems.add(Objects.requireNonNull(sentence, "sentence"));
    }

    /**
     * Adds a problem with {@code setting} unless {@code ok}.
     *
     * @param ok whether the rule holds
     * @param setting the builder's name for the value
     * @param text the rest of the sentence, added after the setting's name
     * @return {@code ok}
     */
    public boolean check(boolean ok, String setting, String text) {
        if (!ok) {
            add(setting, text);
        }
        return ok;
    }

    /**
     * An independent copy with the same sources and problems, for one {@code build()}: a builder
     * built twice must not list its rules' problems twice.
     *
     * @return a new collector
     */
    public ConfigProblems copy() {
        return new ConfigProblems(new HashMap<>(sources), new ArrayList<>(problems));
    }

    /**
     * Whether no problem was found.
     *
     * @return true when nothing was added
     */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /**
     * The problems so far.
     *
     * @return the sentences in the order added; unmodifiable
     */
    public List<String> list() {
        return List.copyOf(problems);
    }

    /**
     * Throws when any problem was found.
     *
     * @throws ConfigurationException listing every problem, in the order added
     */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    @Override
    public String toString() {
        return "ConfigProblems" + problems;
    }
}
