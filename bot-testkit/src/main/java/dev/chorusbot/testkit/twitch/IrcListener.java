package dev.chorusbot.testkit.twitch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * The transports: accepts connections over TCP, TLS, WebSocket or secure WebSocket, splits what
 * clients send into lines for the protocol, and keeps the list of open connections.
 */
final class IrcListener {
    /** The transport and its URI scheme. */
    enum Kind { TCP, TLS, WS, WSS }

    private final Kind kind;
    private final TestCertificate certificate;
    private final BiConsumer<IrcClient, String> lines;
    private final List<IrcClient> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket serverSocket;
    private WebSocketServer webSocketServer;
    private URI uri;

    IrcListener(Kind kind, TestCertificate certificate, BiConsumer<IrcClient, String> lines) {
        this.kind = kind;
        this.certificate = certificate;
        this.lines = lines;
    }

    void start() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        switch (kind) {
            case TCP, TLS -> {
                serverSocket = kind == Kind.TCP ? new ServerSocket(0, 50, loopback)
                        : certificate.serverContext().getServerSocketFactory().createServerSocket(0, 50, loopback);
                uri = URI.create((kind == Kind.TCP ? "irc" : "ircs") + "://localhost:" + serverSocket.getLocalPort());
                Thread acceptor = new Thread(this::acceptLoop, "fake-twitch-accept");
                acceptor.setDaemon(true);
                acceptor.start();
            }
            case WS, WSS -> {
                int port;
                try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
                    port = probe.getLocalPort();
                }
                WsServer server = new WsServer(new InetSocketAddress(loopback, port));
                if (kind == Kind.WSS) {
                    server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(certificate.serverContext()));
                }
                server.setReuseAddr(true);
                server.start();
                server.awaitStarted();
                webSocketServer = server;
                uri = URI.create((kind == Kind.WS ? "ws" : "wss") + "://localhost:" + port);
            }
            default -> throw new AssertionError(kind);
        }
    }

    URI uri() {
        return uri;
    }

    Kind kind() {
        return kind;
    }

    List<IrcClient> clients() {
        return clients;
    }

    int connectionCount() {
        return connections.get();
    }

    void dropConnections() {
        for (IrcClient client : clients) {
            client.close();
        }
    }

    void stop() {
        dropConnections();
        try {
            if (serverSocket != null) {
                serverSocket.close();
            }
            if (webSocketServer != null) {
                webSocketServer.stop(1000);
            }
        } catch (IOException e) {
            // closing a loopback listener; nothing to report
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void opened(IrcClient client) {
        connections.incrementAndGet();
        clients.add(client);
    }

    private void closed(IrcClient client) {
        clients.remove(client);
        client.channels.clear();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                TcpClient client = new TcpClient(socket);
                opened(client);
                Thread reader = new Thread(client::read, "fake-twitch-client");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private final class TcpClient extends IrcClient {
        private final Socket socket;
        private final OutputStream out;

        TcpClient(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void read() {
            try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    if (b == '\n') {
                        String text = bytes.toString(StandardCharsets.UTF_8);
                        bytes.reset();
                        if (text.endsWith("\r")) {
                            text = text.substring(0, text.length() - 1);
                        }
                        if (!text.isEmpty()) {
                            lines.accept(this, text);
                        }
                        awaitReading(socket::isClosed);
                    } else {
                        bytes.write(b);
                    }
                }
            } catch (IOException e) {
                // the connection ended
            } finally {
                close();
                closed(this);
            }
        }

        @Override
        void send(String line) {
            sendChunk(line + "\r\n");
        }

        @Override
        void sendChunk(String chunk) {
            try {
                synchronized (out) {
                    out.write(chunk.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                close();
            }
        }

        @Override
        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static final class WsClient extends IrcClient {
        private final WebSocket socket;

        WsClient(WebSocket socket) {
            this.socket = socket;
        }

        @Override
        void send(String line) {
            sendChunk(line + "\r\n");
        }

        @Override
        void sendChunk(String chunk) {
            if (socket.isOpen()) {
                socket.send(chunk);
            }
        }

        @Override
        void close() {
            socket.closeConnection(1006, "dropped");
        }
    }

    private final class WsServer extends WebSocketServer {
        private final CountDownLatch started = new CountDownLatch(1);

        WsServer(InetSocketAddress address) {
            super(address);
        }

        void awaitStarted() throws IOException {
            try {
                if (!started.await(10, TimeUnit.SECONDS)) {
                    throw new IOException("WebSocket server did not start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            WsClient client = new WsClient(conn);
            conn.setAttachment(client);
            opened(client);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            WsClient client = conn.getAttachment();
            if (client != null) {
                closed(client);
            }
        }

        @Override
        public void onMessage(WebSocket conn, String frame) {
            WsClient client = conn.getAttachment();
            for (String line : frame.split("\r\n|\n|\r")) {
                if (!line.isEmpty()) {
                    lines.accept(client, line);
                }
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // a client's broken connection; onClose follows
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
