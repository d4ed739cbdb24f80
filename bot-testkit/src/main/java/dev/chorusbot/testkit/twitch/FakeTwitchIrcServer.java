package dev.chorusbot.testkit.twitch;

import dev.chorusbot.core.Api;
import dev.chorusbot.testkit.internal.Await;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Twitch IRC server on loopback, for testing bots without Twitch. It speaks the way
 * irc.chat.twitch.tv does (https://dev.twitch.tv/docs/chat/irc/): capability ACKs, the 001–004,
 * 375/372/376 welcome and GLOBALUSERSTATE after PASS and NICK, the real NOTICEs for a refused token
 * followed by a close, JOIN answers (JOIN echo, 353/366, USERSTATE, ROOMSTATE), PING/PONG, a USERSTATE
 * after each accepted PRIVMSG, and Twitch's limits: a {@code msg_ratelimit} NOTICE past 20 messages
 * in 30 seconds (100 where the bot is moderator), a {@code msg_duplicate} NOTICE for the same text
 * within 30 seconds, a message over 500 characters silently dropped, and a dropped connection past 20
 * JOINs in 10 seconds by one account, counted over all its connections.
 *
 * <pre>{@code
 * try (FakeTwitchIrcServer twitch = FakeTwitchIrcServer.builder().webSocket().start()) {
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
 * every line clients send ({@link #received()}).
 *
 * <p>Like every fake of the testkit: {@link #start()} for the defaults (plain TCP),
 * {@link #builder()} for options, {@link #close()} after the test, and {@code await…} methods
 * that fail with an {@link AssertionError} naming what they waited for and what was received.
 */
@Api(Api.Status.EXPERIMENTAL)
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

    private final IrcRecorder recorder = new IrcRecorder();
    private final IrcListener listener;
    private final TwitchIrcProtocol protocol;

    private FakeTwitchIrcServer(Builder b) {
        TwitchIrcProtocol[] handler = new TwitchIrcProtocol[1];
        this.listener = new IrcListener(b.kind, b.certificate, (client, line) -> handler[0].handle(client, line));
        this.protocol = new TwitchIrcProtocol(recorder, listener::clients, b.clock);
        handler[0] = protocol;
    }

    /**
     * Starts a server speaking IRC over plain TCP ({@code irc://localhost:port}) on a free loopback
     * port.
     *
     * @return the running server; close it after the test
     * @throws IllegalStateException when no loopback port can be opened
     */
    public static FakeTwitchIrcServer start() {
        return builder().start();
    }

    /**
     * A builder, for another transport or a clock.
     *
     * @return a builder for plain TCP and the system clock; finish with {@link Builder#start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where clients connect, for example {@code ws://localhost:43121}; the scheme matches the
     * transport.
     *
     * @return an {@code irc}, {@code ircs}, {@code ws} or {@code wss} URI on {@code localhost}
     */
    public URI uri() {
        return listener.uri();
    }

    // ---- behaviour ----

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
        protocol.acceptedTokens = Set.copyOf(set);
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
        protocol.refusal = notice;
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
        protocol.messageLimit = perThirtySeconds;
        protocol.moderatorMessageLimit = asModeratorPerThirtySeconds;
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
        protocol.moderatorIn(channel);
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
        protocol.suspended(channel);
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
        protocol.missing(channel);
        return this;
    }

    /**
     * Answers every login with the welcome and at once {@code :tmi.twitch.tv RECONNECT}, as a
     * server in a restart loop would: a client that reconnects at once logs in again and again.
     *
     * @param value true to send RECONNECT after every login, false to stop
     * @return this server, for chaining
     */
    public FakeTwitchIrcServer reconnectAfterLogin(boolean value) {
        protocol.reconnectAfterLogin = value;
        return this;
    }

    /**
     * The user id GLOBALUSERSTATE gives the bot (default {@code 424242}).
     *
     * @param id the bot's numeric Twitch user id, as text
     * @return this server, for chaining
     */
    public FakeTwitchIrcServer botUserId(String id) {
        protocol.botUserId = id;
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
        protocol.silent = value;
        return this;
    }

    /**
     * Makes the current connections stop reading what their clients send, as a stalled server does:
     * over TCP and TLS the client's writes then block once the socket buffers are full (real
     * back-pressure, no simulation), while this server still sends to them. Connections opened later
     * read normally. Only for a TCP or TLS server.
     *
     * @return this server, for chaining
     * @throws IllegalStateException for a WebSocket server, whose library always reads
     */
    public FakeTwitchIrcServer stopReading() {
        return pauseReading(true);
    }

    /**
     * Makes the connections that {@link #stopReading()} stalled read again.
     *
     * @return this server, for chaining
     * @throws IllegalStateException for a WebSocket server
     */
    public FakeTwitchIrcServer resumeReading() {
        return pauseReading(false);
    }

    private FakeTwitchIrcServer pauseReading(boolean value) {
        if (listener.kind() == IrcListener.Kind.WS || listener.kind() == IrcListener.Kind.WSS) {
            throw new IllegalStateException("only a TCP or TLS fake Twitch server can stop reading");
        }
        for (IrcClient client : listener.clients()) {
            client.pauseReading(value);
        }
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
        return protocol.chat(channel, login, displayName, badges, text);
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
        protocol.spendRateLimit();
    }

    /**
     * Sends {@code line} (without line ending) to every connected client.
     *
     * @param line one IRC line, with tags and prefix as wanted, without CR LF
     */
    public void sendRaw(String line) {
        for (IrcClient client : listener.clients()) {
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
        for (IrcClient client : listener.clients()) {
            client.sendChunk(chunk);
        }
    }

    /** Sends Twitch's {@code :tmi.twitch.tv RECONNECT} to every client (they are expected to reconnect). */
    public void sendReconnect() {
        sendRaw(":tmi.twitch.tv RECONNECT");
    }

    /**
     * Closes the connections that joined {@code channel} without a word, as a network failure of one
     * connection would; the client's other connections stay.
     *
     * @param channel the channel name, with or without {@code #}, in any case
     */
    public void dropConnectionOf(String channel) {
        String name = TwitchIrcProtocol.channel(channel);
        for (IrcClient client : listener.clients()) {
            if (client.channels.contains(name)) {
                client.close();
            }
        }
    }

    /** Closes every client connection without a word, as a network failure would. */
    public void dropConnections() {
        listener.dropConnections();
    }

    // ---- observing ----

    /**
     * How many lines clients sent so far (cheaper than {@code received().size()}).
     *
     * @return the number of lines since start or the last {@link #clearReceived()}
     */
    public int receivedCount() {
        return recorder.receivedCount();
    }

    /** Forgets the lines received and accepted so far (long load tests). */
    public void clearReceived() {
        recorder.clear();
    }

    /**
     * Every line clients sent, in order, across connections. The lines are IRC's wire format
     * itself, so they are kept as the text sent: compare them whole, or with a golden file.
     *
     * @return a copy of the lines, without line endings
     */
    public List<String> received() {
        return recorder.received();
    }

    /**
     * The PRIVMSG lines Twitch would have shown in chat: within the limits, not duplicate, not too
     * long.
     *
     * @return a copy, in order, each as {@code PRIVMSG #channel :text} without tags
     */
    public List<String> accepted() {
        return recorder.accepted();
    }

    /**
     * When each authentication attempt arrived (a PASS and NICK pair, accepted or refused), by the
     * server's clock: Twitch allows an account 20 in 10 seconds (200 for a verified bot).
     *
     * @return a copy, in order of arrival
     */
    public List<java.time.Instant> logins() {
        return List.copyOf(protocol.logins);
    }

    /**
     * The largest number of authentication attempts within any 10 seconds so far, by the server's
     * clock; compare it with Twitch's limit of 20.
     *
     * @return the count in the busiest 10-second window, 0 before any login
     */
    public int maxLoginsInTenSeconds() {
        List<java.time.Instant> times = logins();
        int max = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (!times.get(j).isAfter(times.get(i).minusSeconds(10))) {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }

    /**
     * The number of connections opened so far.
     *
     * @return the connections since start, counting closed ones
     */
    public int connectionCount() {
        return listener.connectionCount();
    }

    /**
     * The channels the current clients have joined.
     *
     * @return channel names in lower case without {@code #}; empty when no client joined any
     */
    public Set<String> joinedChannels() {
        Set<String> channels = new LinkedHashSet<>();
        for (IrcClient client : listener.clients()) {
            channels.addAll(client.channels);
        }
        return channels;
    }

    /**
     * Waits up to 10 seconds for a line a client sends that matches {@code test} (lines already
     * received count) and returns it.
     *
     * @param test the condition a line (without line ending) must meet
     * @return the first matching line
     * @throws AssertionError naming what was received when none arrives in time
     */
    public String awaitReceived(Predicate<String> test) {
        return awaitReceived(test, 0, Await.DEFAULT_TIMEOUT);
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
        List<String> matching = Await.until("matching line number " + (skip + 1), timeout,
                () -> received().stream().filter(test).toList(), l -> l.size() > skip,
                l -> l.size() + " matching; received: " + received());
        return matching.get(skip);
    }

    /**
     * Waits up to 10 seconds until a client has joined {@code channel} (after the JOIN answers were
     * sent).
     *
     * @param channel the channel name, with or without {@code #}, in any case
     * @throws AssertionError naming what was received when no client joins in time
     */
    public void awaitJoined(String channel) {
        awaitJoined(channel, Await.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until a client has joined {@code channel} (after the JOIN answers were sent).
     *
     * @param channel the channel name, with or without {@code #}, in any case
     * @param timeout how long to wait at most
     * @throws AssertionError naming the joined channels and what was received when no client joins
     *     in time
     */
    public void awaitJoined(String channel, Duration timeout) {
        String name = TwitchIrcProtocol.channel(channel);
        Await.until("a client to join #" + name, timeout, this::joinedChannels, c -> c.contains(name),
                c -> "joined " + c + "; received: " + received());
    }

    /**
     * Waits up to 10 seconds until {@code count} connections have been opened in total.
     *
     * @param count the total number of connections to wait for, counting closed ones
     * @throws AssertionError when fewer were opened in time, naming how many were
     */
    public void awaitConnections(int count) {
        awaitConnections(count, Await.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until {@code count} connections have been opened in total.
     *
     * @param count the total number of connections to wait for, counting closed ones
     * @param timeout how long to wait at most
     * @throws AssertionError when fewer were opened in time, naming how many were
     */
    public void awaitConnections(int count, Duration timeout) {
        Await.until(count + " connection(s)", timeout, listener::connectionCount, n -> n >= count,
                n -> n + "; received: " + received());
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        listener.stop();
    }

    @Override
    public String toString() {
        return "FakeTwitchIrcServer[" + (uri() == null ? listener.kind() : uri()) + "]";
    }

    /** Configures a {@link FakeTwitchIrcServer}: its transport and its clock. */
    public static final class Builder {
        private IrcListener.Kind kind = IrcListener.Kind.TCP;
        private TestCertificate certificate;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * IRC over plain TCP ({@code irc://localhost:port}), the default.
         *
         * @return this builder, for chaining
         */
        public Builder tcp() {
            return transport(IrcListener.Kind.TCP, null);
        }

        /**
         * IRC over TLS with {@code certificate} ({@code ircs://localhost:port}).
         *
         * @param certificate the server's certificate; give clients its
         *     {@link TestCertificate#clientContext()}; not null
         * @return this builder, for chaining
         */
        public Builder tls(TestCertificate certificate) {
            return transport(IrcListener.Kind.TLS, Objects.requireNonNull(certificate, "certificate"));
        }

        /**
         * IRC over WebSocket ({@code ws://localhost:port}), as irc-ws.chat.twitch.tv.
         *
         * @return this builder, for chaining
         */
        public Builder webSocket() {
            return transport(IrcListener.Kind.WS, null);
        }

        /**
         * IRC over WebSocket with TLS ({@code wss://localhost:port}).
         *
         * @param certificate the server's certificate; give clients its
         *     {@link TestCertificate#clientContext()}; not null
         * @return this builder, for chaining
         */
        public Builder secureWebSocket(TestCertificate certificate) {
            return transport(IrcListener.Kind.WSS, Objects.requireNonNull(certificate, "certificate"));
        }

        /**
         * Reads time for Twitch's windows from {@code value} (default: the system clock).
         *
         * @param value the clock for the message, duplicate and JOIN windows and {@code tmi-sent-ts};
         *     not null
         * @return this builder, for chaining
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        private Builder transport(IrcListener.Kind value, TestCertificate cert) {
            this.kind = value;
            this.certificate = cert;
            return this;
        }

        /**
         * Listens on a free loopback port.
         *
         * @return the running server, listening at {@link FakeTwitchIrcServer#uri()}; close it after
         *     the test
         * @throws IllegalStateException when no loopback port can be opened
         */
        public FakeTwitchIrcServer start() {
            FakeTwitchIrcServer server = new FakeTwitchIrcServer(this);
            try {
                server.listener.start();
            } catch (IOException e) {
                server.close();
                throw new IllegalStateException("fake Twitch server could not listen: " + e.getMessage(), e);
            }
            return server;
        }
    }
}
