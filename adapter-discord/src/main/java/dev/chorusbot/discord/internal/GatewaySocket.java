package dev.chorusbot.discord.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One WebSocket to the Gateway on Java-WebSocket: connects in the background, hands each text
 * frame and the close to a {@link Listener} (on Java-WebSocket's thread), and sends frames.
 * Nothing of what it sends is logged here: IDENTIFY and RESUME carry the token. A message longer
 * than the limit closes the socket with 1009 (message too big) before it is held in memory.
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
    static GatewaySocket connect(URI uri, Duration timeout, int maxMessageBytes, Listener listener) {
        Client client = new Client(uri, (int) timeout.toMillis(), new BoundedDraft(maxMessageBytes), listener);
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

        Client(URI uri, int timeoutMillis, Draft draft, Listener listener) {
            super(uri, draft, Map.of(), timeoutMillis);
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

    /**
     * RFC 6455 with a bound on what is received. Java-WebSocket's maxFrameSize refuses a frame whose
     * header announces more than the limit before allocating it, and a fragmented message whose first
     * or last fragment crosses it; but fragments in between are added up unchecked (1.6.0,
     * {@code Draft_6455.processFrameContinuousAndNonFin}), so a peer sending endless middle fragments
     * would fill the heap. This draft counts every fragment of a message itself.
     */
    static final class BoundedDraft extends Draft_6455 {
        private final int limit;
        /** Bytes of the fragmented message being put together; 0 between messages. */
        private long fragmented;

        BoundedDraft(int limit) {
            super(List.of(), limit);
            this.limit = limit;
        }

        @Override
        public void processFrame(WebSocketImpl socket, Framedata frame) throws InvalidDataException {
            Opcode op = frame.getOpcode();
            if (op == Opcode.TEXT || op == Opcode.BINARY) {
                fragmented = frame.isFin() ? 0 : frame.getPayloadData().remaining();
            } else if (op == Opcode.CONTINUOUS) {
                fragmented += frame.getPayloadData().remaining();
                if (fragmented > limit) {
                    fragmented = 0;
                    // WebSocketImpl closes with this exception's code, 1009, and its message as the reason.
                    throw new LimitExceededException("message over " + limit + " bytes", limit);
                }
                if (frame.isFin()) {
                    fragmented = 0;
                }
            }
            super.processFrame(socket, frame);
        }

        @Override
        public Draft copyInstance() {
            return new BoundedDraft(limit); // Java-WebSocket copies the draft for each connection
        }
    }
}
