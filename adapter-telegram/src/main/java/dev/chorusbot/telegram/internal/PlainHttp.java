package dev.chorusbot.telegram.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context of an HTTP client that talks plain {@code http://} only: no keys, and a trust
 * manager that trusts no server, so it needs none of the JDK's CA certificates (which the default
 * context loads and parses on first use). A TLS connection through it fails with a message saying
 * why, instead of going ahead unchecked.
 */
final class PlainHttp {
    /** The context; made once per process, on the first Bot API call to an http:// URL. */
    static final SSLContext CONTEXT = context();

    private PlainHttp() {}

    private static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[] {new TrustingNoServer()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS context: " + e.getMessage(), e);
        }
    }

    /** Refuses every certificate: a client for an http:// URL has no business doing TLS. */
    static final class TrustingNoServer extends X509ExtendedTrustManager {
        private static CertificateException refused() {
            return new CertificateException("TLS is not set up for a plain http:// Bot API URL");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw refused();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw refused();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw refused();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw refused();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw refused();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw refused();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
