package dev.chorusbot.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The TLS set-up of a client for a plain http:// Bot API: none, and no TLS let through. */
class PlainHttpTest {

    @Test
    void refusesEveryUseForTlsAndSaysWhy() {
        SSLContext context = PlainHttp.CONTEXT;

        assertThatThrownBy(context::createSSLEngine).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("TLS is not set up for a plain http:// Bot API URL");
        assertThatThrownBy(context::getSocketFactory).hasMessage(PlainHttp.NO_TLS);
        assertThatThrownBy(() -> context.init(null, null, null)).hasMessage(PlainHttp.NO_TLS);
        assertThat(context.getDefaultSSLParameters().getCipherSuites()).isEmpty();
    }

    @Test
    void aClientWithItMakesNoTlsConnectionAndSaysWhy() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(PlainHttp.CONTEXT).sslParameters(PlainHttp.parameters())
                .connectTimeout(Duration.ofSeconds(30)).build();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.getLocalPort() + "/"))
                    .timeout(Duration.ofSeconds(30)).build();

            Throwable failure = catchThrowable(() -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .get(30, TimeUnit.SECONDS));

            assertThat(failure).isNotNull();
            Throwable cause = failure;
            while (cause.getCause() != null && !PlainHttp.NO_TLS.equals(cause.getMessage())) {
                cause = cause.getCause();
            }
            assertThat(cause).hasMessage(PlainHttp.NO_TLS);
        }
    }
}
