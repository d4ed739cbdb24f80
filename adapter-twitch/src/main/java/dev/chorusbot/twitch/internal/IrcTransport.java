package dev.chorusbot.twitch.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * One connection to an IRC server, carrying lines. The URL's scheme chooses how: {@code irc} (TCP),
 * {@code ircs} (TLS with host-name verification), {@code ws} and {@code wss} (IRC over WebSocket, as
 * Twitch offers at wss://irc-ws.chat.twitch.tv:443).
 */
interface IrcTransport {
    /** Receives what the connection reads, on the connection's own thread. */
    interface Listener {
        /** One line, without its line ending. */
        void onLine(String line);

        /** The connection ended; called once. {@code cause} says why (an {@link java.io.EOFException} when the server closed it). */
        void onClosed(IOException cause);
    }

    /** Longest line read; Twitch lines with all tags stay far below (a 500-character message and tags fit in 8 KiB). */
    int MAX_LINE_BYTES = 64 * 1024;

    /** Writes one line (the transport adds the line ending where its framing needs one). */
    void send(String line) throws IOException;

    /** Closes the connection; the listener's {@code onClosed} is still called once. */
    void close();

    /**
     * Opens a connection to {@code server} and starts reading.
     *
     * @throws IOException when the connection or the TLS handshake fails (a host name that does not
     *     match the certificate fails here)
     */
    static IrcTransport open(URI server, Optional<SSLContext> ssl, Duration timeout, Listener listener)
            throws IOException {
        String scheme = server.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "irc" -> SocketTransport.open(server.getHost(), port(server, 6667), null, timeout, listener);
            case "ircs" -> SocketTransport.open(server.getHost(), port(server, 6697), context(ssl), timeout, listener);
            case "ws", "wss" -> WebSocketTransport.open(server, scheme.equals("wss") ? context(ssl) : null, timeout,
                    listener);
            default -> throw new IOException("unsupported scheme " + scheme);
        };
    }

    private static int port(URI server, int fallback) {
        return server.getPort() > 0 ? server.getPort() : fallback;
    }

    private static SSLContext context(Optional<SSLContext> ssl) throws IOException {
        if (ssl.isPresent()) {
            return ssl.get();
        }
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException("no TLS support in this JVM", e);
        }
    }
}
