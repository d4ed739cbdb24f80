package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Platform;
import dev.chorusbot.core.webhook.WebhookDispatch;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.twitch.eventsub.internal.EventSubWebhook;
import dev.chorusbot.twitch.eventsub.internal.Signature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Twitch's documentation publishes the signature recipe but no signed example values, so these
 * vectors were computed outside Chorus with OpenSSL
 * ({@code printf '%s' "$id$timestamp$body" | openssl dgst -sha256 -hmac "$secret"}) and written
 * down here: the checker must agree with an implementation nobody here wrote.
 */
class SignatureTest {
    private static final String ID = "e76c6bd4-55c9-4987-8304-da1588d8988b";
    private static final String TIMESTAMP = "2019-11-16T10:11:12.634234626Z";
    private static final String BODY = "{\"subscription\":{\"id\":\"f1c2a387-161a-49f9-a165-0f21d7a4e1c4\","
            + "\"status\":\"enabled\",\"type\":\"channel.chat.message\",\"version\":\"1\",\"condition\":"
            + "{\"broadcaster_user_id\":\"141981764\",\"user_id\":\"900000001\"},\"transport\":{\"method\":"
            + "\"webhook\",\"callback\":\"https://example.com/twitch\"},\"created_at\":"
            + "\"2019-11-16T10:11:12.634234626Z\",\"cost\":0},\"event\":{\"broadcaster_user_id\":\"141981764\"}}";
    private static final String OPENSSL_SIGNATURE =
            "sha256=6acb0066bad2826b113e884c2416ab54ae3e11bae9db8980e34b7472d30e14c3";

    @Test
    void acceptsSignaturesComputedByOpenSsl() {
        Signature signature = new Signature("this is my secret");

        assertThat(signature.verify(ID, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8), OPENSSL_SIGNATURE)).isTrue();
        assertThat(new Signature("0123456789").verify("abc", "2024-01-01T00:00:00Z", "{}".getBytes(StandardCharsets.UTF_8),
                "sha256=b62d8f85b9a26f00ef98b5b5a284f90fc808f279aab9557d79c41b1508a901cd")).isTrue();
    }

    @Test
    void refusesASignatureOfAnotherSecretTimestampIdOrBody() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(new Signature("this is my Secret").verify(ID, TIMESTAMP, body, OPENSSL_SIGNATURE)).isFalse();
        assertThat(new Signature("this is my secret").verify(ID, "2019-11-16T10:11:12.634234627Z", body,
                OPENSSL_SIGNATURE)).isFalse();
        assertThat(new Signature("this is my secret").verify("e76c6bd4", TIMESTAMP, body, OPENSSL_SIGNATURE)).isFalse();
        assertThat(new Signature("this is my secret").verify(ID, TIMESTAMP, (BODY + " ").getBytes(StandardCharsets.UTF_8),
                OPENSSL_SIGNATURE)).isFalse();
        assertThat(new Signature("this is my secret").verify(ID, TIMESTAMP, body,
                OPENSSL_SIGNATURE.replace("sha256=", "sha1="))).isFalse();
        assertThat(new Signature("this is my secret").verify(ID, TIMESTAMP, body, "")).isFalse();
    }

    @Test
    void endpointAcceptsTheOpenSslSignedVerificationAndAnswersTheRawChallenge() {
        String body = "{\"challenge\":\"pogchamp-kappa-360noscope-vohiyo\",\"subscription\":{\"id\":\"f1c2a387\","
                + "\"status\":\"webhook_callback_verification_pending\",\"type\":\"channel.chat.message\","
                + "\"version\":\"1\",\"cost\":0,\"condition\":{\"broadcaster_user_id\":\"12826\",\"user_id\":"
                + "\"900000001\"},\"transport\":{\"method\":\"webhook\",\"callback\":\"https://example.com/twitch\"},"
                + "\"created_at\":\"2019-11-16T10:11:12.634234626Z\"}}";
        // printf '%s' "$ID$TIMESTAMP$body" | openssl dgst -sha256 -hmac 's3cre7-for-eventsub-tests'
        String signature = "sha256=" + OpenSsl.VERIFICATION_SIGNATURE;
        WebhookDispatch endpoint = endpointAt(Instant.parse("2019-11-16T10:15:00Z"));

        WebhookResponse response = endpoint.handle(WebhookRequest.post("/twitch", Map.of(
                "Twitch-Eventsub-Message-Id", ID,
                "Twitch-Eventsub-Message-Timestamp", TIMESTAMP,
                "Twitch-Eventsub-Message-Signature", signature,
                "Twitch-Eventsub-Message-Type", "webhook_callback_verification"), body.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "text/plain");
        assertThat(response.bodyText()).isEqualTo("pogchamp-kappa-360noscope-vohiyo");
    }

    static WebhookDispatch endpointAt(Instant now) {
        TwitchEventSubConfig config = TwitchEventSubConfig.builder()
                .clientId("hof5gwx0su6owfnys0nyan9c87zr6t").clientSecret("client-secret-value")
                .eventSubSecret(EventSubHarness.SECRET).botUserId(EventSubHarness.BOT_ID)
                .build();
        return new WebhookDispatch(new EventSubWebhook(config, Platform.of("twitch"),
                out -> CompletableFuture.completedFuture(null), chat -> { }, new ManualScheduler(now)),
                config.replyTimeout());
    }

    /** Values computed with OpenSSL for {@link #endpointAcceptsTheOpenSslSignedVerificationAndAnswersTheRawChallenge}. */
    static final class OpenSsl {
        static final String VERIFICATION_SIGNATURE = "6bc1e7227cdfb6a2eb9ccc913bdae97a5561717547a2cd7989c29b49783b9eef";
    }
}
