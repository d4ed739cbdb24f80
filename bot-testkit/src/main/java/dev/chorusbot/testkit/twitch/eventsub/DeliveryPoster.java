package dev.chorusbot.testkit.twitch.eventsub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs one EventSub message with Twitch's headers and signature, repeating it while it is not
 * answered 2xx, as Twitch does (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/).
 */
final class DeliveryPoster {
    private final URI callback;
    private final String secret;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DeliveryPoster(URI callback, String secret, Clock clock, int maxAttempts, Duration retryDelay) {
        this.callback = callback;
        this.secret = secret;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
    }

    Clock clock() {
        return clock;
    }

    URI callback() {
        return callback;
    }

    FakeEventSubSender.Delivery send(String messageId, int earlierAttempts, String messageType,
            String subscriptionType, String version, String body, String challenge) {
        List<FakeEventSubSender.Attempt> attempts = new ArrayList<>();
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            if (attempt > 0 && !retryDelay.isZero()) {
                sleep(retryDelay);
            }
            FakeEventSubSender.Attempt result = post(messageId, earlierAttempts + attempt, messageType,
                    subscriptionType, version, body);
            attempts.add(result);
            if (result.status() >= 200 && result.status() < 300) {
                break;
            }
        }
        return new FakeEventSubSender.Delivery(messageId, messageType, body, challenge, List.copyOf(attempts));
    }

    private FakeEventSubSender.Attempt post(String messageId, int retry, String messageType, String subscriptionType,
            String version, String body) {
        String timestamp = EventSubJson.RFC3339_NANOS.format(clock.instant());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(
                "Twitch-Eventsub-Message-Id", messageId,
                "Twitch-Eventsub-Message-Retry", Integer.toString(retry),
                "Twitch-Eventsub-Message-Type", messageType,
                "Twitch-Eventsub-Message-Signature", sign(secret, messageId, timestamp, bytes),
                "Twitch-Eventsub-Message-Timestamp", timestamp,
                "Twitch-Eventsub-Subscription-Type", subscriptionType,
                "Twitch-Eventsub-Subscription-Version", version);
        HttpRequest.Builder request = HttpRequest.newBuilder(callback)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new FakeEventSubSender.Attempt(response.statusCode(), response.body(), headers);
        } catch (IOException e) {
            return new FakeEventSubSender.Attempt(0, e.toString(), headers); // no answer: Twitch counts it as a failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FakeEventSubSender.Attempt(0, "interrupted", headers);
        }
    }

    /** {@code sha256=} + hex(HMAC-SHA256(secret, id + timestamp + body)). */
    static String sign(String secret, String messageId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(messageId.getBytes(StandardCharsets.UTF_8));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // Twitch's pause between retries, shortened for tests
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
