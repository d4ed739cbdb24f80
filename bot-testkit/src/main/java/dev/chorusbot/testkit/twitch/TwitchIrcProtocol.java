package dev.chorusbot.testkit.twitch;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Twitch's side of the conversation: capabilities, login, JOIN answers, PING, PRIVMSG with
 * Twitch's limits, and chat from viewers. The transports hand it lines; it records them and
 * answers on the client they came from.
 */
final class TwitchIrcProtocol {
    private static final Set<String> KNOWN_CAPS = Set.of("twitch.tv/tags", "twitch.tv/commands", "twitch.tv/membership");
    private static final long PRIVMSG_WINDOW_MILLIS = 30_000;
    private static final long JOIN_WINDOW_MILLIS = 10_000;
    private static final String SUSPENDED_TEXT = FakeTwitchIrcServer.SUSPENDED_TEXT;
    private static final String LOGIN_FAILED = FakeTwitchIrcServer.LOGIN_FAILED;
    private static final String IMPROPERLY_FORMATTED_AUTH = FakeTwitchIrcServer.IMPROPERLY_FORMATTED_AUTH;
    private static final String RATE_LIMIT_TEXT = FakeTwitchIrcServer.RATE_LIMIT_TEXT;
    private static final String DUPLICATE_TEXT = FakeTwitchIrcServer.DUPLICATE_TEXT;

    private final IrcRecorder recorder;
    private final Supplier<List<IrcClient>> clients;
    private final Clock clock;
    private final AtomicLong roomIds = new AtomicLong(100_000);
    private final Map<String, String> roomIdByChannel = new HashMap<>();
    private final Set<String> moderatorIn = new HashSet<>();
    private final Set<String> suspended = new HashSet<>();
    private final Set<String> missing = new HashSet<>();
    private final Deque<Long> privmsgTimes = new ArrayDeque<>();
    private final Map<String, Sent> lastAccepted = new HashMap<>();
    private final Map<String, Deque<Long>> joinTimesByAccount = new HashMap<>();
    private final Object lock = new Object();

    volatile Set<String> acceptedTokens;
    volatile boolean silent;
    volatile String refusal;
    volatile int messageLimit = 20;
    volatile int moderatorMessageLimit = 100;
    volatile String botUserId = "424242";
    volatile boolean reconnectAfterLogin;
    /** When each authentication attempt (a PASS and NICK pair) arrived, by the clock. */
    final List<java.time.Instant> logins = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record Sent(String text, long at) {}

    TwitchIrcProtocol(IrcRecorder recorder, Supplier<List<IrcClient>> clients, Clock clock) {
        this.recorder = recorder;
        this.clients = clients;
        this.clock = clock;
    }

    void moderatorIn(String channel) {
        synchronized (lock) {
            moderatorIn.add(channel(channel));
        }
    }

    void suspended(String channel) {
        synchronized (lock) {
            suspended.add(channel(channel));
        }
    }

    void missing(String channel) {
        synchronized (lock) {
            missing.add(channel(channel));
        }
    }

    /** A viewer's PRIVMSG, tagged as Twitch tags it, to everyone in the channel; returns its id. */
    String chat(String channel, String login, String displayName, String badges, String text) {
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

    void spendRateLimit() {
        synchronized (lock) {
            long now = clock.millis();
            for (int i = 0; i < moderatorMessageLimit; i++) {
                privmsgTimes.addLast(now);
            }
        }
    }

    void handle(IrcClient client, String line) {
        recorder.received(line);
        ClientLine parsed = ClientLine.parse(line);
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
            switch (parsed.command()) {
                case "CAP" -> cap(client, parsed);
                case "PASS" -> client.pass = parsed.param(0);
                case "NICK" -> login(client, parsed.param(0));
                case "PING" -> client.send(":tmi.twitch.tv PONG tmi.twitch.tv :" + parsed.param(0));
                case "PONG", "QUIT" -> {
                    if (parsed.command().equals("QUIT")) {
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
                default -> client.send(":tmi.twitch.tv 421 " + client.nickOr("*") + " " + parsed.command() + " :Unknown command");
            }
        }
    }

    /**
     * What a stalled server still takes in without answering: the PASS and the capabilities, so a
     * login it read while silent is not mistaken for one without a PASS once it answers again.
     */
    private void remember(IrcClient client, ClientLine line) {
        synchronized (lock) {
            if (line.command().equals("PASS")) {
                client.pass = line.param(0);
            } else if (line.command().equals("CAP") && !line.params().isEmpty()) {
                String sub = line.param(0).equals("*") ? line.param(1) : line.param(0);
                List<String> requested = List.of(line.params().get(line.params().size() - 1).trim().split(" +"));
                if (sub.equalsIgnoreCase("REQ") && KNOWN_CAPS.containsAll(requested)) {
                    client.caps.addAll(requested);
                }
            }
        }
    }

    private void cap(IrcClient client, ClientLine line) {
        String sub = line.param(0).equals("*") ? line.param(1) : line.param(0);
        String args = line.params().get(line.params().size() - 1);
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

    private void login(IrcClient client, String nick) {
        logins.add(clock.instant());
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
        if (reconnectAfterLogin) {
            client.send(":tmi.twitch.tv RECONNECT");
        }
    }

    private boolean join(IrcClient client, String channel) {
        long now = clock.millis();
        // Twitch counts JOINs per account, over all its connections.
        Deque<Long> joinTimes = joinTimesByAccount.computeIfAbsent(client.nick, nick -> new ArrayDeque<>());
        while (!joinTimes.isEmpty() && joinTimes.peekFirst() <= now - JOIN_WINDOW_MILLIS) {
            joinTimes.removeFirst();
        }
        if (joinTimes.size() >= 20) {
            client.close(); // Twitch drops a connection that joins too fast
            return false;
        }
        joinTimes.addLast(now);
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

    private String userState(IrcClient client, String channel) {
        boolean mod = moderatorIn.contains(channel);
        boolean broadcaster = channel.equals(client.nick);
        String badges = broadcaster ? "broadcaster/1" : mod ? "moderator/1" : "";
        return client.tagged("@badge-info=;badges=" + badges + ";color=;display-name=" + client.nick
                + ";emote-sets=0,300374282;mod=" + (mod ? 1 : 0) + ";subscriber=0;user-type=" + (mod ? "mod" : ""))
                + ":tmi.twitch.tv USERSTATE #" + channel;
    }

    private void privmsg(IrcClient client, String channel, String text) {
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
        recorder.accepted("PRIVMSG #" + channel + " :" + text);
        if (client.caps.contains("twitch.tv/commands")) {
            client.send(userState(client, channel));
        }
    }

    private void broadcast(String channel, String line) {
        for (IrcClient client : clients.get()) {
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

    static String channel(String name) {
        String trimmed = name.trim();
        return (trimmed.startsWith("#") ? trimmed.substring(1) : trimmed).toLowerCase(Locale.ROOT);
    }

    /** Escapes a tag value as the IRCv3 message-tags specification says. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\:").replace(" ", "\\s").replace("\r", "\\r").replace("\n", "\\n");
    }

}
