package dev.chorusbot.state.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Redis is, read from {@code redis://[user:password@]host:port[/db]} or {@code rediss://…}
 * (TLS), with the optional settings {@code ?timeout=2s&budgetMargin=100ms} (milliseconds or
 * seconds). {@link #toString()} leaves the password out.
 */
record RedisUrl(String host, int port, Optional<String> user, Optional<String> password, int database, boolean tls,
        Optional<Duration> timeout, Optional<Duration> budgetMargin) {

    /**
     * Reads {@code value}, adding its problems (each naming {@code source}, none repeating the
     * password) to {@code problems}.
     *
     * @return the URL, or null when there were problems
     */
    static RedisUrl parse(String value, String source, List<String> problems) {
        String shown = redacted(value);
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            problems.add(source + " is not a Redis URL (redis://[user:password@]host:port[/db]): '" + shown + "'");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            problems.add(source + " must start with redis:// or rediss://, was '" + shown + "'");
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            problems.add(source + " names no host: expected redis://[user:password@]host:port[/db], was '" + shown + "'");
            return null;
        }
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        int database = 0;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/")) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                database = -1;
            }
            if (database < 0) {
                problems.add(source + " must end in /<database number> after the port, was '" + shown + "'");
                return null;
            }
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            String name = colon < 0 ? "" : decode(info.substring(0, colon));
            String secret = decode(colon < 0 ? info : info.substring(colon + 1));
            user = name.isEmpty() ? Optional.empty() : Optional.of(name);
            password = secret.isEmpty() ? Optional.empty() : Optional.of(secret);
        }
        Optional<Duration> timeout = Optional.empty();
        Optional<Duration> margin = Optional.empty();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                Optional<Duration> setting = eq < 0 ? Optional.empty() : duration(pair.substring(eq + 1));
                if (!name.equals("timeout") && !name.equals("budgetMargin")) {
                    problems.add(source + " has the setting '" + name + "', which the Redis store does not know:"
                            + " timeout and budgetMargin are known");
                } else if (setting.isEmpty()) {
                    problems.add(source + " must give " + name + " as milliseconds or seconds, such as "
                            + name + "=500ms or " + name + "=2s");
                } else if (name.equals("timeout")) {
                    timeout = setting;
                } else {
                    margin = setting;
                }
            }
            if (!problems.isEmpty()) {
                return null;
            }
        }
        return new RedisUrl(uri.getHost(), port, user, password, database, scheme.equals("rediss"), timeout, margin);
    }

    /** The value with the part between {@code //} and {@code @} left out. */
    static String redacted(String value) {
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return value;
        }
        int start = value.indexOf("//");
        start = start >= 0 && start < at ? start + 2 : 0;
        return value.substring(0, start) + "…" + value.substring(at);
    }

    /** {@code 500ms} or {@code 2s}; empty when it is neither. */
    private static Optional<Duration> duration(String text) {
        try {
            if (text.endsWith("ms")) {
                return Optional.of(Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2))));
            }
            if (text.endsWith("s")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1))));
            }
        } catch (NumberFormatException e) {
            // not a number: reported by the caller
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + user.map(u -> u + "@").orElse("") + host + ":" + port + "/" + database;
    }
}
