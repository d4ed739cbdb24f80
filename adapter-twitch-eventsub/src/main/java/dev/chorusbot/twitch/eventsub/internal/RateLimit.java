package dev.chorusbot.twitch.eventsub.internal;

import dev.chorusbot.core.time.Scheduler;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Helix's rate limit as the API reports it (https://dev.twitch.tv/docs/api/guide/#twitch-rate-limits):
 * every response carries {@code Ratelimit-Limit}, {@code Ratelimit-Remaining} and
 * {@code Ratelimit-Reset} (the Unix second at which the bucket is full again). When nothing remains,
 * the next request waits for the reset instead of being refused with 429.
 */
final class RateLimit {
    private final Scheduler time;
    private long remaining = -1; // unknown until the first response
    private long resetEpochSecond;

    RateLimit(Scheduler time) {
        this.time = time;
    }

    /** Reads the headers of a response. */
    synchronized void update(HttpHeaders headers) {
        OptionalLong left = number(headers, "Ratelimit-Remaining");
        OptionalLong reset = number(headers, "Ratelimit-Reset");
        if (left.isPresent()) {
            remaining = left.getAsLong();
        }
        if (reset.isPresent()) {
            resetEpochSecond = reset.getAsLong();
        }
    }

    /** How long to wait before the next request: zero unless the bucket is empty and not yet reset. */
    synchronized Duration waitBeforeRequest() {
        if (remaining != 0) {
            if (remaining > 0) {
                remaining--; // claim a point so concurrent senders do not all rush the last one
            }
            return Duration.ZERO;
        }
        Duration wait = untilReset();
        if (wait.isZero()) {
            remaining = -1; // reset has passed: unknown again until the next response says
        }
        return wait;
    }

    /** How long to wait after a 429: until the reset the response names, at least a second. */
    synchronized Duration waitAfterTooManyRequests(HttpHeaders headers) {
        update(headers);
        remaining = 0;
        Duration wait = untilReset();
        return wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    private Duration untilReset() {
        Instant reset = Instant.ofEpochSecond(resetEpochSecond);
        Duration wait = Duration.between(time.now(), reset);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        return headers.firstValue(name).map(String::strip).filter(v -> v.matches("-?[0-9]{1,19}"))
                .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }
}
