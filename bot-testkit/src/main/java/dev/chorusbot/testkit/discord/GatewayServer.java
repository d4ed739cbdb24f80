package dev.chorusbot.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The WebSocket side of {@link FakeDiscordGateway}: the handshake (HELLO, IDENTIFY or RESUME,
 * READY or RESUMED), heartbeats, sessions with their sequence numbers and the events a resume
 * replays, and what the fake is told to do. State is guarded by this object.
 */
final class GatewayServer {
    /** Discord: "Apps also have a limit for concurrent Identify requests allowed per 5 seconds". */
    static final long IDENTIFY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Every intent bit Discord defines up to DIRECT_MESSAGE_POLLS (1 << 25); others are 4013. */
    private static final long KNOWN_INTENTS = (1L << 26) - 1;

    private final FakeDiscordGateway.Builder settings;
    private final Socket socket;
    private final URI url;
    private final URI resumeUrl;

    // ---- guarded by this ----
    final List<GatewayPayload> received = new ArrayList<>();
    final List<String> paths = new ArrayList<>();
    final List<Integer> clientCloseCodes = new ArrayList<>();
    final List<String> sent = new ArrayList<>();
    final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<Integer, Long> lastIdentifyByKey = new HashMap<>();
    int identifyRateViolations;
    int readies;
    int resumed;
    int connections;
    boolean acking = true;
    private long nextMessageId = 900_000_000_000_000_000L;

    /** One Gateway session: its shard, the events dispatched to it (the replay of a resume), its connection. */
    static final class Session {
        final String id;
        final int shardId;
        final int shardCount;
        final List<ObjectNode> events = new ArrayList<>();
        Connection connection;
        boolean invalid;

        Session(String id, int shardId, int shardCount) {
            this.id = id;
            this.shardId = shardId;
            this.shardCount = shardCount;
        }

        int seq() {
            return events.size();
        }
    }

    /** One open WebSocket. */
    static final class Connection {
        final int number;
        final WebSocket socket;
        Session session;
        boolean closeRecorded;

        Connection(int number, WebSocket socket) {
            this.number = number;
            this.socket = socket;
        }
    }

