package dev.chorusbot.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.time.ScheduledTask;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.discord.DiscordGatewayException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gateway session of one shard, kept alive across connections (Discord's Gateway page,
 * "Connection Lifecycle"):
 * <ol>
 *   <li>connect to the Gateway URL with {@code ?v=10&encoding=json};</li>
 *   <li>HELLO gives {@code heartbeat_interval}: the first HEARTBEAT after interval × jitter
 *       (random in [0, 1)), then one every interval, each carrying the last sequence number. A
 *       HEARTBEAT (op 1) from Discord is answered at once. No HEARTBEAT_ACK between two beats means
 *       a zombie connection: close it with a code other than 1000/1001 (which would end the
 *       session) and resume;</li>
 *   <li>IDENTIFY, when the {@link IdentifyLimiter} allows, with the token, intents, properties and
 *       {@code shard: [id, count]}; READY brings {@code session_id} and {@code resume_gateway_url};</li>
 *   <li>after a lost connection, RECONNECT (op 7), INVALID_SESSION {@code true} or a close code
 *       that allows it: connect to {@code resume_gateway_url} and RESUME with {@code session_id}
 *       and {@code seq}; Discord replays the missed events and sends RESUMED;</li>
 *   <li>INVALID_SESSION {@code false}, or close 4007 (invalid seq) or 4009 (session timed out):
 *       the session is gone; after 1 to 5 s (random) connect to the Gateway URL and IDENTIFY
 *       afresh;</li>
 *   <li>close codes 4004 and 4010 to 4014 cannot be fixed by reconnecting: the shard stops and
 *       reports a {@link DiscordGatewayException}.</li>
 * </ol>
 * Failed connects back off (1 s doubling to 60 s, drawn between half and all of the step). A frame
 * that is not JSON, an unknown opcode or event is logged and skipped. All state is confined to the
 * adapter's loop: every callback and timer is handed to it.
 */
final class GatewayShard {
    private static final Logger log = LoggerFactory.getLogger(GatewayShard.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The code Chorus closes with to resume: not 1000/1001, which would end the session. */
    static final int RESUME_CLOSE = 4900;
    /** The WebSocket close code for a message too big to process (RFC 6455, 7.4.1). */
    static final int TOO_BIG = 1009;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final long MIN_BACKOFF_MILLIS = 1_000;
    private static final long MAX_BACKOFF_MILLIS = 60_000;
    /** How long a socket we closed gets for the closing handshake before it is dropped. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    /** What the shard tells its adapter. */
    interface Events {
        /** A dispatch (op 0) other than READY and RESUMED. */
        void dispatch(GatewayShard shard, String type, JsonNode d);

        /** READY: the session started; {@code user} is the bot's user object. */
        void ready(GatewayShard shard, JsonNode user);

        /** The connection was lost and the shard connects again. */
        void reconnecting(GatewayShard shard);

        /** The shard gave up: a close code that reconnecting cannot fix. */
        void stopped(GatewayShard shard, DiscordGatewayException failure);
    }

    private final int shardId;
    private final int shardCount;
    private final DiscordConfig config;
    private final URI gatewayUrl;
    private final IdentifyLimiter limiter;
    private final Scheduler time;
    private final Executor loop;
    private final DoubleSupplier random;
    private final Events events;

    // ---- confined to the loop ----
    private GatewaySocket socket;
    /** Counts connections; callbacks of an older one are ignored. */
    private int generation;
    private String sessionId;
    private URI resumeUrl;
    /** The last sequence number received; null before the first dispatch of the session. */
    private Long seq;
    private ScheduledTask heartbeat;
    private ScheduledTask waiting;
    private volatile boolean acked;
    /** Connections in a row that ended before READY or RESUMED. */
    private int failures;
    private boolean stopped;
    private volatile boolean ready;
    private volatile int connections;

    GatewayShard(int shardId, int shardCount, DiscordConfig config, URI gatewayUrl, IdentifyLimiter limiter,
            Scheduler time, Executor loop, DoubleSupplier random, Events events) {
        this.shardId = shardId;
        this.shardCount = shardCount;
        this.config = config;
        this.gatewayUrl = gatewayUrl;
        this.limiter = limiter;
        this.time = time;
        this.loop = loop;
        this.random = random;
        this.events = events;
    }

    int shardId() {
        return shardId;
    }

    /** Whether the session is up: READY or RESUMED received on the current connection. */
    boolean isReady() {
        return ready;
    }

    /** Whether the last heartbeat was acknowledged (or none was sent yet on this connection). */
    boolean acked() {
        return acked;
    }

    /** Connections opened so far. */
    int connections() {
        return connections;
    }

    /** Connects; call on the loop. */
    void start() {
        connect();
    }

    /** Closes with 1000, which ends the session (the bot goes offline), and connects no more; on the loop. */
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        ready = false;
        cancelTimers();
        if (socket != null) {
            generation++;
            GatewaySocket s = socket;
            socket = null;
            s.close(1000, "closing");
            time.schedule(CLOSE_GRACE, () -> s.abort(1000, "closing"));
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        boolean resuming = sessionId != null;
        // Resume at resume_gateway_url; if connecting there failed, the Gateway URL serves a resume too.
        URI base = resuming && resumeUrl != null && failures < 2 ? resumeUrl : gatewayUrl;
        URI uri = withQuery(base);
        int gen = ++generation;
        connections++;
        log.debug("Discord Gateway shard {} connecting to {} to {}", shardId, uri.getHost(),
                resuming ? "resume" : "identify");
        GatewaySocket.Listener listener = new GatewaySocket.Listener() {
            @Override
            public void frame(String text) {
                loop.execute(() -> onFrame(gen, text));
            }

            @Override
            public void closed(int code, String reason, boolean remote) {
                loop.execute(() -> onClosed(gen, code, reason, remote));
            }
        };
        socket = GatewaySocket.connect(uri, CONNECT_TIMEOUT, config.gatewayMaxMessageBytes(), listener);
    }

    /** {@code base} with {@code ?v=10&encoding=json} (Gateway: "explicitly pass the API version and encoding"). */
    static URI withQuery(URI base) {
        String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + "?v=10&encoding=json");
    }

