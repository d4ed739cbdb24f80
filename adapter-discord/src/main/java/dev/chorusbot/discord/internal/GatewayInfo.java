package dev.chorusbot.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how a bot connects to the Gateway: the answer of {@code GET /gateway/bot} (Gateway:
 * "Get Gateway Bot": {@code url}, recommended {@code shards}, and {@code session_start_limit}
 * with {@code total}, {@code remaining}, {@code reset_after} in milliseconds and
 * {@code max_concurrency}), or a configured URL.
 *
 * @param url the Gateway's ws or wss URL, without query
 * @param shards the shard count Discord recommends, at least 1
 * @param total session starts allowed per reset period
 * @param remaining session starts left now
 * @param resetAfter when {@code remaining} is back at {@code total}
 * @param maxConcurrency identifies allowed per 5 s, at least 1
 */
public record GatewayInfo(URI url, int shards, int total, int remaining, Duration resetAfter, int maxConcurrency) {
    /**
     * A configured URL: one shard, no known start limit, one identify per 5 s.
     *
     * @param url the Gateway URL
     * @return the info
     */
    public static GatewayInfo configured(URI url) {
        return new GatewayInfo(url, 1, Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ZERO, 1);
    }

    /**
     * Reads the answer of {@code GET /gateway/bot}.
     *
     * @param body the JSON answer
     * @return the info
     * @throws IllegalArgumentException when {@code url} is missing or not a ws/wss URL, or a number
     *     is out of range
     */
    public static GatewayInfo parse(JsonNode body) {
        String url = body.path("url").asText("");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GET /gateway/bot gave a url that is not a URL");
        }
        if (!("wss".equals(uri.getScheme()) || "ws".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("GET /gateway/bot gave no ws or wss url");
        }
        JsonNode limit = body.path("session_start_limit");
        int shards = Math.max(1, body.path("shards").asInt(1));
        int total = limit.path("total").asInt(1000);
        int remaining = limit.path("remaining").asInt(total);
        long resetAfter = limit.path("reset_after").asLong(0);
        int concurrency = Math.max(1, limit.path("max_concurrency").asInt(1));
        if (remaining < 0 || total < 1 || resetAfter < 0) {
            throw new IllegalArgumentException("GET /gateway/bot gave a session_start_limit out of range: total "
                    + total + ", remaining " + remaining + ", reset_after " + resetAfter);
        }
        return new GatewayInfo(uri, shards, total, remaining, Duration.ofMillis(resetAfter), concurrency);
    }
}
