package dev.chorusbot.twitch.eventsub.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.twitch.eventsub.AppTokenRefusedException;
import dev.chorusbot.twitch.eventsub.TwitchEventSubConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The application's access token, obtained with the OAuth client credentials flow
 * (https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#client-credentials-grant-flow):
 * {@code POST /oauth2/token} with {@code client_id}, {@code client_secret} and
 * {@code grant_type=client_credentials}, answered with {@code access_token}, {@code expires_in} and
 * {@code token_type}. The token is fetched lazily, renewed shortly before it expires and whenever
 * Helix answers 401; concurrent renewals are folded into one.
 */
final class AppToken {
    /** Renew this long before the announced expiry, so no request goes out with a dying token. */
    private static final Duration EARLY = Duration.ofMinutes(1);

    private final TwitchEventSubConfig config;
    private final HelixApi.LazyHttpClient http;
    private final Scheduler time;
    private final URI tokenUri;
    private String token;
    private Instant expiresAt = Instant.MIN;

    AppToken(TwitchEventSubConfig config, HelixApi.LazyHttpClient http, Scheduler time) {
        this.config = config;
        this.http = http;
        this.time = time;
        this.tokenUri = resolve(config.authUrl(), "/oauth2/token");
    }

    /** A valid token, fetching one when there is none or it is about to expire. */
    synchronized String current() throws IOException, InterruptedException {
        if (token == null || !time.now().isBefore(expiresAt.minus(EARLY))) {
            fetch();
        }
        return token;
    }

    /** Fetches a new token unless another caller already replaced {@code stale}. */
    synchronized String renew(String stale) throws IOException, InterruptedException {
        if (token == null || token.equals(stale)) {
            fetch();
        }
        return token;
    }

    private void fetch() throws IOException, InterruptedException {
        String form = "client_id=" + encode(config.clientId()) + "&client_secret=" + encode(config.clientSecret())
                + "&grant_type=client_credentials";
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<byte[]> response = http.get().send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || !Json.has(body, "access_token")) {
            // Twitch: {"status":403,"message":"invalid client secret"}, {"status":400,"message":"invalid client"}
            throw new AppTokenRefusedException(response.statusCode(),
                    "could not get an app access token with TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET: "
                            + (Json.text(body, "message").isEmpty() ? "no reason given" : Json.text(body, "message")));
        }
        token = Json.text(body, "access_token");
        long seconds = body.path("expires_in").asLong(3600);
        expiresAt = time.now().plusSeconds(Math.max(seconds, 0));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JsonTrees.read(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static URI resolve(URI base, String path) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + path);
    }

    @Override
    public String toString() {
        return "AppToken[" + tokenUri + ", token=***]";
    }
}
