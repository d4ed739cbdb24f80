package dev.chorusbot.core;

import java.util.List;

/**
 * Thrown when a bot or adapter is configured wrongly. Lists every problem found, not only the first,
 * each as one sentence; never contains a token or secret.
 */
@Api(Api.Status.STABLE)
public class ConfigurationException extends RuntimeException {
    /** The problems, one sentence each; part of the serialized form. */
    private final List<String> problems;

    /**
     * An exception listing {@code problems}.
     *
     * @param problems at least one problem, each one sentence; the message numbers them when
     *     there are several
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public ConfigurationException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * An exception with one problem.
     *
     * @param problem one sentence, which is also the message
     */
    public ConfigurationException(String problem) {
        this(List.of(problem));
    }

    /**
     * The problems, one sentence each.
     *
     * @return the problems in the order found
     */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigurationException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder text = new StringBuilder(problems.size() + " configuration problems:");
        for (int i = 0; i < problems.size(); i++) {
            text.append("\n  ").append(i + 1).append(") ").append(problems.get(i));
        }
        return text.toString();
    }
}
