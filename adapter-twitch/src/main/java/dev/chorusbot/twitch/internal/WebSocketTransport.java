package dev.chorusbot.twitch.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IRC over WebSocket: each text frame we send carries one line; a frame we receive may carry several
 * lines separated by CR LF (Twitch batches lines this way). For {@code wss} the TLS socket is made
 * as for {@code ircs}, verifying the certificate's host name.
 */
final class WebSocketTransport implements IrcTransport {
    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);

    /**
     * Frames Java-WebSocket may hold unwritten before {@link #send} waits. Its queue has no bound of its
     * own, so a server that stops reading would have every line we write piled up in memory; waiting
     * instead makes a stalled WebSocket block as a stalled TCP socket does, for the write watchdog to end.
     */
    static final int MAX_UNWRITTEN_FRAMES = 256;
    private static final long WAIT_NANOS = 1_000_000;

    private final Client client;
    private final java.net.Socket socket;

    private WebSocketTransport(Client client, java.net.Socket socket) {
        this.client = client;
        this.socket = socket;
    }

    static WebSocketTransport open(URI server, SSLContext tls, Duration timeout, Listener listener)
            throws IOException {
        Client client = new Client(server, (int) timeout.toMillis(), listener);
        int port = server.getPort() > 0 ? server.getPort() : tls != null ? 443 : 80;
        // Connect (and shake hands) ourselves so that TLS failures surface here with their reason;
        // Java-WebSocket then speaks WebSocket over the ready socket.
        java.net.Socket socket = SocketTransport.connect(server.getHost(), port, tls, timeout);
        client.setSocketFactory(new ConnectedSocket(socket));
        client.setConnectionLostTimeout(0); // IRC's own PING/PONG watches the connection
        boolean open;
        try {
            open = client.connectBlocking(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new IOException("interrupted while connecting to " + server, e);
        }
        if (!open) {
            try {
                client.closeBlocking(); // lets the writer thread report a TLS failure before we read it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Exception error = client.error.get();
            throw error instanceof IOException io ? io
                    : new IOException("could not open WebSocket to " + server
                            + (error == null ? ": no handshake within " + timeout.toMillis() + " ms or the server refused it"
                                    : ": " + error.getMessage()), error);
        }
        client.opened.set(true);
        return new WebSocketTransport(client, socket);
    }

    @Override
    public void send(String line) throws IOException {
        try {
            client.send(line);
        } catch (RuntimeException e) { // WebsocketNotConnectedException
            throw new IOException("the WebSocket is closed", e);
        }
        java.util.Queue<?> unwritten = unwritten();
        while (unwritten.size() > MAX_UNWRITTEN_FRAMES) {
            if (client.isClosing() || client.isClosed()) {
                throw new IOException("the WebSocket is closed");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(WAIT_NANOS); // Java-WebSocket signals no progress
        }
    }

    private java.util.Queue<?> unwritten() {
        return ((org.java_websocket.WebSocketImpl) client.getConnection()).outQueue;
    }

    @Override
    public void close() {
        boolean stalled = !unwritten().isEmpty();
        client.close();
        if (stalled) {
            // The closing handshake waits behind what the server does not read: drop the socket instead.
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("Closing the Twitch WebSocket's socket failed", e);
            }
        }
    }

    /** Hands Java-WebSocket the socket we connected; it skips connecting a socket that already is. */
    private static final class ConnectedSocket extends javax.net.SocketFactory {
        private final java.net.Socket socket;

        ConnectedSocket(java.net.Socket socket) {
            this.socket = socket;
        }

        @Override
        public java.net.Socket createSocket() {
            return socket;
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws IOException {
            throw new IOException("only the connected socket is available");
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws IOException {
            throw new IOException("only the connected socket is available");
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
            throw new IOException("only the connected socket is available");
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress local,
                int localPort) throws IOException {
            throw new IOException("only the connected socket is available");
        }
    }

    private static final class Client extends WebSocketClient {
        private final Listener listener;
        private final AtomicReference<Exception> error = new AtomicReference<>();
        private final AtomicBoolean opened = new AtomicBoolean();
        private final AtomicBoolean reported = new AtomicBoolean();

        Client(URI server, int timeoutMillis, Listener listener) {
            super(server, new Draft_6455(), Map.of(), timeoutMillis);
            this.listener = listener;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {}

        @Override
        public void onMessage(String frame) {
            int start = 0;
            int length = frame.length();
            for (int i = 0; i <= length; i++) {
                if (i == length || frame.charAt(i) == '\n' || frame.charAt(i) == '\r') {
                    if (i > start) {
                        String line = frame.substring(start, i);
                        // The same limit as over TCP, so a line is never handed on over one transport and
                        // skipped over the other.
                        if (utf8Length(line) > MAX_LINE_BYTES) {
                            log.warn("Twitch IRC line longer than {} bytes skipped", MAX_LINE_BYTES);
                        } else {
                            listener.onLine(line);
                        }
                    }
                    start = i + 1;
                }
            }
        }

        private static int utf8Length(String line) {
            if (line.length() * 3 <= MAX_LINE_BYTES) {
                return line.length(); // short enough whatever the characters are: skip the count
            }
            return line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (reported.compareAndSet(false, true)) {
                Exception failure = error.get();
                listener.onClosed(failure instanceof IOException io ? io
                        : new EOFException("WebSocket closed (" + code + (reason.isEmpty() ? "" : " " + reason) + ")"));
            }
        }

        @Override
        public void onError(Exception e) {
            error.compareAndSet(null, e);
        }
    }
}
