package dev.chorusbot.telegram.internal;

import java.security.KeyManagementException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS set-up of an HTTP client that talks plain {@code http://} only: a context that can make
 * no TLS connection, and parameters given up front so the client does not ask the context for its
 * defaults. Without them the JDK {@code HttpClient} takes the default context, which loads the JSSE
 * provider, instantiates every signature and cipher algorithm and parses every CA certificate of the
 * JDK, several megabytes of heap for a Bot API URL (a local Bot API server, a test fake) that never
 * does TLS. Any attempt to use this context for TLS fails, saying why, rather than going ahead
 * unchecked.
 */
final class PlainHttp {
    /** Why any use of the context fails. */
    static final String NO_TLS = "TLS is not set up for a plain http:// Bot API URL";

    /** The context. */
    static final SSLContext CONTEXT = new SSLContext(new NoTls(), new Provider("ChorusPlainHttp", "1",
            "no TLS: for plain http:// connections only") {}, "TLS") {};

    private PlainHttp() {}

    /** Parameters for the client builder: no cipher suites, no protocols, since none is ever used. */
    static SSLParameters parameters() {
        return new SSLParameters(new String[0], new String[0]);
    }

    /** The context's engine: every operation that would start TLS fails. */
    private static final class NoTls extends SSLContextSpi {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException(NO_TLS);
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException(NO_TLS);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return parameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return parameters();
        }
    }
}
