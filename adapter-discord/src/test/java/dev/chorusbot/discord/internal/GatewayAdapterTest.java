package dev.chorusbot.discord.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.testkit.discord.DiscordAuthor;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.FakeDiscordGateway;
import dev.chorusbot.testkit.discord.GatewayPayload;
import dev.chorusbot.testkit.discord.SentDiscordMessage;
import dev.chorusbot.testkit.internal.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Gateway adapter against the testkit's fake Gateway and REST API, on the system clock. */
class GatewayAdapterTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** A Gateway message limit small enough to cross quickly in a test. */
    static final int LIMIT = 64 * 1024;
    /** Where every test of this module logs (src/test/resources/simplelogger.properties). */
    static final Path TEST_LOG = Path.of("target/discord-tests.log");
    static final String GUILD = "400000000000000000";
    static final String CHANNEL = "500000000000000000";
    static final DiscordAuthor ANNA = DiscordAuthor.of("200000000000000002", "anna").withGlobalName("Anna");

    private FakeDiscordGateway gateway;
    private FakeDiscordApi api;
    private GatewayAdapter adapter;
    private GatewaySink sink;

    private void start(FakeDiscordGateway.Builder gatewayOptions, Consumer<DiscordConfig.Builder> configure) {
        gateway = gatewayOptions.start();
        api = FakeDiscordApi.builder().gateway(gateway.url(), 1, 1).start();
        DiscordConfig.Builder config = DiscordConfig.builder().token(api.token()).apiUrl(api.apiUrl());
        configure.accept(config);
        adapter = new GatewayAdapter(config.build(), () -> 0.5);
        sink = new GatewaySink(Scheduler.system());
        adapter.start(sink);
    }

    private void start() {
        start(FakeDiscordGateway.builder(), c -> {});
        gateway.awaitSessions(1, WAIT);
    }

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void asksGatewayBotThenIdentifiesWithTokenIntentsAndShard() {
        start();

        assertThat(api.calls()).first().satisfies(call -> assertThat(call.method() + " " + call.path())
                .isEqualTo("GET /gateway/bot"));
        assertThat(gateway.connectionPaths()).containsExactly("/?v=10&encoding=json");
        GatewayPayload identify = gateway.received(GatewayPayload.IDENTIFY).get(0);
        assertThat(identify.field("/token")).contains(api.token());
        assertThat(identify.field("/intents")).contains(Integer.toString(DiscordConfig.DEFAULT_INTENTS));
        assertThat(identify.field("/properties/browser")).contains("chorus");
        assertThat(identify.shardId()).isZero();
        assertThat(identify.shardCount()).isEqualTo(1);
        assertThat(identify.json()).contains("\"shard\":[0,1]");
        Awaits.until("ready", adapter::isReady);
        assertThat(adapter.self()).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(api.applicationId()));
    }

    @Test
    void aGuildMessageBecomesAGroupMessageWithTheNickAndRoles() {
        start();
        gateway.guildCreate(GUILD, "Chorus", "200000000000000009", Map.of(GUILD, 0L, "300", 1L << 13));

        String id = gateway.messageCreate(GUILD, CHANNEL, ANNA.withNick("Annie").withRoles("300"), "!hello");

        Message m = sink.await(1).get(0);
        assertThat(m.id()).isEqualTo(id);
        assertThat(m.chat()).isEqualTo(Chat.of(CHANNEL, Chat.Kind.GROUP, ""));
        assertThat(m.sender().displayName()).isEqualTo("Annie");
        assertThat(m.sender().login()).isEqualTo("anna");
        assertThat(m.sender().roles()).containsExactlyInAnyOrder(Role.MODERATOR, Role.EVERYONE);
        assertThat(m.text()).isEqualTo("!hello");
    }

    @Test
    void theGuildOwnerIsOwnerAndADirectMessageIsPrivate() {
        start();
        gateway.guildCreate(GUILD, "Chorus", ANNA.id(), Map.of(GUILD, 0L));

        gateway.messageCreate(GUILD, CHANNEL, ANNA, "in the guild");
        gateway.messageCreate(null, "600000000000000000", ANNA, "in private");

        List<Message> got = sink.await(2);
        assertThat(got.get(0).sender().roles()).contains(Role.OWNER);
        assertThat(got.get(0).sender().displayName()).isEqualTo("Anna");
        assertThat(got.get(1).chat().kind()).isEqualTo(Chat.Kind.PRIVATE);
        assertThat(got.get(1).sender().roles()).containsExactly(Role.EVERYONE);
    }

    @Test
    void ignoresItsOwnMessagesAndOtherBots() {
        start();

        gateway.messageCreate(GUILD, CHANNEL, DiscordAuthor.of(api.applicationId(), "chorus").asBot(), "mine");
        gateway.messageCreate(GUILD, CHANNEL, DiscordAuthor.of("700", "otherbot").asBot(), "!hello");
        gateway.messageCreate(GUILD, CHANNEL, ANNA, "human");

        assertThat(sink.await(1)).extracting(Message::text).containsExactly("human");
    }

    @Test
    void answersOtherBotsWhenConfigured() {
        start(FakeDiscordGateway.builder(), c -> c.answerBots(true));
        gateway.awaitSessions(1, WAIT);

        gateway.messageCreate(GUILD, CHANNEL, DiscordAuthor.of(api.applicationId(), "chorus").asBot(), "mine");
        gateway.messageCreate(GUILD, CHANNEL, DiscordAuthor.of("700", "otherbot").asBot(), "bot");

        assertThat(sink.await(1)).extracting(Message::text).containsExactly("bot");
    }

    @Test
    void skipsMalformedFramesUnknownOpcodesAndUnknownEvents() {
        start();

        gateway.sendRaw("this is not JSON {");
        gateway.sendRaw("[1,2,3]");
        gateway.sendRaw("{\"op\":99,\"d\":{}}");
        gateway.dispatch("SOMETHING_NEW", "{\"x\":1}", null);
        gateway.dispatch("MESSAGE_CREATE", "{\"id\":\"1\"}", null);
        gateway.dispatch("MESSAGE_CREATE", "[]", null);
        gateway.messageCreate(GUILD, CHANNEL, ANNA, "still here");

        assertThat(sink.await(1)).extracting(Message::text).containsExactly("still here");
        assertThat(gateway.connectionPaths()).hasSize(1);
        assertThat(gateway.clientCloseCodes()).isEmpty();
        assertThat(sink.reconnects.get()).isZero();
    }

    @Test
    void aMessageOverTheLimitClosesWith1009AndTheShardResumesWithNothingLost() {
        start(FakeDiscordGateway.builder(), c -> c.gatewayMaxMessageBytes(LIMIT));
        gateway.awaitSessions(1, WAIT);
        long logStart = logSize();
        String near = "n".repeat(LIMIT - 1_000);

        gateway.messageCreate(GUILD, CHANNEL, ANNA, near);
        gateway.sendRaw(unsequencedMessage("x".repeat(4 * LIMIT)));
        gateway.awaitClientCloses(1, WAIT);
        gateway.messageCreate(GUILD, CHANNEL, ANNA, "after");

        assertThat(sink.await(2)).extracting(Message::text).containsExactly(near, "after");
        assertClosedWith1009(logStart);
        gateway.awaitResumes(1, WAIT);
        assertThat(gateway.sessionsStarted()).isEqualTo(1);
    }

    @Test
    void aFragmentedMessageIsBoundedAsAWholeThoughEachFragmentIsSmall() {
        start(FakeDiscordGateway.builder(), c -> c.gatewayMaxMessageBytes(LIMIT));
        gateway.awaitSessions(1, WAIT);
        long logStart = logSize();
        String near = "f".repeat(LIMIT - 1_000);

        gateway.sendRawFragmented(unsequencedMessage(near), 1_000);
        // Java-WebSocket checks the total of a fragmented message only at its first and last fragment:
        // a message that never ends must be cut off as its fragments add up.
        // Twice the limit: enough to cross it, little enough that what the bot no longer reads after
        // closing fits in the sockets' buffers, so the fake's close handshake is not held up behind it.
        gateway.sendRawFragmentsWithoutEnd(unsequencedMessage("x".repeat(2 * LIMIT)), 4_096);
        gateway.awaitClientCloses(1, WAIT);
        gateway.messageCreate(GUILD, CHANNEL, ANNA, "after");

        assertThat(sink.await(2)).extracting(Message::text).containsExactly(near, "after");
        assertClosedWith1009(logStart);
        gateway.awaitResumes(1, WAIT);
    }

    /**
     * The bot closed the connection with 1009. The fake reads that close frame, unless the bot's
     * socket is torn down while the rest of the oversized message is still unread in it: the kernel
     * then resets the connection, and the fake may see only the reset (1006). So the wire shows one
     * close, 1009 or 1006, and the bot's own log (every test of this module logs to one file) names
     * the 1009 it sent.
     */
    private void assertClosedWith1009(long logStart) {
        assertThat(gateway.clientCloseCodes()).singleElement().isIn(1009, 1006);
        Await.until("the bot's warning that it closed with 1009", WAIT, () -> logSince(logStart),
                log -> log.contains("over the " + LIMIT + "-byte limit and closed the connection with 1009"),
                log -> "not in the log yet");
    }

    private static long logSize() {
        try {
            return Files.exists(TEST_LOG) ? Files.size(TEST_LOG) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logSince(long offset) {
        try {
            byte[] all = Files.readAllBytes(TEST_LOG);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A MESSAGE_CREATE from Anna without a sequence number, written by hand to be sent raw. */
    private static String unsequencedMessage(String content) {
        return "{\"op\":0,\"t\":\"MESSAGE_CREATE\",\"s\":null,\"d\":{\"id\":\"900000000000000000\",\"channel_id\":\""
                + CHANNEL + "\",\"guild_id\":\"" + GUILD + "\",\"author\":{\"id\":\"" + ANNA.id()
                + "\",\"username\":\"anna\"},\"type\":0,\"content\":\"" + content + "\"}}";
    }

    @Test
    void answersAHeartbeatRequestAtOnceWithTheLastSequence() {
        start();
        gateway.guildCreate(GUILD, "Chorus", "1", Map.of()); // s = 2

        gateway.requestHeartbeat();

        GatewayPayload beat = gateway.awaitReceived(GatewayPayload.HEARTBEAT, 1, WAIT).get(0);
        assertThat(beat.d()).isEqualTo("2");
    }

    @Test
    void resumesAfterADroppedConnectionAndReceivesTheMissedMessage() {
        start();
        gateway.messageCreate(GUILD, CHANNEL, ANNA, "before");
        sink.await(1);

        gateway.dropConnections();
        gateway.messageCreate(GUILD, CHANNEL, ANNA, "while away");

        gateway.awaitResumes(1, WAIT);
        assertThat(sink.await(2)).extracting(Message::text).containsExactly("before", "while away");
        GatewayPayload resume = gateway.received(GatewayPayload.RESUME).get(0);
        assertThat(resume.field("/seq")).contains("2");
        assertThat(resume.field("/session_id")).isPresent();
        assertThat(gateway.connectionPaths()).last().asString().startsWith("/resume?v=10&encoding=json");
        assertThat(gateway.sessionsStarted()).isEqualTo(1);
        assertThat(sink.reconnects.get()).isEqualTo(1);
    }

    @Test
    void resumesWhenAskedToReconnectClosingWithoutEndingTheSession() {
        start();

        gateway.requestReconnect();

        gateway.awaitResumes(1, WAIT);
        assertThat(gateway.awaitClientCloses(1, WAIT)).allSatisfy(code -> assertThat(code).isNotIn(1000, 1001));
        assertThat(gateway.sessionsStarted()).isEqualTo(1);
    }

    @Test
    void resumesAfterAResumableInvalidSessionAndAfterCloseCode4000() {
        start();

        gateway.invalidateSessions(true);
        gateway.awaitResumes(1, WAIT);
        gateway.disconnect(4000);
        gateway.awaitResumes(2, WAIT);

        assertThat(gateway.sessionsStarted()).isEqualTo(1);
    }

    @Test
    void identifiesAfreshAfterSessionTimedOut4009() {
        start();

        gateway.disconnect(4009);

        gateway.awaitSessions(2, WAIT);
        assertThat(gateway.received(GatewayPayload.RESUME)).isEmpty();
        assertThat(gateway.connectionPaths()).last().isEqualTo("/?v=10&encoding=json");
    }

    @Test
    void closeSendsWhatIsQueuedBeforeLettingGo() {
        gateway = FakeDiscordGateway.start();
        api = FakeDiscordApi.builder().gateway(gateway.url(), 1, 1).bucket(1, Duration.ofMillis(300)).start();
        adapter = new GatewayAdapter(DiscordConfig.builder().token(api.token()).apiUrl(api.apiUrl()).build(), () -> 0.5);
        adapter.start(new GatewaySink(Scheduler.system()));
        Chat chat = Chat.of(CHANNEL, Chat.Kind.GROUP, "");

        for (int i = 1; i <= 3; i++) {
            adapter.send(Outbound.text(chat, "queued " + i));
        }
        adapter.close();

        assertThat(api.messages()).extracting(SentDiscordMessage::content)
                .containsExactly("queued 1", "queued 2", "queued 3");
        assertThat(api.rateLimitViolations()).isZero();
        adapter = null;
    }

    @Test
    void repliesGoThroughRestAsReplies() {
        start();
        sink.answer = true;

        String id = gateway.messageCreate(GUILD, CHANNEL, ANNA, "hi");

        SentDiscordMessage sent = api.awaitMessages(1, WAIT).get(0);
        assertThat(sent.content()).isEqualTo("echo: hi");
        assertThat(sent.channelId()).isEqualTo(CHANNEL);
        assertThat(sent.replyToId()).contains(id);
    }

    /** A poll with a deadline for adapter state. */
    static final class Awaits {
        static void until(String what, java.util.function.BooleanSupplier condition) {
            dev.chorusbot.testkit.internal.Await.until(what, WAIT, condition::getAsBoolean, b -> b, b -> "false");
        }
    }
}
