package dev.chorusbot.twitch.eventsub.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * EventSub's delivery signature (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/,
 * "Verifying the event message"): {@code sha256=} followed by the lower-case hex HMAC-SHA256, keyed
 * with the subscription's secret, of the {@code Twitch-Eventsub-Message-Id} header, the
 * {@code Twitch-Eventsub-Message-Timestamp} header and the raw body bytes, concatenated in that order.
 */
public final class Signature {
    /** The prefix Twitch puts before the hex digest. */
    public static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    /** A signature checker for {@code secret}. */
    public Signature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The header value Twitch would send for this delivery. */
    public String sign(String messageId, String timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(messageId, timestamp, body));
    }

    /** True when {@code header} is the right signature; compared in constant time. */
    public boolean verify(String messageId, String timestamp, byte[] body, String header) {
        byte[] expected = sign(messageId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.strip().getBytes(StandardCharsets.US_ASCII);
        // MessageDigest.isEqual does not stop at the first difference (constant time since JDK 6u17).
        return MessageDigest.isEqual(expected, given);
    }

    private byte[] mac(String messageId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(messageId.getBytes(StandardCharsets.UTF_8));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "Signature[HmacSHA256, key=***]";
    }
}
