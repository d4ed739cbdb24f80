package dev.chorusbot.testkit.twitch;

import dev.chorusbot.core.Api;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate made at test time with the JDK's {@code keytool}, so TLS tests
 * ({@code ircs://}, {@code wss://}) run without files checked in and without the internet.
 *
 * <pre>{@code
 * TestCertificate cert = TestCertificate.generate("localhost");
 * FakeTwitchIrcServer server = FakeTwitchIrcServer.builder().tls(cert).start();
 * TwitchConfig.builder().server(server.uri()).sslContext(cert.clientContext())...
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class TestCertificate {
    private static final String ALIAS = "chorus-test";

    private final SSLContext serverContext;
    private final SSLContext clientContext;
    private final List<String> hostNames;

    private TestCertificate(SSLContext serverContext, SSLContext clientContext, List<String> hostNames) {
        this.serverContext = serverContext;
        this.clientContext = clientContext;
        this.hostNames = List.copyOf(hostNames);
    }

    /**
     * Generates a key pair and a certificate valid for {@code hostNames} (DNS names, or IP addresses
     * such as {@code 127.0.0.1}), for two days.
     *
     * @param hostNames the names put in the subject alternative names; the first is also the
     *     common name; names of digits and dots, or with a colon, are taken as IP addresses
     * @return the certificate with a server and a client TLS context
     * @throws IllegalArgumentException when no host name is given
     * @throws IllegalStateException when keytool fails or the key store cannot be read
     */
    public static TestCertificate generate(String... hostNames) {
        if (hostNames.length == 0) {
            throw new IllegalArgumentException("at least one host name is needed");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("chorus-cert");
            Path store = dir.resolve("server.p12");
            char[] password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12)).toCharArray();
            List<String> san = new ArrayList<>();
            for (String host : hostNames) {
                san.add((host.matches("[0-9.]+|.*:.*") ? "ip:" : "dns:") + host);
            }
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                    "-keysize", "2048", "-validity", "2", "-dname", "CN=" + hostNames[0],
                    "-ext", "SAN=" + String.join(",", san), "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", new String(password), "-keypass", new String(password))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("keytool.log").toFile())
                    .start();
            // keytool writes to a file, not a pipe, so a keytool that hangs cannot block a read and
            // the timeout holds.
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within 60 seconds");
            }
            if (process.exitValue() != 0) {
                String output = Files.readString(dir.resolve("keytool.log"), Charset.forName(
                        System.getProperty("native.encoding", Charset.defaultCharset().name())));
                throw new IllegalStateException("keytool failed: " + output.strip());
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(keyManagers.getKeyManagers(), null, null);

            Certificate certificate = keys.getCertificate(ALIAS);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, trustManagers.getTrustManagers(), null);
            return new TestCertificate(server, client, List.of(hostNames));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not make a test certificate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a test certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /**
     * The server side: the key and certificate, for a fake server's TLS socket.
     *
     * @return a TLS context holding the private key and the certificate
     */
    public SSLContext serverContext() {
        return serverContext;
    }

    /**
     * The client side: trusts exactly this certificate (host names are still checked by the
     * client).
     *
     * @return a TLS context whose only trusted certificate is this one
     */
    public SSLContext clientContext() {
        return clientContext;
    }

    /**
     * The host names the certificate is valid for.
     *
     * @return the names given to {@link #generate}, in order
     */
    public List<String> hostNames() {
        return hostNames;
    }
}
