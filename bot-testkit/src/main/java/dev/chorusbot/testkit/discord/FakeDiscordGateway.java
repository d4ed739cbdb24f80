package dev.chorusbot.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.testkit.internal.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A fake of Discord's Gateway (v10, JSON encoding) on loopback, for tests of Gateway bots. Point
 * {@code DISCORD_GATEWAY_URL} (or the {@link FakeDiscordApi.Builder#gateway(URI, int, int)
 * /gateway/bot answer}) at its {@link #url()}. It speaks the real opcodes:
 * <ul>
 *   <li>on connect, HELLO (op 10) with the {@link Builder#heartbeatInterval heartbeat_interval};
 *       a connection without {@code v=10} is closed with 4012, one without {@code encoding=json}
 *       with 4002;</li>
 *   <li>HEARTBEAT (op 1) is answered with HEARTBEAT_ACK (op 11), unless told to
 *       {@link #ackHeartbeats(boolean) stop} (a zombie connection);</li>
 *   <li>IDENTIFY (op 2) opens a session: READY (a dispatch, {@code s} 1) with {@code session_id},
 *       {@code resume_gateway_url} ({@link #resumeUrl()}), the bot's user and the {@code shard}. A
 *       wrong token is closed with 4004, unknown intents with 4013, a privileged intent not
 *       {@link Builder#allowPrivilegedIntents allowed} with 4014, a bad {@code shard} with 4010,
 *       fewer shards than {@link Builder#requireShards required} with 4011, a second identify on
 *       one connection with 4005. More than {@code max_concurrency} identifies of one rate-limit
 *       key ({@code shard_id % max_concurrency}) in 5 s are answered INVALID_SESSION (op 9,
 *       {@code false}) and counted ({@link #identifyRateViolations()});</li>
 *   <li>RESUME (op 6) replays the session's events after {@code seq}, then RESUMED; an unknown or
 *       ended session is answered INVALID_SESSION {@code false}, a {@code seq} ahead of the session
 *       is closed with 4007;</li>
 *   <li>a frame that is not JSON is closed with 4002, an unknown opcode with 4001.</li>
 * </ul>
 * Events ({@link #guildCreate}, {@link #messageCreate}, {@link #dispatch}) go to every open session
 * of the shard their guild routes to ({@code (guild_id >> 22) % num_shards}; shard 0 without a
 * guild), each with the session's next sequence number; a session whose connection is down keeps
 * them for its resume. A client closing with 1000 or 1001 ends its session, as on Discord.
 *
 * <pre>{@code
 * try (FakeDiscordGateway gateway = FakeDiscordGateway.start()) {
 *     // ... start a bot with DISCORD_GATEWAY_URL = gateway.url() ...
 *     gateway.awaitSessions(1, Duration.ofSeconds(30));
 *     gateway.messageCreate("100", "200", DiscordAuthor.of("300", "anna"), "!hello");
 * }
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class FakeDiscordGateway implements AutoCloseable {
    /** The privileged intents: GUILD_MEMBERS (1 &lt;&lt; 1), GUILD_PRESENCES (1 &lt;&lt; 8), MESSAGE_CONTENT (1 &lt;&lt; 15). */
    public static final long PRIVILEGED_INTENTS = (1L << 1) | (1L << 8) | (1L << 15);

    private final GatewayServer server;

    private FakeDiscordGateway(Builder settings) throws IOException {
        this.server = new GatewayServer(settings);
    }

    /**
     * Starts a fake with the defaults: {@link FakeDiscordApi#DEFAULT_TOKEN}, a heartbeat interval
     * of 41.25 s (Discord's usual), every privileged intent allowed, {@code max_concurrency} 1.
     *
     * @return the running fake; close it after the test
     * @throws UncheckedIOException when no loopback port can be bound
     */
    public static FakeDiscordGateway start() {
        return builder().start();
    }

    /**
     * A builder, for another token, heartbeat interval, intents, concurrency or clock.
     *
     * @return a builder with the defaults; finish with {@link Builder#start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The URL to connect to, as {@code GET /gateway/bot} gives it (without query).
     *
     * @return {@code ws://127.0.0.1:port}
     */
    public URI url() {
        return server.url();
    }

    /**
     * The {@code resume_gateway_url} of READY; connections to it are told apart by their path.
     *
     * @return {@code ws://127.0.0.1:port/resume}
     */
    public URI resumeUrl() {
        return server.resumeUrl();
    }

    // ---- what the bot did ------------------------------------------------------------------

    /**
     * Every payload received, in order.
     *
     * @return a snapshot
     */
    public List<GatewayPayload> received() {
        synchronized (server) {
            return List.copyOf(server.received);
        }
    }

    /**
     * The payloads of one opcode, in order.
     *
     * @param op the opcode, such as {@link GatewayPayload#IDENTIFY}
     * @return a snapshot
     */
    public List<GatewayPayload> received(int op) {
        return received().stream().filter(p -> p.op() == op).toList();
    }

    /**
     * Every frame the fake sent, in order, as JSON.
     *
     * @return a snapshot
     */
    public List<String> sent() {
        synchronized (server) {
            return List.copyOf(server.sent);
        }
    }

    /**
     * The request path and query of each connection, in the order they opened, such as {@code
     * /?v=10&encoding=json} or {@code /resume?v=10&encoding=json}.
     *
     * @return a snapshot
     */
    public List<String> connectionPaths() {
        synchronized (server) {
            return List.copyOf(server.paths);
        }
    }

    /**
     * The close codes of the connections the bot closed, in order.
     *
     * @return a snapshot
     */
    public List<Integer> clientCloseCodes() {
        synchronized (server) {
            return List.copyOf(server.clientCloseCodes);
        }
    }

    /**
     * How many sessions IDENTIFY opened (READY sent).
     *
     * @return the count
     */
    public int sessionsStarted() {
        synchronized (server) {
            return server.readies;
        }
    }

    /**
     * How many RESUMEs succeeded (RESUMED sent).
     *
     * @return the count
     */
    public int resumes() {
        synchronized (server) {
            return server.resumed;
        }
    }

    /**
     * How many identifies were refused for going over {@code max_concurrency} per 5 s: zero for a
     * client that keeps the identify rate.
     *
     * @return the count
     */
    public int identifyRateViolations() {
        synchronized (server) {
            return server.identifyRateViolations;
        }
    }

    /**
     * The most identifies seen in any window of {@code window} (on the fake's clock), over all
     * shards.
     *
     * @param window the window, such as 5 s
     * @return the largest count
     */
    public int maxIdentifiesWithin(Duration window) {
        List<GatewayPayload> identifies = received(GatewayPayload.IDENTIFY);
        int most = 0;
        for (int i = 0; i < identifies.size(); i++) {
            int n = 0;
            for (int j = i; j < identifies.size()
                    && identifies.get(j).receivedNanos() - identifies.get(i).receivedNanos() < window.toNanos(); j++) {
                n++;
            }
            most = Math.max(most, n);
        }
        return most;
    }

    /**
     * Waits until {@code count} payloads of opcode {@code op} arrived.
     *
     * @param op the opcode
     * @param count how many
     * @param timeout how long to wait
     * @return the payloads of that opcode so far, at least {@code count}
     * @throws AssertionError naming the count and what was seen when the timeout passes
     */
    public List<GatewayPayload> awaitReceived(int op, int count, Duration timeout) {
        return Await.until(count + " Gateway payloads of op " + op, timeout, () -> received(op),
                l -> l.size() >= count, l -> l.size() + "; all received: " + received().stream()
                        .map(GatewayPayload::op).toList());
    }

    /**
     * Waits until {@code count} sessions were opened by IDENTIFY (READY sent).
     *
     * @param count how many, in total
     * @param timeout how long to wait
     * @throws AssertionError naming the count and the frames seen when the timeout passes
     */
    public void awaitSessions(int count, Duration timeout) {
        Await.until(count + " Gateway sessions (READY)", timeout, this::sessionsStarted, n -> n >= count,
                n -> n + "; payloads " + received().stream().map(GatewayPayload::op).toList());
    }

    /**
     * Waits until {@code count} resumes succeeded (RESUMED sent).
     *
     * @param count how many, in total
     * @param timeout how long to wait
     * @throws AssertionError naming the count and the frames seen when the timeout passes
     */
    public void awaitResumes(int count, Duration timeout) {
        Await.until(count + " Gateway resumes (RESUMED)", timeout, this::resumes, n -> n >= count,
                n -> n + "; payloads " + received().stream().map(GatewayPayload::op).toList()
                        + ", connections " + connectionPaths());
    }

    /**
     * Waits until {@code count} connections were opened.
     *
     * @param count how many, in total
     * @param timeout how long to wait
     * @throws AssertionError naming the count when the timeout passes
     */
    public void awaitConnections(int count, Duration timeout) {
        Await.until(count + " Gateway connections", timeout, this::connectionPaths, l -> l.size() >= count,
                l -> l.size() + " " + l);
    }

    /**
     * Waits until the bot closed {@code count} connections itself.
     *
     * @param count how many, in total
     * @param timeout how long to wait
     * @return the close codes so far
     * @throws AssertionError naming the count when the timeout passes
     */
    public List<Integer> awaitClientCloses(int count, Duration timeout) {
        return Await.until(count + " connections closed by the bot", timeout, this::clientCloseCodes,
                l -> l.size() >= count, l -> l.size() + " " + l);
    }

    // ---- events ------------------------------------------------------------------------------

    /**
     * Dispatches GUILD_CREATE for a guild with its owner and roles and no channels; see
     * {@link #guildCreate(String, String, String, Map, List)}.
     *
     * @param guildId the guild's snowflake
     * @param name the guild's name
     * @param ownerId the owner's user id ({@code owner_id})
     * @param rolePermissions each role's {@code permissions} by role id
     * @return how many sessions it went to
     */
    public int guildCreate(String guildId, String name, String ownerId, Map<String, Long> rolePermissions) {
        return guildCreate(guildId, name, ownerId, rolePermissions, List.of());
    }

    /**
     * Dispatches GUILD_CREATE for a guild with its owner, roles and text channels, and the bot's own
     * member (as Discord sends it); the role whose id is the guild's id is {@code @everyone}, and
     * the bot's member has no other role.
     *
     * @param guildId the guild's snowflake
     * @param name the guild's name
     * @param ownerId the owner's user id ({@code owner_id})
     * @param rolePermissions each role's {@code permissions} by role id
     * @param textChannelIds the ids of its text channels (type 0), named {@code channel-<id>}
     * @return how many sessions it went to
     */
    public int guildCreate(String guildId, String name, String ownerId, Map<String, Long> rolePermissions,
            List<String> textChannelIds) {
        FakeDiscordGateway.Builder settings = server.settings();
        ObjectNode guild = DiscordJson.object().put("id", guildId).put("name", name).put("owner_id", ownerId)
                .put("unavailable", false).put("member_count", 1).put("large", false)
                .put("joined_at", Instant.EPOCH.toString()).putNull("icon").put("verification_level", 0)
                .put("default_message_notifications", 0).put("explicit_content_filter", 0).put("mfa_level", 0)
                .put("nsfw_level", 0).put("premium_tier", 0).put("preferred_locale", "en-US").put("afk_timeout", 300)
                .putNull("afk_channel_id").putNull("system_channel_id").put("system_channel_flags", 0);
        guild.putArray("features");
        guild.putArray("emojis");
        guild.putArray("stickers");
        ArrayNode roles = guild.putArray("roles");
        rolePermissions.forEach((id, permissions) -> roles.addObject().put("id", id)
                .put("name", id.equals(guildId) ? "@everyone" : "role-" + id)
                .put("permissions", Long.toUnsignedString(permissions)).put("position", id.equals(guildId) ? 0 : 1)
                .put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0));
        ArrayNode channels = guild.putArray("channels");
        int position = 0;
        for (String channelId : textChannelIds) {
            channels.addObject().put("id", channelId).put("type", 0).put("guild_id", guildId)
                    .put("name", "channel-" + channelId).put("position", position++).put("nsfw", false)
                    .putArray("permission_overwrites");
        }
        ObjectNode self = guild.putArray("members").addObject();
        self.putObject("user").put("id", settings.botId).put("username", settings.botName).put("discriminator", "0")
                .putNull("global_name").putNull("avatar").put("bot", true);
        self.putArray("roles");
        self.putNull("nick");
        self.put("joined_at", Instant.EPOCH.toString()).put("deaf", false).put("mute", false).put("flags", 0);
        guild.putArray("threads");
        guild.putArray("voice_states");
        guild.putArray("presences");
        guild.putArray("stage_instances");
        guild.putArray("guild_scheduled_events");
        return server.dispatch("GUILD_CREATE", guild, guildId);
    }

    /**
     * Dispatches MESSAGE_CREATE: a message by {@code author} in a guild channel, or a direct
     * message when {@code guildId} is null (no {@code guild_id}, no {@code member}).
     *
     * @param guildId the guild, or null for a direct message
     * @param channelId the channel's snowflake
     * @param author who wrote it
     * @param content the message's {@code content}
     * @return the new message's id
     */
    public String messageCreate(String guildId, String channelId, DiscordAuthor author, String content) {
        return messageCreate(guildId, channelId, author, content, null);
    }

    /**
     * Dispatches MESSAGE_CREATE of a reply to {@code replyToId} (type 19 with a
     * {@code message_reference}); see {@link #messageCreate(String, String, DiscordAuthor, String)}.
     *
     * @param guildId the guild, or null for a direct message
     * @param channelId the channel's snowflake
     * @param author who wrote it
     * @param content the message's {@code content}
     * @param replyToId the message it answers, or null for a plain message
     * @return the new message's id
     */
    public String messageCreate(String guildId, String channelId, DiscordAuthor author, String content,
            String replyToId) {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(content, "content");
        String id = server.nextMessageId();
        ObjectNode m = DiscordJson.object().put("id", id).put("channel_id", channelId).put("type",
                replyToId == null ? 0 : 19);
        ObjectNode user = m.putObject("author").put("id", author.id()).put("username", author.username())
                .put("discriminator", "0");
        author.globalName().ifPresentOrElse(n -> user.put("global_name", n), () -> user.putNull("global_name"));
        if (author.bot()) {
            user.put("bot", true);
        }
        m.put("content", content).put("timestamp", Instant.now().toString()).putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false);
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.put("pinned", false);
        if (guildId != null) {
            m.put("guild_id", guildId);
            ObjectNode member = m.putObject("member");
            author.nick().ifPresentOrElse(n -> member.put("nick", n), () -> member.putNull("nick"));
            ArrayNode roles = member.putArray("roles");
            author.roles().forEach(roles::add);
            member.put("joined_at", Instant.EPOCH.toString()).put("deaf", false).put("mute", false);
        }
        if (replyToId != null) {
            m.putObject("message_reference").put("type", 0).put("message_id", replyToId).put("channel_id", channelId);
        }
        server.dispatch("MESSAGE_CREATE", m, guildId);
        return id;
    }

    /**
     * Dispatches any event: one the bot does not know, or a malformed one.
     *
     * @param type the event name ({@code t})
     * @param dJson the event data as JSON, such as {@code {"id": "1"}}
     * @param guildId the guild it routes by, or null for shard 0
     * @return how many sessions it went to
     * @throws IllegalArgumentException when {@code dJson} is not JSON
     */
    public int dispatch(String type, String dJson, String guildId) {
        JsonNode d;
        try {
            d = DiscordJson.MAPPER.readTree(Objects.requireNonNull(dJson, "dJson"));
        } catch (IOException e) {
            throw new IllegalArgumentException("d is not JSON: " + e.getMessage(), e);
        }
        return server.dispatch(Objects.requireNonNull(type, "type"), d, guildId);
    }

    // ---- the connection ---------------------------------------------------------------------

    /**
     * Sends {@code frame} as it is over every open connection: for frames that are not JSON, or of
     * an opcode the bot does not know.
     *
     * @param frame the text frame
     */
    public void sendRaw(String frame) {
        server.toAll(Objects.requireNonNull(frame, "frame"));
    }

    /**
     * Sends {@code frame} over every session's connection as one message in WebSocket fragments of
     * {@code fragmentBytes} bytes (a TEXT frame, then continuation frames): for a bot's limit on
     * what it reads, which must hold however a message is split.
     *
     * @param frame the message's text
     * @param fragmentBytes the payload of each fragment, positive
     * @throws IllegalArgumentException when {@code fragmentBytes} is not positive
     */
    public void sendRawFragmented(String frame, int fragmentBytes) {
        checkFragment(fragmentBytes);
        server.toAllFragmented(Objects.requireNonNull(frame, "frame"), fragmentBytes, true);
    }

    /**
     * Sends {@code text} over every session's connection as the start of a message in WebSocket
     * fragments of {@code fragmentBytes} bytes, none of them final: a message that never ends, for a
     * bot's limit on what it reads, which must count the fragments as they come.
     *
     * @param text the fragments' text, in order
     * @param fragmentBytes the payload of each fragment, positive
     * @throws IllegalArgumentException when {@code fragmentBytes} is not positive
     */
    public void sendRawFragmentsWithoutEnd(String text, int fragmentBytes) {
        checkFragment(fragmentBytes);
        server.toAllFragmented(Objects.requireNonNull(text, "text"), fragmentBytes, false);
    }

    private static void checkFragment(int fragmentBytes) {
        if (fragmentBytes < 1) {
            throw new IllegalArgumentException("fragmentBytes must be positive, was " + fragmentBytes);
        }
    }

    /** Sends RECONNECT (op 7) over every open connection: the bot should resume elsewhere. */
    public void requestReconnect() {
        server.toAll("{\"op\":7,\"d\":null}");
    }

    /** Sends HEARTBEAT (op 1) over every open connection: the bot should beat at once. */
    public void requestHeartbeat() {
        server.toAll("{\"op\":1,\"d\":null}");
    }

    /**
     * Sends INVALID_SESSION (op 9) over every session's connection.
     *
     * @param resumable its {@code d}: true when the session may be resumed; false ends the sessions
     */
    public void invalidateSessions(boolean resumable) {
        server.invalidateSessions(resumable);
    }

    /**
     * Closes every connection with {@code code} and Discord's reason for it. The sessions stay
     * resumable, except after 4004, 4007, 4009 and 4010 to 4014.
     *
     * @param code a close code, such as 4000 (unknown error) or 4014 (disallowed intents)
     */
    public void disconnect(int code) {
        server.closeAll(code, reason(code));
    }

    /** Drops every connection without a close frame, as a network failure does. */
    public void dropConnections() {
        server.dropAll();
    }

    /**
     * Whether heartbeats are answered; false makes every connection a zombie that stays open but
     * never acknowledges.
     *
     * @param ack true to answer HEARTBEAT_ACK (the default)
     */
    public void ackHeartbeats(boolean ack) {
        synchronized (server) {
            server.acking = ack;
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    /** Discord's description of each close code (Opcodes and Status Codes: Gateway Close Event Codes). */
    static String reason(int code) {
        return switch (code) {
            case 4000 -> "Unknown error.";
            case 4001 -> "Unknown opcode.";
            case 4002 -> "Decode error.";
            case 4003 -> "Not authenticated.";
            case 4004 -> "Authentication failed.";
            case 4005 -> "Already authenticated.";
            case 4007 -> "Invalid seq.";
            case 4008 -> "Rate limited.";
            case 4009 -> "Session timed out.";
            case 4010 -> "Invalid shard.";
            case 4011 -> "Sharding required.";
            case 4012 -> "Invalid API version.";
            case 4013 -> "Invalid intent(s).";
            case 4014 -> "Disallowed intent(s).";
            default -> "";
        };
    }

    /** Options of a {@link FakeDiscordGateway}. */
    public static final class Builder {
        String token = FakeDiscordApi.DEFAULT_TOKEN;
        String botId = FakeDiscordApi.DEFAULT_APPLICATION_ID;
        String botName = "Chorus";
        Duration heartbeatInterval = Duration.ofMillis(41_250);
        long allowedPrivilegedIntents = PRIVILEGED_INTENTS;
        int maxConcurrency = 1;
        int requiredShards = 1;
        LongSupplier nanoTime = System::nanoTime;

        private Builder() {}

        /**
         * The token identifies must carry, and the bot user READY names.
         *
         * @param botToken the bot token
         * @param userId the bot user's id
         * @param username the bot user's username
         * @return this builder
         */
        public Builder bot(String botToken, String userId, String username) {
            this.token = Objects.requireNonNull(botToken, "botToken");
            this.botId = Objects.requireNonNull(userId, "userId");
            this.botName = Objects.requireNonNull(username, "username");
            return this;
        }

        /**
         * HELLO's {@code heartbeat_interval}; default 41.25 s.
         *
         * @param interval the interval, at least a millisecond
         * @return this builder
         */
        public Builder heartbeatInterval(Duration interval) {
            if (interval.toMillis() < 1) {
                throw new IllegalArgumentException("interval must be at least 1 ms, was " + interval);
            }
            this.heartbeatInterval = interval;
            return this;
        }

        /**
         * The privileged intents the application has switched on in the Developer Portal; an
         * identify asking for another is closed with 4014. Default: all of them.
         *
         * @param intents a subset of {@link #PRIVILEGED_INTENTS}; 0 for none
         * @return this builder
         */
        public Builder allowPrivilegedIntents(long intents) {
            this.allowedPrivilegedIntents = intents;
            return this;
        }

        /**
         * {@code session_start_limit.max_concurrency}: identifies per rate-limit key per 5 s.
         *
         * @param concurrency at least 1; default 1
         * @return this builder
         */
        public Builder maxConcurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
            }
            this.maxConcurrency = concurrency;
            return this;
        }

        /**
         * The fewest shards an identify may name; fewer are closed with 4011 (sharding required).
         *
         * @param shards at least 1; default 1
         * @return this builder
         */
        public Builder requireShards(int shards) {
            this.requiredShards = shards;
            return this;
        }

        /**
         * The clock the identify rate is measured on: the bot's scheduler in a test that moves
         * time by hand (a {@code ManualScheduler}), so 5 s of that time are 5 s to the fake too.
         *
         * @param time the scheduler whose {@link Scheduler#nanoTime()} is read
         * @return this builder
         */
        public Builder clock(Scheduler time) {
            Objects.requireNonNull(time, "time");
            this.nanoTime = time::nanoTime;
            return this;
        }

        /**
         * Starts the fake.
         *
         * @return the running fake; close it after the test
         * @throws UncheckedIOException when no loopback port can be bound
         */
        public FakeDiscordGateway start() {
            try {
                return new FakeDiscordGateway(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
