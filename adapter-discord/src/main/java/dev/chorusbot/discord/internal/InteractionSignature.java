package dev.chorusbot.discord.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Checks Discord's signature of an interaction: Ed25519 over {@code X-Signature-Timestamp} followed
 * by the raw body, with the application's public key, the signature in {@code X-Signature-Ed25519}
 * as hex (Interactions overview: "Validating Security Request Headers"). The JDK's own
 * {@code Signature.getInstance("Ed25519")} (Java 15+) checks it; no other library is needed.
 *
 * <p>Thread-safe: each check takes its own {@link Signature}, which is cheap next to the check.
 */
public final class InteractionSignature {
    /**
     * The DER head of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE { SEQUENCE { OID
     * 1.3.101.112 }, BIT STRING of 33 bytes (no unused bits) }, then the 32 raw key bytes.
     */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** An Ed25519 signature is 64 bytes: 128 hex digits. */
    private static final int SIGNATURE_HEX = 128;

    /** RFC 8032, 7.1, test 1: a valid point and scalar, so checking it runs the whole verification. */
    private static final String PRIMING_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    private final PublicKey key;

    /**
     * A checker for the application's key.
     *
     * @param publicKeyHex the 32-byte public key as 64 hex digits, from the Developer Portal
     * @throws IllegalArgumentException when it is not 64 hex digits or not an Ed25519 key
     */
    public InteractionSignature(String publicKeyHex) {
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(publicKeyHex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key is not hex");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("the public key must be 32 bytes, was " + raw.length);
        }
        byte[] der = new byte[SPKI_PREFIX.length + raw.length];
        System.arraycopy(SPKI_PREFIX, 0, der, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, raw.length);
        try {
            this.key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the public key is not an Ed25519 key: " + e.getMessage());
        }
    }

    /**
     * Whether {@code signatureHex} is the application's signature of {@code timestamp} and {@code body}.
     *
     * @param timestamp the {@code X-Signature-Timestamp} header as sent
     * @param body the raw body
     * @param signatureHex the {@code X-Signature-Ed25519} header
     * @return false for a wrong signature, and for one that is not 128 hex digits
     */
    public boolean verify(String timestamp, byte[] body, String signatureHex) {
        if (signatureHex.length() != SIGNATURE_HEX) {
            return false;
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(signatureHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(key);
            check.update(timestamp.getBytes(StandardCharsets.UTF_8));
            check.update(body);
            return check.verify(signature);
        } catch (GeneralSecurityException e) {
            // A malformed signature (a point not on the curve) is a wrong one.
            return false;
        }
    }

    /**
     * Runs one whole check of a well-formed signature by another key (RFC 8032's first test
     * vector), so that the JDK's Ed25519 classes are loaded and run once before the first
     * interaction: a serverless function does it in its initialisation phase, which SnapStart
     * snapshots, instead of in its first invocation.
     */
    public void prime() {
        verify("", new byte[0], PRIMING_SIGNATURE);
    }

    @Override
    public String toString() {
        return "InteractionSignature[Ed25519]";
    }
}
