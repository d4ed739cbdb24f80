package dev.chorusbot.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that stalls in the middle of a request must not hold the server's serving thread. Runs
 * the server in a JVM of its own, because the JDK reads {@code sun.net.httpserver.maxReqTime} once
 * per JVM; the limit there is one second so the test is quick, where the default is 30.
 */
class StalledRequestTest {

    @Test
    void aClientStallingInTheBodyIsCutOffAndTheOnlyServingThreadServesTheNextRequest() throws Exception {
        Process server = new ProcessBuilder(List.of(new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-Dsun.net.httpserver.maxReqTime=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), OneThreadWebhookServerMain.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            int port = Integer.parseInt(new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().trim());

            try (Socket stalled = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = stalled.getOutputStream();
                out.write(("POST /hook HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n0123456789")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // 90 bytes never come. The server must close the connection rather than wait.
                InputStream in = stalled.getInputStream();
                stalled.setSoTimeout(20_000);
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                    int read;
                    try {
                        do {
                            read = in.read();
                        } while (read >= 0);
                    } catch (java.net.SocketException reset) {
                        // closed by the server: also fine
                    }
                });

                // The single serving thread is free again: a well-behaved request is answered.
                HttpResponse<String> next = assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                                        + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + "/hook"))
                                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                                HttpResponse.BodyHandlers.ofString()));
                assertThat(next.statusCode()).isEqualTo(200);
                assertThat(next.body()).isEqualTo("got 5 bytes");
            }
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void theServerSetsA30SecondRequestLimitWhenNoneIsSet() throws Exception {
        String before = System.getProperty("sun.net.httpserver.maxReqTime");
        WebhookServer server = WebhookServer.builder()
                .address(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build().start();
        try {
            assertThat(System.getProperty("sun.net.httpserver.maxReqTime"))
                    .isEqualTo(before == null ? "30" : before);
        } finally {
            server.close();
        }
    }
}
