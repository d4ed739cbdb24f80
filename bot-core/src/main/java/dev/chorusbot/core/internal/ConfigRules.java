package dev.chorusbot.core.internal;

import dev.chorusbot.core.config.ConfigProblems;
import java.net.URI;
import java.time.Duration;

/**
 * The configuration rules several of Chorus's builders share, each worded once so that every
 * adapter refuses the same input with the same sentence. Each records into the builder's
 * {@link ConfigProblems}, which names the setter, or the environment variable the value came from.
 * Internal: not part of the public API.
 */
public final class ConfigRules {
    private ConfigRules() {}

    /** Adds a problem with {@code setting} unless {@code port} is a TCP port number (0: any free one). */
    public static void port(ConfigProblems problems, int port, String setting) {
        problems.check(port >= 0 && port <= 65535, setting, "must be a port number from 0 to 65535, was " + port);
    }

    /** Adds a problem with {@code setting} unless {@code value} is positive. */
    public static void positive(ConfigProblems problems, Duration value, String setting) {
        problems.check(!value.isZero() && !value.isNegative(), setting, "must be positive, was " + value);
    }

    /** Adds a problem with {@code setting} when {@code value} is negative (zero: do not wait). */
    public static void notNegative(ConfigProblems problems, Duration value, String setting) {
        problems.check(!value.isNegative(), setting, "must not be negative, was " + value);
    }

    /**
     * Adds problems with the {@code retries} setting: fewer than one attempt, a negative first
     * backoff, or a longest backoff shorter than the first.
     */
    public static void retries(ConfigProblems problems, int attempts, Duration initialBackoff, Duration maxBackoff) {
        problems.check(attempts >= 1, "retries", "attempts must be at least 1, was " + attempts);
        problems.check(!initialBackoff.isNegative() && maxBackoff.compareTo(initialBackoff) >= 0, "retries",
                "backoff must not be negative and the longest at least the first, were " + initialBackoff + " and "
                        + maxBackoff);
    }

    /**
     * Adds a problem with the {@code webhookPath} setting unless {@code path} starts with {@code /}
     * and holds no space; the problem quotes {@code shown}, the path with its secrets masked.
     */
    public static void webhookPath(ConfigProblems problems, String path, String shown) {
        problems.check(path.startsWith("/") && !path.contains(" "), "webhookPath",
                "must start with '/' and contain no spaces, was '" + shown + "'");
    }

    /** Whether {@code uri} is an http or https URL with a host. */
    public static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null;
    }

    /**
     * {@code uri} as text with its user info ({@code https://user:pass@host}) replaced by
     * {@code <user info>}, for messages, logs and {@code toString()}: it may hold a password.
     */
    public static String withoutUserInfo(URI uri) {
        String info = uri.getRawUserInfo();
        return info == null ? uri.toString() : uri.toString().replace(info + "@", "<user info>@");
    }
}
