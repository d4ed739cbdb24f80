package dev.chorusbot.testkit.twitch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLServerSocket;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * A Twitch IRC server on loopback, for testing bots without Twitch. It speaks the way
 * irc.chat.twitch.tv does (https://dev.twitch.tv/docs/chat/irc/): capability ACKs, the 001–004,
 * 375/372/376 welcome and GLOBALUSERSTATE after PASS and NICK, the real NOTICEs for a refused token
 * followed by a close, JOIN answers (JOIN echo, 353/366, USERSTATE, ROOMSTATE), PING/PONG, a USERSTATE
 * after each accepted PRIVMSG, and Twitch's limits: a {@code msg_ratelimit} NOTICE past 20 messages
 * in 30 seconds (100 where the bot is moderator), a {@code msg_duplicate} NOTICE for the same text
 * within 30 seconds, a message over 500 characters silently dropped, and a dropped connection past 20
 * JOINs in 10 seconds.
 *
 * <pre>{@code
 * try (FakeTwitchIrcServer twitch = FakeTwitchIrcServer.webSocket().start()) {
 *     // point the adapter at twitch.uri(), then:
 *     twitch.awaitJoined("chorus");
 *     String id = twitch.chat("chorus", "viktor", "Viktor", "!hello");
 *     twitch.awaitReceived(line -> line.contains("PRIVMSG #chorus :hello Viktor!"));
 * }
 * }</pre>
 *
 * <p>Tests steer it: {@link #sendRaw(String)} any line, {@link #sendReconnect()},
 * {@link #dropConnections()}, {@link #silent(boolean)} (read but never answer),
 * {@link #acceptTokens(String...)} (refuse others), {@link #missing(String)} (a channel whose JOIN
 * gets no answer), {@link #suspended(String)} (a channel whose JOIN Twitch refuses). It records
 * every line clients send
 * ({@link #received()}).
 */
public final class FakeTwitchIrcServer implements AutoCloseable {
    /** Twitch's NOTICE text (msg-id {@code msg_channel_suspended}) for a JOIN to a suspended channel. */
    public static final String SUSPENDED_TEXT = "This channel does not exist or has been suspended.";
    /** Twitch's NOTICE for a token it does not accept. */
    public static final String LOGIN_FAILED = "Login authentication failed";
    /** Twitch's NOTICE for a PASS that is missing, malformed, or sent after NICK. */
    public static final String IMPROPERLY_FORMATTED_AUTH = "Improperly formatted auth";
    /** Twitch's msg_ratelimit NOTICE text. */
    public static final String RATE_LIMIT_TEXT = "Your message was not sent because you are sending messages too quickly.";
    /** Twitch's msg_duplicate NOTICE text. */
    public static final String DUPLICATE_TEXT = "Your message is identical to the one you sent within the last 30 seconds.";

    private static final Set<String> KNOWN_CAPS = Set.of("twitch.tv/tags", "twitch.tv/commands", "twitch.tv/membership");
    private static final long PRIVMSG_WINDOW_MILLIS = 30_000;
    private static final long JOIN_WINDOW_MILLIS = 10_000;
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private enum Kind { TCP, TLS, WS, WSS }

    private final Kind kind;
    private final TestCertificate certificate;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong roomIds = new AtomicLong(100_000);
    private final Map<String, String> roomIdByChannel = new HashMap<>();
    private final Set<String> moderatorIn = new HashSet<>();
    private final Set<String> suspended = new HashSet<>();
    private final Set<String> missing = new HashSet<>();
    private final Deque<Long> privmsgTimes = new ArrayDeque<>();
    private final Map<String, Sent> lastAccepted = new HashMap<>();
    private final Object lock = new Object();

    private volatile Clock clock = Clock.systemUTC();
    private volatile Set<String> acceptedTokens;
    private volatile boolean silent;
    private volatile String refusal;
    private volatile int messageLimit = 20;
    private volatile int moderatorMessageLimit = 100;
    private volatile String botUserId = "424242";
    private ServerSocket serverSocket;
    private WebSocketServer webSocketServer;
    private URI uri;

    private record Sent(String text, long at) {}

    private FakeTwitchIrcServer(Kind kind, TestCertificate certificate) {
        this.kind = kind;
        this.certificate = certificate;
    }

    /**
     * A server speaking IRC over plain TCP ({@code irc://localhost:port}).
     *
     * @return a server to configure and then {@link #start()}
     */
    public static FakeTwitchIrcServer tcp() {
        return new FakeTwitchIrcServer(Kind.TCP, null);
    }

    /**
     * A server speaking IRC over TLS with {@code certificate} ({@code ircs://localhost:port}).
     *
     * @param certificate the server's certificate; give clients its
     *     {@link TestCertificate#clientContext()}; not null
     * @return a server to configure and then {@link #start()}
     */
    public static FakeTwitchIrcServer tls(TestCertificate certificate) {
        return new FakeTwitchIrcServer(Kind.TLS, java.util.Objects.requireNonNull(certificate, "certificate"));
    }

    /**
     * A server speaking IRC over WebSocket ({@code ws://localhost:port}), as irc-ws.chat.twitch.tv.
     *
     * @return a server to configure and then {@link #start()}
     */
    public static FakeTwitchIrcServer webSocket() {
        return new FakeTwitchIrcServer(Kind.WS, null);
    }

    /**
     * A server speaking IRC over WebSocket with TLS ({@code wss://localhost:port}).
     *
     * @param certificate the server's certificate; give clients its
     *     {@link TestCertificate#clientContext()}; not null
     * @return a server to configure and then {@link #start()}
     */
    public static FakeTwitchIrcServer secureWebSocket(TestCertificate certificate) {
        return new FakeTwitchIrcServer(Kind.WSS, java.util.Objects.requireNonNull(certificate, "certificate"));
    }

    /**
     * Listens on a free loopback port.
     *
     * @return this server, now listening at {@link #uri()}
     * @throws IllegalStateException when no loopback port can be opened
     */
    public FakeTwitchIrcServer start() {
        try {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            switch (kind) {
                case TCP, TLS -> {
                    serverSocket = kind == Kind.TCP ? new ServerSocket(0, 50, loopback)
                            : (SSLServerSocket) certificate.serverContext().getServerSocketFactory()
                                    .createServerSocket(0, 50, loopback);
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
        } catch (IOException e) {
            throw new IllegalStateException("fake Twitch server could not listen: " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * Where clients connect, for example {@code ws://localhost:43121}; the scheme matches the
     * transport.
     *
     * @return an {@code irc}, {@code ircs}, {@code ws} or {@code wss} URI on {@code localhost}
     * @throws IllegalStateException when the server was not started
     */
    public URI uri() {
        if (uri == null) {
            throw new IllegalStateException("start() the server first");
        }
        return uri;
    }

    // ---- behaviour ----

    /**
     * Reads time for Twitch's windows from {@code value} (default: the system clock).
     *
     * @param value the clock for the message, duplicate and JOIN windows and {@code tmi-sent-ts};
     *     not null
     * @return this server, for chaining
     */
    public FakeTwitchIrcServer clock(Clock value) {
        this.clock = java.util.Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Accepts only these tokens (with or without {@code oauth:}); others get
     * {@code NOTICE * :Login authentication failed} and a close. By default any well-formed token
     * is accepted.
     *
     * @param tokens the accepted tokens; none refuses every token
     * @return this server, for chaining
     */
    public FakeTwitchIrcServer acceptTokens(String... tokens) {
        Set<String> set = new HashSet<>();
        for (String token : tokens) {
            set.add(token.startsWith("oauth:") ? token.substring(6) : token);
        }
        this.acceptedTokens = Set.copyOf(set);
        return this;
    }

    /**
     * Refuses every login with {@code notice} ({@link #LOGIN_FAILED} or
     * {@link #IMPROPERLY_FORMATTED_AUTH}) and closes the connection, as Twitch does; null accepts
     * again.
     *
     * @param notice the NOTICE text sent to every login, or null to stop refusing
     * @return this server, for chaining
     */
    public FakeTwitchIrcServer refuseLogins(String notice) {
        this.refusal = notice;
        return this;
    }

    /**
     * Changes the messages allowed per 30 seconds (Twitch's standard: 20, and 100 where the bot is
     * moderator), for load tests of a bot configured with the same limits.
     *
     * @param perThirtySeconds the PRIVMSGs accepted per 30 seconds in channels where the bot is not
     *     moderator
     * @param asModeratorPerThirtySeconds the PRIVMSGs accepted per 30 seconds where it is moderator
     * @return this server, for chaining
     */
    public FakeTwitchIrcServer messageLimits(int perThirtySeconds, int asModeratorPerThirtySeconds) {
        this.messageLimit = perThirtySeconds;
        this.moderatorMessageLimit = asModeratorPerThirtySeconds;
        return this;
    }

    /**
     * Makes the bot a moderator of {@code channel}: its USERSTATE carries the badge and 100
     * messages per 30 s apply.
     *
     * @param channel the channel name, with or without {@code #}, in any case
     * @return this server, for chaining
     */
    public FakeTwitchIrcServer moderatorIn(String channel) {
        synchronized (lock) {
            moderatorIn.add(channel(channel));
        }
        return this;
    }

    /**
     * Makes {@code channel} a suspended channel: a JOIN to it is answered, as Twitch answers it, with
     * {@code @msg-id=msg_channel_suspended :tmi.twitch.tv NOTICE #channel :This channel does not exist
     * or has been suspended.} and nothing else, so the client never joins it.
     *
     * @param channel the channel name, with or without {@code #}, in any case
     * @return this server, for chaining
     */
    public FakeTwitchIrcServer suspended(String channel) {
        synchronized (lock) {
            suspended.add(channel(channel));
        }
        return this;
    }

    /**
     * Makes {@code channel} one that does not exist: a JOIN to it gets no answer at all, as Twitch
     * answers a JOIN to a channel that does not exist.
     *
     * @param channel the channel name, with or without {@code #}, in any case
     * @return this server, for chaining
     */
    public FakeTwitchIrcServer missing(String channel) {
        synchronized (lock) {
            missing.add(channel(channel));
        }
        return this;
    }

    /**
     * The user id GLOBALUSERSTATE gives the bot (default {@code 424242}).
     *
     * @param id the bot's numeric Twitch user id, as text
     * @return this server, for chaining
     */
    public FakeTwitchIrcServer botUserId(String id) {
        this.botUserId = id;
        return this;
    }

    /**
     * While silent the server records what it reads but answers nothing, not even PING or a login;
     * it keeps a PASS and requested capabilities it read meanwhile, as a stalled server would.
     *
     * @param value true to go silent, false to answer again
     * @return this server, for chaining
     */
    public FakeTwitchIrcServer silent(boolean value) {
        this.silent = value;
        return this;
    }

    // ---- injecting ----

    /**
     * Sends a chat message from a viewer to everyone in {@code channel}, tagged as Twitch tags it;
     * returns its message id.
     *
     * @param channel the channel name, with or without {@code #}, in any case
     * @param login the viewer's login; sent in lower case in the prefix
     * @param displayName the viewer's display name, for the {@code display-name} tag
     * @param badges Twitch's badges tag, for example {@code moderator/1} or {@code ""}
     * @param text the message text, sent as given
     * @return the message's {@code id} tag, a fresh UUID
     */
    public String chat(String channel, String login, String displayName, String badges, String text) {
        String id = UUID.randomUUID().toString();
        String name = channel(channel);
        boolean mod = badges.contains("moderator/");
        String tags = "badge-info=;badges=" + badges + ";color=#1E90FF;display-name=" + escape(displayName)
                + ";emotes=;first-msg=0;flags=;id=" + id + ";mod=" + (mod ? 1 : 0) + ";returning-chatter=0;room-id="
                + roomId(name) + ";subscriber=" + (badges.contains("subscriber/") ? 1 : 0) + ";tmi-sent-ts="
                + clock.millis() + ";turbo=0;user-id=" + Integer.toUnsignedString(login.hashCode()) + ";user-type=" + (mod ? "mod" : "");
        String user = login.toLowerCase(Locale.ROOT);
        broadcast(name, "@" + tags + " :" + user + "!" + user + "@" + user + ".tmi.twitch.tv PRIVMSG #" + name + " :" + text);
        return id;
    }

    /**
     * A chat message from a viewer without badges.
     *
     * @param channel the channel name, with or without {@code #}, in any case
     * @param login the viewer's login; sent in lower case in the prefix
     * @param displayName the viewer's display name, for the {@code display-name} tag
     * @param text the message text, sent as given
     * @return the message's {@code id} tag, a fresh UUID
     */
    public String chat(String channel, String login, String displayName, String text) {
        return chat(channel, login, displayName, "", text);
    }

    /**
     * Spends the account's whole message allowance now, as another client of the same account would:
     * the next PRIVMSG within 30 seconds gets the msg_ratelimit NOTICE.
     */
    public void spendRateLimit() {
        synchronized (lock) {
            long now = clock.millis();
            for (int i = 0; i < moderatorMessageLimit; i++) {
                privmsgTimes.addLast(now);
            }
        }
    }

    /**
     * Sends {@code line} (without line ending) to every logged-in client.
     *
     * @param line one IRC line, with tags and prefix as wanted, without CR LF
     */
    public void sendRaw(String line) {
        for (Client client : clients) {
            client.send(line);
        }
    }

    /**
     * Sends {@code chunk} exactly as given: over WebSocket as one text frame (which may hold several
     * CR LF separated lines, as Twitch batches them), over TCP as raw bytes.
     *
     * @param chunk the text to send, line endings included; may end mid-line
     */
    public void sendFrame(String chunk) {
        for (Client client : clients) {
            client.sendChunk(chunk);
        }
    }

    /** Sends Twitch's {@code :tmi.twitch.tv RECONNECT} to every client (they are expected to reconnect). */
    public void sendReconnect() {
        sendRaw(":tmi.twitch.tv RECONNECT");
    }

    /** Closes every client connection without a word, as a network failure would. */
    public void dropConnections() {
        for (Client client : clients) {
            client.close();
        }
    }

    // ---- observing ----

    /**
     * How many lines clients sent so far (cheaper than {@code received().size()}).
     *
     * @return the number of lines since start or the last {@link #clearReceived()}
     */
    public int receivedCount() {
        return received.size();
    }

    /** Forgets the lines received and accepted so far (long load tests). */
    public void clearReceived() {
        received.clear();
        accepted.clear();
    }

    /**
     * Every line clients sent, in order, across connections.
     *
     * @return a copy of the lines, without line endings
     */
    public List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /**
     * The PRIVMSG lines Twitch would have shown in chat: within the limits, not duplicate, not too
     * long.
     *
     * @return a copy, in order, each as {@code PRIVMSG #channel :text} without tags
     */
    public List<String> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /**
     * The number of connections opened so far.
     *
     * @return the connections since start, counting closed ones
     */
    public int connectionCount() {
        return connections.get();
    }

    /**
     * The channels the current clients have joined.
     *
     * @return channel names in lower case without {@code #}; empty when no client joined any
     */
    public Set<String> joinedChannels() {
        Set<String> channels = new LinkedHashSet<>();
        for (Client client : clients) {
            channels.addAll(client.channels);
        }
        return channels;
    }

    /**
     * Waits for a line a client sends that matches {@code test} (lines already received count) and
     * returns it.
     *
     * @param test the condition a line (without line ending) must meet
     * @return the first matching line
     * @throws AssertionError naming what was received when none arrives within 10 seconds
     */
    public String awaitReceived(Predicate<String> test) {
        return awaitReceived(test, 0, DEFAULT_WAIT);
    }

    /**
     * Waits for the {@code (skip+1)}-th received line matching {@code test}, up to {@code timeout}.
     *
     * @param test the condition a line (without line ending) must meet
     * @param skip how many matching lines to pass over; 0 for the first
     * @param timeout how long to wait at most
     * @return the matching line
     * @throws AssertionError naming what was received when it does not arrive in time
     */
    public String awaitReceived(Predicate<String> test, int skip, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int seen = 0;
            for (String line : received()) {
                if (test.test(line) && seen++ == skip) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching line within " + timeout.toMillis() + " ms; received: " + received());
            }
            pause();
        }
    }

    /**
     * Waits until a client has joined {@code channel} (after the JOIN answers were sent).
     *
     * @param channel the channel name, with or without {@code #}, in any case
     * @throws AssertionError naming what was received when no client joins within 10 seconds
     */
    public void awaitJoined(String channel) {
        String name = channel(channel);
        awaitCondition(() -> joinedChannels().contains(name), "a client to join #" + name);
    }

    /**
     * Waits until {@code count} connections have been opened in total.
     *
     * @param count the total number of connections to wait for, counting closed ones
     * @throws AssertionError when fewer were opened within 10 seconds
     */
    public void awaitConnections(int count) {
        awaitCondition(() -> connections.get() >= count, count + " connections (have " + connections.get() + ")");
    }

    private void awaitCondition(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; received: " + received());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5); // polling interval of a wait with a deadline
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
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

    // ---- the protocol ----

    private void handle(Client client, String line) {
        received.add(line);
        Line parsed = Line.parse(line);
        if (silent) {
            if (parsed != null) {
                remember(client, parsed);
            }
            return;
        }
        if (parsed == null) {
            client.send(":tmi.twitch.tv 421 " + client.nickOr("*") + " " + line.split(" ", 2)[0] + " :Unknown command");
            return;
        }
        synchronized (lock) {
            switch (parsed.command) {
                case "CAP" -> cap(client, parsed);
                case "PASS" -> client.pass = parsed.param(0);
                case "NICK" -> login(client, parsed.param(0));
                case "PING" -> client.send(":tmi.twitch.tv PONG tmi.twitch.tv :" + parsed.param(0));
                case "PONG", "QUIT" -> {
                    if (parsed.command.equals("QUIT")) {
                        client.close();
                    }
                }
                case "JOIN" -> {
                    if (client.loggedIn) {
                        for (String channel : parsed.param(0).split(",")) {
                            if (!join(client, channel(channel))) {
                                return;
                            }
                        }
                    }
                }
                case "PART" -> {
                    String channel = channel(parsed.param(0));
                    if (client.channels.remove(channel)) {
                        client.send(":" + client.nick + "!" + client.nick + "@" + client.nick + ".tmi.twitch.tv PART #" + channel);
                    }
                }
                case "PRIVMSG" -> {
                    if (client.loggedIn) {
                        privmsg(client, channel(parsed.param(0)), parsed.param(1));
                    }
                }
                default -> client.send(":tmi.twitch.tv 421 " + client.nickOr("*") + " " + parsed.command + " :Unknown command");
            }
        }
    }

    /**
     * What a stalled server still takes in without answering: the PASS and the capabilities, so a
     * login it read while silent is not mistaken for one without a PASS once it answers again.
     */
    private void remember(Client client, Line line) {
        synchronized (lock) {
            if (line.command.equals("PASS")) {
                client.pass = line.param(0);
            } else if (line.command.equals("CAP") && !line.params.isEmpty()) {
                String sub = line.param(0).equals("*") ? line.param(1) : line.param(0);
                List<String> requested = List.of(line.params.get(line.params.size() - 1).trim().split(" +"));
                if (sub.equalsIgnoreCase("REQ") && KNOWN_CAPS.containsAll(requested)) {
                    client.caps.addAll(requested);
                }
            }
        }
    }

    private void cap(Client client, Line line) {
        String sub = line.param(0).equals("*") ? line.param(1) : line.param(0);
        String args = line.params.get(line.params.size() - 1);
        switch (sub.toUpperCase(Locale.ROOT)) {
            case "LS" -> client.send(":tmi.twitch.tv CAP * LS :" + String.join(" ", KNOWN_CAPS));
            case "REQ" -> {
                List<String> requested = List.of(args.trim().split(" +"));
                if (KNOWN_CAPS.containsAll(requested)) {
                    client.caps.addAll(requested);
                    client.send(":tmi.twitch.tv CAP * ACK :" + args.trim());
                } else {
                    client.send(":tmi.twitch.tv CAP * NAK :" + args.trim());
                }
            }
            default -> { }
        }
    }

    private void login(Client client, String nick) {
        String pass = client.pass;
        if (pass == null || !pass.startsWith("oauth:") || pass.length() == 6) {
            client.send(":tmi.twitch.tv NOTICE * :" + IMPROPERLY_FORMATTED_AUTH);
            client.close();
            return;
        }
        Set<String> tokens = acceptedTokens;
        String refused = refusal != null ? refusal
                : tokens != null && !tokens.contains(pass.substring(6)) ? LOGIN_FAILED : null;
        if (refused != null) {
            client.send(":tmi.twitch.tv NOTICE * :" + refused);
            client.close();
            return;
        }
        String name = nick.toLowerCase(Locale.ROOT);
        client.nick = name;
        client.loggedIn = true;
        client.send(":tmi.twitch.tv 001 " + name + " :Welcome, GLHF!");
        client.send(":tmi.twitch.tv 002 " + name + " :Your host is tmi.twitch.tv");
        client.send(":tmi.twitch.tv 003 " + name + " :This server is rather new");
        client.send(":tmi.twitch.tv 004 " + name + " :-");
        client.send(":tmi.twitch.tv 375 " + name + " :-");
        client.send(":tmi.twitch.tv 372 " + name + " :You are in a maze of twisty passages, all alike.");
        client.send(":tmi.twitch.tv 376 " + name + " :>");
        if (client.caps.contains("twitch.tv/commands")) {
            client.send(client.tagged("@badge-info=;badges=;color=;display-name=" + name
                    + ";emote-sets=0,300374282;user-id=" + botUserId + ";user-type=") + ":tmi.twitch.tv GLOBALUSERSTATE");
        }
    }

    private boolean join(Client client, String channel) {
        long now = clock.millis();
        while (!client.joinTimes.isEmpty() && client.joinTimes.peekFirst() <= now - JOIN_WINDOW_MILLIS) {
            client.joinTimes.removeFirst();
        }
        if (client.joinTimes.size() >= 20) {
            client.close(); // Twitch drops a connection that joins too fast
            return false;
        }
        client.joinTimes.addLast(now);
        if (suspended.contains(channel)) {
            client.send(client.tagged("@msg-id=msg_channel_suspended") + ":tmi.twitch.tv NOTICE #" + channel
                    + " :" + SUSPENDED_TEXT);
            return true;
        }
        if (missing.contains(channel)) {
            return true; // no such channel: Twitch says nothing
        }
        client.channels.add(channel);
        String nick = client.nick;
        client.send(":" + nick + "!" + nick + "@" + nick + ".tmi.twitch.tv JOIN #" + channel);
        client.send(":" + nick + ".tmi.twitch.tv 353 " + nick + " = #" + channel + " :" + nick);
        client.send(":" + nick + ".tmi.twitch.tv 366 " + nick + " #" + channel + " :End of /NAMES list");
        if (client.caps.contains("twitch.tv/commands")) {
            client.send(userState(client, channel));
            client.send(client.tagged("@emote-only=0;followers-only=-1;r9k=0;room-id=" + roomId(channel)
                    + ";slow=0;subs-only=0") + ":tmi.twitch.tv ROOMSTATE #" + channel);
        }
        return true;
    }

    private String userState(Client client, String channel) {
        boolean mod = moderatorIn.contains(channel);
        boolean broadcaster = channel.equals(client.nick);
        String badges = broadcaster ? "broadcaster/1" : mod ? "moderator/1" : "";
        return client.tagged("@badge-info=;badges=" + badges + ";color=;display-name=" + client.nick
                + ";emote-sets=0,300374282;mod=" + (mod ? 1 : 0) + ";subscriber=0;user-type=" + (mod ? "mod" : ""))
                + ":tmi.twitch.tv USERSTATE #" + channel;
    }

    private void privmsg(Client client, String channel, String text) {
        if (text.codePointCount(0, text.length()) > 500) {
            return; // Twitch drops over-long messages without a word
        }
        long now = clock.millis();
        while (!privmsgTimes.isEmpty() && privmsgTimes.peekFirst() <= now - PRIVMSG_WINDOW_MILLIS) {
            privmsgTimes.removeFirst();
        }
        boolean elevated = moderatorIn.contains(channel) || channel.equals(client.nick);
        if (privmsgTimes.size() >= (elevated ? moderatorMessageLimit : messageLimit)) {
            client.send(client.tagged("@msg-id=msg_ratelimit") + ":tmi.twitch.tv NOTICE #" + channel + " :" + RATE_LIMIT_TEXT);
            return;
        }
        Sent last = lastAccepted.get(channel);
        if (!elevated && last != null && last.text.equals(text) && now - last.at < 30_000) {
            client.send(client.tagged("@msg-id=msg_duplicate") + ":tmi.twitch.tv NOTICE #" + channel + " :" + DUPLICATE_TEXT);
            return;
        }
        privmsgTimes.addLast(now);
        lastAccepted.put(channel, new Sent(text, now));
        accepted.add("PRIVMSG #" + channel + " :" + text);
        if (client.caps.contains("twitch.tv/commands")) {
            client.send(userState(client, channel));
        }
    }

    private void broadcast(String channel, String line) {
        for (Client client : clients) {
            if (client.channels.contains(channel)) {
                client.send(line);
            }
        }
    }

    private String roomId(String channel) {
        synchronized (lock) {
            return roomIdByChannel.computeIfAbsent(channel, c -> Long.toString(roomIds.incrementAndGet()));
        }
    }

    private static String channel(String name) {
        String trimmed = name.trim();
        return (trimmed.startsWith("#") ? trimmed.substring(1) : trimmed).toLowerCase(Locale.ROOT);
    }

    /** Escapes a tag value as the IRCv3 message-tags specification says. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\:").replace(" ", "\\s").replace("\r", "\\r").replace("\n", "\\n");
    }

    // ---- connections ----

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                TcpClient client = new TcpClient(socket);
                connections.incrementAndGet();
                clients.add(client);
                Thread reader = new Thread(client::read, "fake-twitch-client");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One client connection. */
    private abstract class Client {
        final Set<String> caps = new HashSet<>();
        final Set<String> channels = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Deque<Long> joinTimes = new ArrayDeque<>();
        volatile String pass;
        volatile String nick;
        volatile boolean loggedIn;

        abstract void send(String line);

        abstract void sendChunk(String chunk);

        abstract void close();

        String nickOr(String fallback) {
            return nick == null ? fallback : nick;
        }

        /** Tags only reach clients that asked for them. */
        String tagged(String tags) {
            return caps.contains("twitch.tv/tags") ? tags + " " : "";
        }

        void closed() {
            clients.remove(this);
            channels.clear();
        }
    }

    private final class TcpClient extends Client {
        private final Socket socket;
        private final OutputStream out;

        TcpClient(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void read() {
            try (InputStream in = new java.io.BufferedInputStream(socket.getInputStream())) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    if (b == '\n') {
                        String text = bytes.toString(StandardCharsets.UTF_8);
                        bytes.reset();
                        if (text.endsWith("\r")) {
                            text = text.substring(0, text.length() - 1);
                        }
                        if (!text.isEmpty()) {
                            handle(this, text);
                        }
                    } else {
                        bytes.write(b);
                    }
                }
            } catch (IOException e) {
                // the connection ended
            } finally {
                close();
                closed();
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

    private final class WsClient extends Client {
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
        private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

        WsServer(InetSocketAddress address) {
            super(address);
        }

        void awaitStarted() throws IOException {
            try {
                if (!started.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
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
            connections.incrementAndGet();
            clients.add(client);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            WsClient client = conn.getAttachment();
            if (client != null) {
                client.closed();
            }
        }

        @Override
        public void onMessage(WebSocket conn, String frame) {
            WsClient client = conn.getAttachment();
            for (String line : frame.split("\r\n|\n|\r")) {
                if (!line.isEmpty()) {
                    handle(client, line);
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

    /** A minimal reading of client lines: tags skipped, command, params with trailing. */
    private record Line(String command, List<String> params) {
        String param(int index) {
            return index < params.size() ? params.get(index) : "";
        }

        static Line parse(String line) {
            String rest = line;
            if (rest.startsWith("@")) {
                int space = rest.indexOf(' ');
                if (space < 0) {
                    return null;
                }
                rest = rest.substring(space + 1).stripLeading();
            }
            if (rest.startsWith(":")) {
                int space = rest.indexOf(' ');
                if (space < 0) {
                    return null;
                }
                rest = rest.substring(space + 1).stripLeading();
            }
            List<String> params = new ArrayList<>();
            int space = rest.indexOf(' ');
            String command = (space < 0 ? rest : rest.substring(0, space)).toUpperCase(Locale.ROOT);
            if (command.isEmpty()) {
                return null;
            }
            rest = space < 0 ? "" : rest.substring(space + 1);
            while (!rest.isEmpty()) {
                if (rest.startsWith(":")) {
                    params.add(rest.substring(1));
                    break;
                }
                int next = rest.indexOf(' ');
                if (next < 0) {
                    params.add(rest);
                    break;
                }
                params.add(rest.substring(0, next));
                rest = rest.substring(next + 1).stripLeading();
            }
            return new Line(command, params);
        }
    }

    @Override
    public String toString() {
        return "FakeTwitchIrcServer[" + (uri == null ? kind : uri) + "]";
    }
}
