package dev.chorusbot.twitch.eventsub.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.twitch.eventsub.TwitchApiException;
import dev.chorusbot.twitch.eventsub.TwitchEventSubConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Helix with the app access token and the application's {@code Client-Id}, and applies the
 * rules every call shares: wait when the rate-limit bucket is empty, wait for the reset and retry
 * after 429, renew the token and retry once after 401, retry a server error or a broken connection
 * twice with backoff. Anything else Twitch refuses becomes a {@link TwitchApiException} carrying
 * Twitch's own {@code error} and {@code message}.
 */
final class HelixTransport {
    private static final Logger log = LoggerFactory.getLogger(HelixTransport.class);
    private static final int MAX_RATE_LIMITED = 3;
    private static final int MAX_TRANSIENT = 2;

    private final TwitchEventSubConfig config;
    private final HelixApi.LazyHttpClient http;
    private final AppToken token;
    private final RateLimit rateLimit;
    private final Scheduler time;
    /**
     * Until when a 401 is not taken for an expired token: Helix also answers 401 when the bot lacks
     * a channel's authorization (no {@code channel:bot}, not a moderator), which a new token cannot
     * fix; after a renewal that did not help, the next minute's 401s are not renewed again.
     */
    private volatile Instant renewalUselessUntil = Instant.MIN;

    HelixTransport(TwitchEventSubConfig config, HelixApi.LazyHttpClient http, Scheduler time) {
        this.config = config;
        this.http = http;
        this.time = time;
        this.token = new AppToken(config, http, time);
        this.rateLimit = new RateLimit(time);
    }

    /** A Helix response: its status and parsed body (a missing node for 204). */
    record Response(int status, JsonNode body) {}

    /** Told of each retry of one call, with why it was retried. */
    @FunctionalInterface
    interface RetryListener {
        /** No one listens. */
        RetryListener NONE = reason -> { };

        /** The call is tried again for {@code reason}. */
        void retrying(BotObserver.RetryReason reason);
    }

    /**
     * Sends one request to {@code /helix/<path>} and returns a 2xx response.
     *
     * @throws TwitchApiException when Twitch refuses the request
     * @throws IOException when Twitch cannot be reached even after retrying
     */
    Response call(String method, String pathAndQuery, JsonNode body) throws IOException, InterruptedException {
        return call(method, pathAndQuery, body, RetryListener.NONE);
    }

    /**
     * Sends one request to {@code /helix/<path>}, telling {@code retries} of each retry after a 429,
     * a server error or a broken connection, and returns a 2xx response.
     *
     * @throws TwitchApiException when Twitch refuses the request
     * @throws IOException when Twitch cannot be reached even after retrying
     */
    Response call(String method, String pathAndQuery, JsonNode body, RetryListener retries)
            throws IOException, InterruptedException {
        URI uri = AppToken.resolve(config.apiUrl(), "/helix/" + pathAndQuery);
        byte[] payload = body == null ? null : JsonTrees.write(body);
        boolean renewed = false;
        int rateLimited = 0;
        int transient_ = 0;
        while (true) {
            time.sleep(rateLimit.waitBeforeRequest());
            String bearer = token.current();
            HttpResponse<byte[]> response;
            try {
                response = http.get().send(request(method, uri, payload, bearer), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (transient_++ < MAX_TRANSIENT) {
                    log.debug("Helix {} {} failed ({}); retrying", method, uri.getPath(), e.toString());
                    retries.retrying(BotObserver.RetryReason.NETWORK);
                    time.sleep(Duration.ofSeconds(transient_));
                    continue;
                }
                throw e;
            }
            rateLimit.update(response.headers());
            int status = response.statusCode();
            log.debug("Helix {} {} -> {}", method, uri.getPath(), status);
            if (status >= 200 && status < 300) {
                return new Response(status, parse(response.body()));
            }
            JsonNode error = parse(response.body());
            if (status == 401 && !renewed && time.now().isAfter(renewalUselessUntil)) {
                // An app access token expires (expires_in) or is revoked: get a new one, try once more.
                renewed = true;
                token.renew(bearer);
                continue;
            }
            if (status == 401 && renewed) {
                renewalUselessUntil = time.now().plus(Duration.ofMinutes(1));
            }
            if (status == 429 && rateLimited++ < MAX_RATE_LIMITED) {
                Duration wait = rateLimit.waitAfterTooManyRequests(response.headers());
                log.debug("Helix rate limit reached; waiting {} for the reset", wait);
                retries.retrying(BotObserver.RetryReason.RATE_LIMITED);
                time.sleep(wait);
                continue;
            }
            if (status >= 500 && transient_++ < MAX_TRANSIENT) {
                retries.retrying(BotObserver.RetryReason.SERVER_ERROR);
                time.sleep(Duration.ofSeconds(transient_));
                continue;
            }
            throw new TwitchApiException(status, Json.text(error, "error"), Json.text(error, "message"));
        }
    }

    private HttpRequest request(String method, URI uri, byte[] payload, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + bearer)
                .header("Client-Id", config.clientId());
        if (payload != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JsonTrees.read(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