    GatewayServer(FakeDiscordGateway.Builder settings) throws IOException {
        this.settings = settings;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
            port = probe.getLocalPort();
        }
        socket = new Socket(new InetSocketAddress(loopback, port));
        socket.setReuseAddr(true);
        socket.setConnectionLostTimeout(0); // the Gateway's own heartbeats watch connections
        socket.start();
        socket.awaitStarted();
        url = URI.create("ws://127.0.0.1:" + port);
        resumeUrl = URI.create("ws://127.0.0.1:" + port + "/resume");
    }

    FakeDiscordGateway.Builder settings() {
        return settings;
    }

    URI url() {
        return url;
    }

    URI resumeUrl() {
        return resumeUrl;
    }

    void stop() {
        try {
            socket.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- what the fake is told to do ------------------------------------------------------------

    /** Dispatches event {@code type} to every valid session of the shard that {@code guildId} routes to. */
    synchronized int dispatch(String type, JsonNode d, String guildId) {
        int delivered = 0;
        for (Session session : sessions.values()) {
            if (session.invalid || session.shardId != shardOf(guildId, session.shardCount)) {
                continue;
            }
            ObjectNode frame = DiscordJson.object().put("op", 0);
            frame.set("d", d);
            frame.put("s", session.seq() + 1);
            frame.put("t", type);
            session.events.add(frame);
            if (session.connection != null) {
                send(session.connection, frame.toString());
            }
            delivered++;
        }
        return delivered;
    }

    /** Sharding: {@code shard_id = (guild_id >> 22) % num_shards}; events without a guild go to shard 0. */
    static int shardOf(String guildId, int shardCount) {
        if (guildId == null) {
            return 0;
        }
        return (int) Long.remainderUnsigned(Long.parseUnsignedLong(guildId) >>> 22, shardCount);
    }

    synchronized String nextMessageId() {
        return Long.toString(nextMessageId++);
    }

    synchronized void toAll(String frame) {
        for (Session session : sessions.values()) {
            if (session.connection != null) {
                send(session.connection, frame);
            }
        }
        for (WebSocket conn : socket.getConnections()) {
            Connection c = conn.getAttachment();
            if (c != null && c.session == null) {
                send(c, frame);
            }
        }
    }

    /** Sends {@code frame} over every open connection as a fragmented message of {@code fragmentBytes} a piece. */
    synchronized void toAllFragmented(String frame, int fragmentBytes, boolean finish) {
        for (Session session : sessions.values()) {
            if (session.connection != null) {
                sendFragmented(session.connection, frame, fragmentBytes, finish);
            }
        }
    }

    /** Closes every connection with {@code code}; the sessions stay resumable unless the code ends them. */
    void closeAll(int code, String reason) {
        boolean ends = code == 4007 || code == 4009 || (code >= 4010 && code <= 4014) || code == 4004;
        synchronized (this) {
            for (Session session : sessions.values()) {
                if (ends) {
                    session.invalid = true;
                }
            }
        }
        // Outside the lock: closing calls back into it from Java-WebSocket's threads.
        for (WebSocket conn : socket.getConnections()) {
            conn.close(code, reason);
        }
    }

    void dropAll() {
        for (WebSocket conn : socket.getConnections()) {
            conn.closeConnection(1006, "dropped");
        }
    }

    synchronized void invalidateSessions(boolean resumable) {
        for (Session session : sessions.values()) {
            if (!resumable) {
                session.invalid = true;
            }
            if (session.connection != null) {
                send(session.connection, "{\"op\":9,\"d\":" + resumable + "}");
            }
        }
    }

    // ---- the protocol ---------------------------------------------------------------------------

    private synchronized void opened(WebSocket conn, ClientHandshake handshake) {
        Connection c = new Connection(++connections, conn);
        conn.setAttachment(c);
        String path = handshake.getResourceDescriptor();
        paths.add(path);
        if (!path.contains("v=10")) {
            // Discord closes a connection that asks for an API version it does not serve.
            conn.close(4012, "Invalid API version.");
            return;
        }
        if (!path.contains("encoding=json")) {
            conn.close(4002, "Decode error.");
            return;
        }
        send(c, "{\"op\":10,\"d\":{\"heartbeat_interval\":" + settings.heartbeatInterval.toMillis() + "}}");
    }

    private synchronized void closed(WebSocket conn, int code, boolean remote) {
        Connection c = conn.getAttachment();
        if (c == null) {
            return;
        }
        if (remote && !c.closeRecorded) {
            c.closeRecorded = true; // no close frame came first: a dropped connection (1006)
            clientCloseCodes.add(code);
        }
        if (c.session != null && c.session.connection == c) {
            c.session.connection = null;
            if (remote && (code == 1000 || code == 1001)) {
                // Gateway: closing with 1000 or 1001 invalidates the session.
                c.session.invalid = true;
            }
        }
    }

    /** The bot's close frame arrived: its code is what the bot closed with, whatever the teardown shows. */
    private synchronized void closing(WebSocket conn, int code, boolean remote) {
        Connection c = conn.getAttachment();
        if (c != null && remote && !c.closeRecorded) {
            c.closeRecorded = true;
            clientCloseCodes.add(code);
        }
    }

    private synchronized void message(WebSocket conn, String frame) {
        Connection c = conn.getAttachment();
        long now = settings.nanoTime.getAsLong();
        JsonNode payload;
        try {
            payload = DiscordJson.MAPPER.readTree(frame);
        } catch (IOException e) {
            payload = null;
        }
        if (payload == null || !payload.isObject() || !payload.path("op").isInt()) {
            received.add(new GatewayPayload(c.number, -1, "null", frame, now));
            conn.close(4002, "Decode error.");
            return;
        }
        int op = payload.get("op").asInt();
        JsonNode d = payload.has("d") ? payload.get("d") : NullNode.getInstance();
        received.add(new GatewayPayload(c.number, op, d.toString(), frame, now));
        switch (op) {
            case 1 -> {
                if (acking) {
                    send(c, "{\"op\":11}");
                }
            }
            case 2 -> identify(c, d, now);
            case 6 -> resume(c, d);
            case 3, 4, 8, 31 -> {
                if (c.session == null) {
                    conn.close(4003, "Not authenticated.");
                }
            }
            default -> conn.close(4001, "Unknown opcode.");
        }
    }

    private void identify(Connection c, JsonNode d, long now) {
        if (c.session != null) {
            c.socket.close(4005, "Already authenticated.");
            return;
        }
        if (!settings.token.equals(d.path("token").asText())) {
            c.socket.close(4004, "Authentication failed.");
            return;
        }
        if (!d.path("properties").isObject() || !d.path("intents").canConvertToLong()) {
            c.socket.close(4002, "Decode error.");
            return;
        }
        long intents = d.path("intents").asLong();
        if ((intents & ~KNOWN_INTENTS) != 0 || intents < 0) {
            c.socket.close(4013, "Invalid intent(s).");
            return;
        }
        if ((intents & FakeDiscordGateway.PRIVILEGED_INTENTS & ~settings.allowedPrivilegedIntents) != 0) {
            c.socket.close(4014, "Disallowed intent(s).");
            return;
        }
        JsonNode shard = d.path("shard");
        int shardId = 0;
        int shardCount = 1;
        if (!shard.isMissingNode()) {
            if (!shard.isArray() || shard.size() != 2 || shard.get(1).asInt() < 1 || shard.get(0).asInt() < 0
                    || shard.get(0).asInt() >= shard.get(1).asInt()) {
                c.socket.close(4010, "Invalid shard.");
                return;
            }
            shardId = shard.get(0).asInt();
            shardCount = shard.get(1).asInt();
        }
        if (shardCount < settings.requiredShards) {
            c.socket.close(4011, "Sharding required.");
            return;
        }
        int key = shardId % settings.maxConcurrency;
        Long last = lastIdentifyByKey.get(key);
        if (last != null && now - last < IDENTIFY_WINDOW_NANOS) {
            // Discord answers an identify over max_concurrency per 5 s with Invalid Session.
            identifyRateViolations++;
            send(c, "{\"op\":9,\"d\":false}");
            return;
        }
        lastIdentifyByKey.put(key, now);
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE)
                + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        Session session = new Session(id, shardId, shardCount);
        sessions.put(id, session);
        session.connection = c;
        c.session = session;
        ObjectNode ready = DiscordJson.object();
        ready.put("v", 10);
        ready.putObject("user").put("id", settings.botId).put("username", settings.botName)
                .put("discriminator", "0").putNull("global_name").put("bot", true);
        ready.putArray("guilds");
        ready.putArray("private_channels"); // always empty for bots, but Discord sends it
        ready.put("session_id", id);
        ready.put("resume_gateway_url", resumeUrl.toString());
        if (!shard.isMissingNode()) {
            ready.putArray("shard").add(shardId).add(shardCount);
        }
        ready.putObject("application").put("id", settings.botId).put("flags", 0);
        readies++;
        ObjectNode frame = DiscordJson.object().put("op", 0);
        frame.set("d", ready);
        frame.put("s", session.seq() + 1);
        frame.put("t", "READY");
        session.events.add(frame);
        send(c, frame.toString());
    }

    private void resume(Connection c, JsonNode d) {
        if (!settings.token.equals(d.path("token").asText())) {
            c.socket.close(4004, "Authentication failed.");
            return;
        }
        Session session = sessions.get(d.path("session_id").asText());
        if (session == null || session.invalid) {
            send(c, "{\"op\":9,\"d\":false}");
            return;
        }
        long seq = d.path("seq").asLong(-1);
        if (seq < 0 || seq > session.seq()) {
            session.invalid = true;
            c.socket.close(4007, "Invalid seq.");
            return;
        }
        // The session moves to the new connection; the old one, if the bot has not closed it yet,
        // no longer receives its events.
        session.connection = c;
        c.session = session;
        for (ObjectNode event : session.events.subList((int) seq, session.seq())) {
            send(c, event.toString());
        }
        ObjectNode frame = DiscordJson.object().put("op", 0);
        frame.putNull("d");
        frame.put("s", session.seq() + 1);
        frame.put("t", "RESUMED");
        session.events.add(frame);
        resumed++;
        send(c, frame.toString());
    }

    private void send(Connection c, String frame) {
        sent.add(frame);
        if (c.socket.isOpen()) {
            c.socket.send(frame);
        }
    }

    private void sendFragmented(Connection c, String frame, int fragmentBytes, boolean finish) {
        sent.add(frame);
        byte[] bytes = frame.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int start = 0; start < bytes.length && c.socket.isOpen(); start += fragmentBytes) {
            int end = Math.min(bytes.length, start + fragmentBytes);
            try {
                // Java-WebSocket sends the first piece as TEXT and the rest as continuation frames.
                c.socket.sendFragmentedFrame(org.java_websocket.enums.Opcode.TEXT,
                        java.nio.ByteBuffer.wrap(java.util.Arrays.copyOfRange(bytes, start, end)),
                        finish && end == bytes.length);
            } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
                return; // the bot closed the connection part way, as it may for a message too big
            }
        }
    }

    private final class Socket extends WebSocketServer {
        private final CountDownLatch started = new CountDownLatch(1);

        Socket(InetSocketAddress address) {
            super(address, 1);
        }

        void awaitStarted() throws IOException {
            try {
                if (!started.await(10, TimeUnit.SECONDS)) {
                    throw new IOException("the fake Discord Gateway did not start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            opened(conn, handshake);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            closed(conn, code, remote);
        }

        @Override
        public void onClosing(WebSocket conn, int code, String reason, boolean remote) {
            closing(conn, code, remote);
        }

        @Override
        public void onMessage(WebSocket conn, String frame) {
            message(conn, frame);
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