    private void onFrame(int gen, String text) {
        if (gen != generation) {
            return;
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(text);
        } catch (IOException e) {
            payload = null;
        }
        if (payload == null || !payload.isObject() || !payload.path("op").isInt()) {
            log.warn("Discord Gateway shard {} skipped a frame that is not a Gateway payload ({} characters)",
                    shardId, text.length());
            return;
        }
        JsonNode d = payload.path("d");
        switch (payload.get("op").asInt()) {
            case 0 -> onDispatch(payload, d);
            case 1 -> sendHeartbeat();
            case 7 -> {
                log.debug("Discord Gateway shard {}: RECONNECT asked, resuming", shardId);
                reconnect(RESUME_CLOSE, "reconnect requested");
            }
            case 9 -> onInvalidSession(d.asBoolean(false));
            case 10 -> onHello(gen, d);
            case 11 -> acked = true;
            default -> log.debug("Discord Gateway shard {} skipped opcode {}", shardId, payload.get("op").asInt());
        }
    }

    private void onHello(int gen, JsonNode d) {
        long interval = d.path("heartbeat_interval").asLong(0);
        if (interval <= 0) {
            log.warn("Discord Gateway shard {}: HELLO without a heartbeat_interval, reconnecting", shardId);
            reconnect(RESUME_CLOSE, "bad hello");
            return;
        }
        cancelTimers();
        acked = true;
        Duration period = Duration.ofMillis(interval);
        // Gateway: "wait heartbeat_interval * jitter where jitter is any random value between 0 and 1".
        Duration first = Duration.ofMillis((long) (interval * random.getAsDouble()));
        heartbeat = time.scheduleAtFixedRate(first, period, () -> loop.execute(() -> beat(gen)));
        if (sessionId != null) {
            sendResume();
        } else {
            limiter.acquire(shardId, () -> gen == generation && !stopped, loop, () -> sendIdentify(gen));
        }
    }

    private void beat(int gen) {
        if (gen != generation) {
            return;
        }
        if (!acked) {
            log.warn("Discord Gateway shard {}: no HEARTBEAT_ACK since the last heartbeat, the connection is"
                    + " a zombie; reconnecting to resume", shardId);
            reconnect(RESUME_CLOSE, "no heartbeat ack");
            return;
        }
        acked = false;
        sendHeartbeat();
    }

    private void sendHeartbeat() {
        send(seq == null ? "{\"op\":1,\"d\":null}" : "{\"op\":1,\"d\":" + seq + "}");
    }

