package dev.chorusbot.discord.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One WebSocket to the Gateway on Java-WebSocket: connects in the background, hands each text
 * frame and the close to a {@link Listener} (on Java-WebSocket's thread), and sends frames.
 * Nothing of what it sends is logged here: IDENTIFY and RESUME carry the token.
 */
final class GatewaySocket {
    /** What happens on the socket. */
    interface Listener {
        void frame(String text);

        /** The socket closed, or never opened: {@code code} is the close code (1006 without one). */
        void closed(int code, String reason, boolean remote);
    }

    private final Client client;

    private GatewaySocket(Client client) {
        this.client = client;
    }

    /** Starts connecting to {@code uri}; the outcome arrives at {@code listener}. */
    static GatewaySocket connect(URI uri, Duration timeout, Listener listener) {
        Client client = new Client(uri, (int) timeout.toMillis(), listener);
        // The Gateway's heartbeats watch the connection: no WebSocket pings of our own.
        client.setConnectionLostTimeout(0);
        client.setDaemon(true);
        client.connect();
        return new GatewaySocket(client);
    }

    /** Sends one frame; false when the socket is not open (the close follows, or has come). */
    boolean send(String frame) {
        try {
            client.send(frame);
            return true;
        } catch (RuntimeException e) { // WebsocketNotConnectedException
            return false;
        }
    }

    /** Starts the closing handshake with {@code code}. */
    void close(int code, String reason) {
        client.close(code, reason);
    }

    /** Drops the TCP connection at once, without waiting for the peer's close frame. */
    void abort(int code, String reason) {
        client.closeConnection(code, reason);
    }

    boolean isClosed() {
        return client.isClosed();
    }

    private static final class Client extends WebSocketClient {
        private final Listener listener;

        Client(URI uri, int timeoutMillis, Listener listener) {
            super(uri, new Draft_6455(), Map.of(), timeoutMillis);
            this.listener = listener;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {}

        @Override
        public void onMessage(String message) {
            listener.frame(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            listener.closed(code, reason == null ? "" : reason, remote);
        }

        @Override
        public void onError(Exception ex) {
            // onClose follows with the close code Java-WebSocket chose (1006 for a failure)
        }
    }
}
