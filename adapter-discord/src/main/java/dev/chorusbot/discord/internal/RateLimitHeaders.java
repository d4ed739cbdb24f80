package dev.chorusbot.discord.internal;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * The rate-limit headers of one answer (Rate Limits, "Header Format"): {@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset-After} (seconds, with decimals; used rather than {@code X-RateLimit-Reset}
 * because it does not depend on the two clocks agreeing), {@code X-RateLimit-Bucket}, and on a 429
 * {@code X-RateLimit-Global}, {@code X-RateLimit-Scope} and {@code Retry-After}.
 *
 * @param remaining requests left in the bucket
 * @param resetAfterNanos time until the bucket resets
 * @param bucket the bucket's id, shared by routes with one limit
 * @param global whether a 429 was the global limit
 * @param scope {@code user}, {@code global} or {@code shared} on a 429
 * @param retryAfterSeconds the {@code Retry-After} header
 */
record RateLimitHeaders(Optional<Integer> remaining, Optional<Long> resetAfterNanos, Optional<String> bucket,
        boolean global, Optional<String> scope, Optional<Double> retryAfterSeconds) {

    static RateLimitHeaders of(HttpHeaders headers) {
        return new RateLimitHeaders(
                headers.firstValue("X-RateLimit-Remaining").flatMap(RateLimitHeaders::integer),
                headers.firstValue("X-RateLimit-Reset-After").flatMap(RateLimitHeaders::decimal)
                        .map(s -> (long) Math.ceil(s * 1_000_000_000L)),
                headers.firstValue("X-RateLimit-Bucket").filter(b -> !b.isBlank()),
                headers.firstValue("X-RateLimit-Global").map("true"::equalsIgnoreCase).orElse(false),
                headers.firstValue("X-RateLimit-Scope"),
                headers.firstValue("Retry-After").flatMap(RateLimitHeaders::decimal));
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Math.max(0, Integer.parseInt(text.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> decimal(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            return value >= 0 && Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