    private void sendIdentify(int gen) {
        if (gen != generation || socket == null) {
            return;
        }
        ObjectNode payload = JSON.createObjectNode().put("op", 2);
        ObjectNode d = payload.putObject("d");
        d.put("token", config.token());
        d.put("intents", config.intents());
        d.putObject("properties").put("os", System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT))
                .put("browser", "chorus").put("device", "chorus");
        d.putArray("shard").add(shardId).add(shardCount);
        log.debug("Discord Gateway shard {} identifies (intents {})", shardId, config.intents());
        send(payload.toString());
    }

    private void sendResume() {
        ObjectNode payload = JSON.createObjectNode().put("op", 6);
        ObjectNode d = payload.putObject("d");
        d.put("token", config.token());
        d.put("session_id", sessionId);
        if (seq == null) {
            d.putNull("seq");
        } else {
            d.put("seq", seq);
        }
        log.debug("Discord Gateway shard {} resumes after sequence {}", shardId, seq);
        send(payload.toString());
    }

    private void send(String frame) {
        if (socket != null && !socket.send(frame)) {
            log.debug("Discord Gateway shard {}: a payload found the socket closed", shardId);
        }
    }

    private void onDispatch(JsonNode payload, JsonNode d) {
        JsonNode s = payload.get("s");
        if (s != null && s.canConvertToLong()) {
            seq = s.asLong();
        }
        String type = payload.path("t").asText("");
        switch (type) {
            case "READY" -> {
                String id = d.path("session_id").asText("");
                if (id.isEmpty()) {
                    log.warn("Discord Gateway shard {}: READY without session_id; it cannot be resumed", shardId);
                }
                sessionId = id.isEmpty() ? null : id;
                resumeUrl = resumeUrl(d.path("resume_gateway_url").asText(""));
                failures = 0;
                events.ready(this, d.path("user")); // the bot's user is known before the shard says ready
                ready = true;
                log.info("Discord Gateway shard {}/{} ready", shardId, shardCount);
            }
            case "RESUMED" -> {
                failures = 0;
                ready = true;
                log.info("Discord Gateway shard {}/{} resumed", shardId, shardCount);
            }
            default -> events.dispatch(this, type, d);
        }
    }

    private URI resumeUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (("wss".equals(uri.getScheme()) || "ws".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        log.warn("Discord Gateway shard {}: READY has no usable resume_gateway_url; resuming at the Gateway URL",
                shardId);
        return gatewayUrl;
    }

    private void onInvalidSession(boolean resumable) {
        if (resumable) {
            log.info("Discord Gateway shard {}: session invalidated but resumable; resuming", shardId);
            reconnect(RESUME_CLOSE, "invalid session");
            return;
        }
        log.info("Discord Gateway shard {}: session invalidated; identifying afresh", shardId);
        forgetSession();
        drop(RESUME_CLOSE, "invalid session");
        events.reconnecting(this);
        // Discord: on an invalid session, wait a random 1 to 5 seconds before identifying again.
        waitThenConnect(Duration.ofMillis(1_000 + (long) (4_000 * random.getAsDouble())));
    }

    private void onClosed(int gen, int code, String reason, boolean remote) {
        if (gen != generation) {
            return;
        }
        if (code == TOO_BIG && !remote) {
            log.warn("Discord Gateway shard {} received a message over the {}-byte limit and closed the connection"
                    + " with 1009 (message too big); it resumes, and Discord sends the message again: raise"
                    + " DiscordConfig.gatewayMaxMessageBytes (DISCORD_GATEWAY_MAX_MESSAGE_BYTES) if this repeats",
                    shardId, config.gatewayMaxMessageBytes());
        }
        socket = null;
        ready = false;
        cancelTimers();
        if (stopped) {
            return;
        }
        if (DiscordGatewayException.isFatal(code)) {
            stopped = true;
            DiscordGatewayException failure = new DiscordGatewayException(code, config.mask(reason));
            log.error("Discord Gateway shard {} stopped: {}", shardId, failure.getMessage());
            events.stopped(this, failure);
            return;
        }
        if (code == 4007 || code == 4009) {
            forgetSession(); // invalid seq, session timed out: "Reconnect and start a new session"
        }
        failures++;
        log.info("Discord Gateway shard {} disconnected ({}{}); {}", shardId, code,
                reason.isEmpty() ? "" : " " + config.mask(reason), sessionId != null ? "resuming" : "identifying");
        events.reconnecting(this);
        waitThenConnect(Duration.ofMillis(backoffMillis()));
    }

    /** Closes the current connection on our side and connects again to resume. */
    private void reconnect(int code, String why) {
        drop(code, why);
        events.reconnecting(this);
        failures++;
        waitThenConnect(failures <= 1 ? Duration.ZERO : Duration.ofMillis(backoffMillis()));
    }

    /** Closes the current connection with {@code code}, ignoring what it still delivers. */
    private void drop(int code, String why) {
        ready = false;
        cancelTimers();
        generation++;
        GatewaySocket s = socket;
        socket = null;
        if (s != null) {
            s.close(code, why);
            // A zombie may never answer the closing handshake.
            time.schedule(CLOSE_GRACE, () -> s.abort(code, why));
        }
    }

    private void waitThenConnect(Duration delay) {
        if (delay.isZero()) {
            connect();
        } else {
            int gen = generation;
            waiting = time.schedule(delay, () -> loop.execute(() -> {
                if (gen == generation && socket == null) {
                    connect();
                }
            }));
        }
    }

    /** 0 for the first failure; then 1 s doubling to 60 s, drawn between half and all of the step. */
    private long backoffMillis() {
        if (failures <= 1) {
            return 0;
        }
        long step = Math.min(MAX_BACKOFF_MILLIS, MIN_BACKOFF_MILLIS << Math.min(failures - 2, 16));
        return step / 2 + (long) (random.getAsDouble() * (step - step / 2));
    }

    private void forgetSession() {
        sessionId = null;
        resumeUrl = null;
        seq = null;
    }

    private void cancelTimers() {
        if (heartbeat != null) {
            heartbeat.cancel();
            heartbeat = null;
        }
        if (waiting != null) {
            waiting.cancel();
            waiting = null;
        }
    }

    @Override
    public String toString() {
        return "GatewayShard[" + shardId + "/" + shardCount + "]";
    }
}
