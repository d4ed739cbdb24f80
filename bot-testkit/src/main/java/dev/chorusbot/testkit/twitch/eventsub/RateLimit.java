package dev.chorusbot.testkit.twitch.eventsub;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;

/**
 * Helix's token bucket: {@code Ratelimit-Limit} points per one-minute window, each request costs
 * one, {@code Ratelimit-Remaining} and {@code Ratelimit-Reset} on every answer.
 */
final class RateLimit {
    private final Clock clock;
    private final int pointsPerMinute;
    private int remaining;
    private long resetEpochSecond;

    RateLimit(Clock clock, int pointsPerMinute) {
        this.clock = clock;
        this.pointsPerMinute = pointsPerMinute;
        this.remaining = pointsPerMinute;
    }

    /** Spends a point and sets the headers; false when the bucket is empty. */
    synchronized boolean spend(HttpExchange exchange) {
        window();
        exchange.getResponseHeaders().set("Ratelimit-Limit", Integer.toString(pointsPerMinute));
        exchange.getResponseHeaders().set("Ratelimit-Reset", Long.toString(resetEpochSecond));
        if (remaining <= 0) {
            exchange.getResponseHeaders().set("Ratelimit-Remaining", "0");
            return false;
        }
        remaining--;
        exchange.getResponseHeaders().set("Ratelimit-Remaining", Integer.toString(remaining));
        return true;
    }

    synchronized void remaining(int points) {
        window();
        this.remaining = points;
    }

    synchronized int remaining() {
        window();
        return remaining;
    }

    /** Starts a new one-minute window once the previous one has reset. */
    private void window() {
        long now = clock.instant().getEpochSecond();
        if (resetEpochSecond == 0 || now >= resetEpochSecond) {
            resetEpochSecond = now + 60;
            remaining = pointsPerMinute;
        }
    }
}
