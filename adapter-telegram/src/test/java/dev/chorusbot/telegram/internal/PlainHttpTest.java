package dev.chorusbot.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** The TLS context of a client for a plain http:// Bot API: no trust material, and no TLS let through. */
class PlainHttpTest {

    @Test
    void trustsNoServerAndSaysWhy() {
        PlainHttp.TrustingNoServer trust = new PlainHttp.TrustingNoServer();

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "ECDHE_RSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessage("TLS is not set up for a plain http:// Bot API URL");
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "ECDHE_RSA", (SSLEngine) null))
                .isInstanceOf(CertificateException.class);
        assertThat(trust.getAcceptedIssuers()).isEmpty();
    }

    @Test
    void isAWorkingContextForTheClientToHold() {
        SSLEngine engine = PlainHttp.CONTEXT.createSSLEngine();

        assertThat(engine.getSupportedProtocols()).contains("TLSv1.3");
    }
}
