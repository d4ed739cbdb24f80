package dev.chorusbot.testkit.discord;

import dev.chorusbot.core.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Plays Discord towards an Interactions endpoint: holds an application's Ed25519 key pair, whose
 * public key a test gives the bot ({@code DISCORD_PUBLIC_KEY}), and signs and POSTs interactions
 * as Discord does, with {@code X-Signature-Ed25519} (hex) over {@code X-Signature-Timestamp} and the
 * body.
 *
 * <pre>{@code
 * InteractionSender discord = InteractionSender.create();
 * // DISCORD_PUBLIC_KEY = discord.publicKey()
 * InteractionReply reply = discord.send(url, discord.command("hello"));
 * assertThat(reply.content()).isEqualTo("hello Viktor!");
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class InteractionSender {
    /** The RFC 8410 DER head of an Ed25519 public key: the raw 32 bytes follow it. */
    private static final int SPKI_HEAD = 12;

    private final KeyPair keys;
    private final String applicationId;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private InteractionSender(KeyPair keys, String applicationId) {
        this.keys = keys;
        this.applicationId = applicationId;
    }

    /**
     * A sender with a new key pair for the fake API's default application.
     *
     * @return the sender
     */
    public static InteractionSender create() {
        return create(FakeDiscordApi.DEFAULT_APPLICATION_ID);
    }

    /**
     * A sender with a new key pair for an application.
     *
     * @param applicationId the {@code application_id} its interactions carry
     * @return the sender
     */
    public static InteractionSender create(String applicationId) {
        try {
            return new InteractionSender(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), applicationId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /**
     * The public key, as the Developer Portal shows it.
     *
     * @return 64 lower-case hex digits
     */
    public String publicKey() {
        byte[] der = keys.getPublic().getEncoded();
        return HexFormat.of().formatHex(Arrays.copyOfRange(der, SPKI_HEAD, der.length));
    }

    /**
     * The application the interactions are for.
     *
     * @return its id
     */
    public String applicationId() {
        return applicationId;
    }

    /**
     * A PING, which Discord sends when the endpoint URL is saved.
     *
     * @return the interaction
     */
    public Interaction ping() {
        return new Interaction(1, applicationId);
    }

    /**
     * A slash command without options; add them with {@link Interaction#option(String, Object)}.
     *
     * @param name the command's name
     * @return the interaction
     */
    public Interaction command(String name) {
        return Interaction.command(name, applicationId);
    }

    /**
     * A press of a button whose {@code custom_id} is {@code customId}, on message {@code messageId}.
     *
     * @param customId the button's custom id
     * @param messageId the message the button is on
     * @return the interaction
     */
    public Interaction press(String customId, String messageId) {
        return Interaction.press(customId, messageId, applicationId);
    }

    /**
     * The signature Discord would send.
     *
     * @param timestamp the {@code X-Signature-Timestamp} value
     * @param body the raw body
     * @return the signature as 128 hex digits
     */
    public String sign(String timestamp, byte[] body) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signer.update(body);
            return HexFormat.of().formatHex(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs {@code interaction} now and POSTs it.
     *
     * @param url the Interactions endpoint URL
     * @param interaction the interaction
     * @return the endpoint's answer
     */
    public InteractionReply send(URI url, Interaction interaction) {
        return send(url, interaction, Instant.now());
    }

    /**
     * Signs {@code interaction} as sent at {@code signedAt} and POSTs it, for a bot whose clock is a
     * manual scheduler.
     *
     * @param url the Interactions endpoint URL
     * @param interaction the interaction
     * @param signedAt the time {@code X-Signature-Timestamp} says
     * @return the endpoint's answer
     */
    public InteractionReply send(URI url, Interaction interaction, Instant signedAt) {
        byte[] body = interaction.json().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return post(url, body, timestamp, sign(timestamp, body));
    }

    /**
     * POSTs {@code body} with the given headers as they are, for tests of bad signatures, stale
     * timestamps and malformed bodies; a null header is left out.
     *
     * @param url the Interactions endpoint URL
     * @param body the raw body
     * @param timestamp the {@code X-Signature-Timestamp} value, or null
     * @param signature the {@code X-Signature-Ed25519} value, or null
     * @return the endpoint's answer
     */
    public InteractionReply post(URI url, byte[] body, String timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (timestamp != null) {
            request.header("X-Signature-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Signature-Ed25519", signature);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new InteractionReply(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while POSTing an interaction", e);
        }
    }

    @Override
    public String toString() {
        return "InteractionSender[application " + applicationId + ", public key " + publicKey() + "]";
    }
}
