package dev.chorusbot.testkit.discord;

import dev.chorusbot.core.Api;
import java.time.Instant;

/**
 * One REST call the fake received.
 *
 * @param method the HTTP method
 * @param path the path after the API's base, such as {@code /channels/123/messages}
 * @param json the request body as sent; empty without one
 * @param authorized whether it carried {@code Authorization: Bot <token>} with the fake's token
 * @param userAgent its {@code User-Agent}; empty without one
 * @param receivedAt when it arrived
 * @param receivedNanos when it arrived, in {@link System#nanoTime()}, for measuring intervals
 * @param status the HTTP status the fake answered with
 */
@Api(Api.Status.EXPERIMENTAL)
public record DiscordCall(String method, String path, String json, boolean authorized, String userAgent,
        Instant receivedAt, long receivedNanos, int status) {}
