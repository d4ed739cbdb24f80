package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.chorusbot.core.AdapterStoppedException;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PlatformEvent;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.Role;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The adapter against the fake Twitch server, over real loopback sockets. */
class TwitchAdapterTest {
    private static final Chat CHORUS = Chat.of("chorus", Chat.Kind.GROUP, "#chorus");
    private static final Command HELLO = Command.named("hello")
            .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
            .build();

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    private FakeTwitchIrcServer fake(String kind) {
        return fake(kind, java.time.Clock.systemUTC());
    }

    private FakeTwitchIrcServer fake(String kind, java.time.Clock clock) {
        FakeTwitchIrcServer server = (kind.equals("ws") ? FakeTwitchIrcServer.builder().webSocket()
                : FakeTwitchIrcServer.builder().tcp()).clock(clock).start();
        cleanup.add(server);
        return server;
    }

    private static TwitchConfig.Builder config(FakeTwitchIrcServer server) {
        return TwitchConfig.builder()
                .username("Chorus_Bot")
                .token("tok3n")
                .channels("#Chorus")
                .server(server.uri())
                .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .closeTimeout(Duration.ofSeconds(2));
    }

    private TwitchAdapter adapter(TwitchConfig config, RecordingSink sink) {
        TwitchAdapter adapter = new TwitchAdapter(config);
        adapter.start(sink);
        cleanup.add(adapter::close);
        return adapter;
    }

    private Bot bot(TwitchAdapter adapter, Command... commands) {
        Bot.Builder builder = Bot.builder().adapter(adapter);
        for (Command command : commands) {
            builder.command(command);
        }
        Bot bot = builder.build();
        bot.start();
        cleanup.add(bot::stop);
        return bot;
    }

    private static Predicate<String> startsWith(String prefix) {
        return line -> line.startsWith(prefix);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ws"})
    void logsInWithCapabilitiesTokenAndLowerCaseNickThenJoins(String kind) {
        FakeTwitchIrcServer twitch = fake(kind);
        TwitchAdapter adapter = adapter(config(twitch).build(), new RecordingSink());

        twitch.awaitJoined("chorus");

        assertThat(twitch.received()).containsSubsequence(
                "CAP REQ :twitch.tv/tags twitch.tv/commands", "PASS oauth:tok3n", "NICK chorus_bot", "JOIN #chorus");
        awaitTrue(() -> adapter.self().orElseThrow().id().equals("424242"), "the user id from GLOBALUSERSTATE");
        assertThat(adapter.self().orElseThrow().login()).isEqualTo("chorus_bot");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ws"})
    void answersHelloWithAReplyThreadedUnderTheCommand(String kind) {
        FakeTwitchIrcServer twitch = fake(kind);
        bot(new TwitchAdapter(config(twitch).build()), HELLO);
        twitch.awaitJoined("chorus");

        String id = twitch.chat("chorus", "viktor", "Viktor", "!hello");

        twitch.awaitReceived(line -> line.equals("@reply-parent-msg-id=" + id + " PRIVMSG #chorus :hello Viktor!"));
        awaitTrue(() -> twitch.accepted().contains("PRIVMSG #chorus :hello Viktor!"), "Twitch to accept the reply");
    }

    @Test
    void answersACommandSentAsAReplyToAnotherMessage() {
        FakeTwitchIrcServer twitch = fake("tcp");
        bot(new TwitchAdapter(config(twitch).build()), HELLO);
        twitch.awaitJoined("chorus");

        // Twitch starts a reply's text with "@<parent display name> " (its web chat hides it).
        twitch.sendRaw("@badge-info=;badges=;display-name=Anna;id=5f1c2d7e-0001;reply-parent-display-name=Viktor;"
                + "reply-parent-msg-body=who's\\shere?;reply-parent-msg-id=5f1c2d7e-0000;reply-parent-user-id=11;"
                + "reply-parent-user-login=viktor;room-id=1;tmi-sent-ts=1700000000000;user-id=22"
                + " :anna!anna@anna.tmi.twitch.tv PRIVMSG #chorus :@Viktor !hello");

        twitch.awaitReceived(line -> line.equals("@reply-parent-msg-id=5f1c2d7e-0001 PRIVMSG #chorus :hello Anna!"));
    }

    @Test
    void mapsChatMessagesWithBadgesToRoles() {
        FakeTwitchIrcServer twitch = fake("tcp");
        RecordingSink sink = new RecordingSink();
        adapter(config(twitch).build(), sink);
        twitch.awaitJoined("chorus");

        String id = twitch.chat("chorus", "Anna", "Anna\u00e4", "moderator/1,vip/1,founder/0", "hi all");

        Message message = sink.await(Message.class, m -> m.id().equals(id));
        assertThat(message.chat()).isEqualTo(CHORUS);
        assertThat(message.text()).isEqualTo("hi all");
        assertThat(message.sender().login()).isEqualTo("anna");
        assertThat(message.sender().displayName()).isEqualTo("Anna\u00e4");
        assertThat(message.sender().roles()).contains(Role.MODERATOR, Role.VIP, Role.SUBSCRIBER).doesNotContain(Role.OWNER);
        assertThat(message.unwrap(TwitchMessage.class)).hasValueSatisfying(raw -> assertThat(raw.roomId()).isNotEmpty());
    }

    @Test
    void ignoresItsOwnMessagesWhateverTheCaseOfTheLogin() {
        FakeTwitchIrcServer twitch = fake("tcp");
        bot(new TwitchAdapter(config(twitch).build()), HELLO);
        twitch.awaitJoined("chorus");

        twitch.chat("chorus", "CHORUS_BOT", "Chorus_Bot", "!hello");
        String id = twitch.chat("chorus", "viktor", "Viktor", "!hello");

        twitch.awaitReceived(line -> line.contains(id));
        assertThat(twitch.received()).noneMatch(line -> line.contains("hello Chorus_Bot!"));
    }

    @Test
    void passesTwitchCommandsToHandlersAsPlatformEvents() {
        FakeTwitchIrcServer twitch = fake("ws");
        RecordingSink sink = new RecordingSink();
        adapter(config(twitch).build(), sink);
        twitch.awaitJoined("chorus");

        // Lines as Twitch's IRC command reference shows them.
        twitch.sendRaw("@badge-info=;badges=staff/1,broadcaster/1;color=#008000;display-name=ronni;emotes=;id=db25007f-7a18-43eb-9379-80131e44d633;"
                + "login=ronni;mod=0;msg-id=resub;msg-param-cumulative-months=6;msg-param-streak-months=2;msg-param-should-share-streak=1;"
                + "msg-param-sub-plan=Prime;msg-param-sub-plan-name=Prime;room-id=12345678;subscriber=1;"
                + "system-msg=ronni\\shas\\ssubscribed\\sfor\\s6\\smonths!;tmi-sent-ts=1507246572675;turbo=1;user-id=87654321;user-type=staff"
                + " :tmi.twitch.tv USERNOTICE #chorus :Great stream -- keep it up!");
        twitch.sendRaw("@room-id=12345678;target-user-id=87654321;tmi-sent-ts=1642715756806 :tmi.twitch.tv CLEARCHAT #chorus :ronni");
        twitch.sendRaw("@login=foo;room-id=;target-msg-id=94e6c7ff-bf98-4faa-af5d-7ad633a158a9;tmi-sent-ts=1642720582342"
                + " :tmi.twitch.tv CLEARMSG #chorus :bleedPurple");
        twitch.sendRaw("@msg-id=slow_off :tmi.twitch.tv NOTICE #chorus :This room is no longer in slow mode.");
        twitch.sendRaw("@badges=staff/1,bits-charity/1;color=#8A2BE2;display-name=PetsgomOO;emotes=;message-id=306;thread-id=12345678_87654321;"
                + "turbo=0;user-id=87654321;user-type=staff :petsgomoo!petsgomoo@petsgomoo.tmi.twitch.tv WHISPER chorus_bot :hello");

        PlatformEvent resub = sink.await(PlatformEvent.class, e -> e.type().equals("USERNOTICE"));
        assertThat(resub.id()).isEqualTo("db25007f-7a18-43eb-9379-80131e44d633");
        assertThat(resub.chat()).contains(CHORUS);
        assertThat(resub.sender()).hasValueSatisfying(u -> {
            assertThat(u.login()).isEqualTo("ronni");
            assertThat(u.roles()).contains(Role.OWNER, Role.SUBSCRIBER);
        });
        assertThat(resub.unwrap(IrcMessage.class)).hasValueSatisfying(
                irc -> assertThat(irc.tags().get("system-msg")).contains("ronni has subscribed for 6 months!"));
        assertThat(sink.await(PlatformEvent.class, e -> e.type().equals("CLEARCHAT")).sender())
                .hasValueSatisfying(u -> assertThat(u.id()).isEqualTo("87654321"));
        assertThat(sink.await(PlatformEvent.class, e -> e.type().equals("CLEARMSG")).sender())
                .hasValueSatisfying(u -> assertThat(u.login()).isEqualTo("foo"));
        sink.await(PlatformEvent.class, e -> e.type().equals("NOTICE") && e.chat().equals(java.util.Optional.of(CHORUS)));
        PlatformEvent whisper = sink.await(PlatformEvent.class, e -> e.type().equals("WHISPER"));
        assertThat(whisper.chat()).hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(Chat.Kind.PRIVATE));
        // ROOMSTATE and USERSTATE arrive with the JOIN.
        sink.await(PlatformEvent.class, e -> e.type().equals("ROOMSTATE"));
        sink.await(PlatformEvent.class, e -> e.type().equals("USERSTATE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {FakeTwitchIrcServer.LOGIN_FAILED, FakeTwitchIrcServer.IMPROPERLY_FORMATTED_AUTH})
    void stopsWithAnErrorNamingTheTokenVariableWhenTwitchRefusesTheLogin(String notice) throws Exception {
        FakeTwitchIrcServer twitch = fake("tcp").refuseLogins(notice);
        RecordingSink sink = new RecordingSink();
        TwitchAdapter adapter = adapter(config(twitch).build(), sink);

        Throwable failure = sink.stopped.get(30, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(TwitchLoginException.class).hasMessage("Twitch refused the login of 'chorus_bot' ("
                + notice + "): check TWITCH_OAUTH_TOKEN, which must be a valid user access token of that account with the"
                + " chat:read and chat:edit scopes.");
        assertThat(failure.getMessage()).doesNotContain("tok3n");
        // Stopped for good: no reconnect loop, and sending is refused.
        assertThatThrownBy(() -> adapter.send(Outbound.text(CHORUS, "hi")).get(5, TimeUnit.SECONDS))
                .hasRootCauseMessage("the Twitch adapter is closed");
        assertThat(twitch.connectionCount()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenMakesBotRunThrow() {
        FakeTwitchIrcServer twitch = fake("ws").acceptTokens("the-right-one");
        Bot bot = Bot.builder().command(HELLO).adapter(new TwitchAdapter(config(twitch).build())).build();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(bot::run)
                .isInstanceOf(AdapterStoppedException.class)
                .hasMessageContaining("Login authentication failed")
                .hasMessageContaining("TWITCH_OAUTH_TOKEN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ws"})
    void reconnectsAndRejoinsWhenTwitchSendsReconnect(String kind) {
        FakeTwitchIrcServer twitch = fake(kind);
        RecordingSink sink = new RecordingSink();
        adapter(config(twitch).build(), sink);
        twitch.awaitJoined("chorus");

        twitch.sendReconnect();

        twitch.awaitConnections(2);
        twitch.awaitReceived(startsWith("JOIN #chorus"), 1, Duration.ofSeconds(10));
        twitch.awaitJoined("chorus");
        String id = twitch.chat("chorus", "viktor", "Viktor", "still there?");
        sink.await(Message.class, m -> m.id().equals(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ws"})
    void reconnectsAndRejoinsAfterADroppedConnection(String kind) {
        FakeTwitchIrcServer twitch = fake(kind);
        adapter(config(twitch).build(), new RecordingSink());
        twitch.awaitJoined("chorus");

        twitch.dropConnections();

        twitch.awaitConnections(2);
        twitch.awaitReceived(startsWith("NICK chorus_bot"), 1, Duration.ofSeconds(10));
        twitch.awaitReceived(startsWith("JOIN #chorus"), 1, Duration.ofSeconds(10));
    }

    @Test
    void handlesChatThatTheOldConnectionReadAfterReconnect() {
        FakeTwitchIrcServer twitch = fake("tcp");
        RecordingSink sink = new RecordingSink();
        adapter(config(twitch).build(), sink);
        twitch.awaitJoined("chorus");

        // Twitch keeps sending for a moment after RECONNECT; what the bot read is a viewer's message.
        twitch.sendFrame(":tmi.twitch.tv RECONNECT\r\n@id=after-reconnect;display-name=Viktor;user-id=7"
                + " :viktor!viktor@viktor.tmi.twitch.tv PRIVMSG #chorus :!hello\r\n");

        sink.await(Message.class, m -> m.id().equals("after-reconnect"));
        twitch.awaitConnections(2);
    }

    @Test
    void sendsMessagesQueuedWhileDisconnectedAfterReconnecting() throws Exception {
        FakeTwitchIrcServer twitch = fake("tcp");
        TwitchAdapter adapter = adapter(config(twitch).reconnectBackoff(Duration.ofMillis(300), Duration.ofMillis(300)).build(),
                new RecordingSink());
        twitch.awaitJoined("chorus");
        awaitTrue(adapter::isConnected, "login");

        twitch.dropConnections();
        awaitTrue(() -> !adapter.isConnected(), "the adapter to notice the drop");
        CompletableFuture<Void> first = adapter.send(Outbound.text(CHORUS, "queued one"));
        CompletableFuture<Void> second = adapter.send(Outbound.text(CHORUS, "queued two"));

        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        twitch.awaitReceived(line -> line.equals("PRIVMSG #chorus :queued two"));
        List<String> lines = twitch.received();
        int rejoin = lines.lastIndexOf("JOIN #chorus");
        assertThat(lines.indexOf("PRIVMSG #chorus :queued one")).isGreaterThan(rejoin);
        assertThat(lines.indexOf("PRIVMSG #chorus :queued two")).isGreaterThan(lines.indexOf("PRIVMSG #chorus :queued one"));
    }

    @Test
    void treatsASilentServerAsDeadAndReconnects() {
        FakeTwitchIrcServer twitch = fake("tcp");
        adapter(config(twitch).keepAlive(Duration.ofMillis(200), Duration.ofMillis(300)).build(), new RecordingSink());
        twitch.awaitJoined("chorus");

        twitch.silent(true);
        twitch.awaitReceived(line -> line.equals("PING :tmi.twitch.tv"));
        twitch.awaitConnections(2);
        twitch.silent(false);

        twitch.awaitReceived(startsWith("JOIN #chorus"), 1, Duration.ofSeconds(10));
    }

    @Test
    void retriesALoginThatNeverGetsAWelcome() {
        FakeTwitchIrcServer twitch = fake("ws").silent(true);
        adapter(config(twitch).keepAlive(Duration.ofMillis(200), Duration.ofMillis(300)).build(), new RecordingSink());

        twitch.awaitConnections(2);
        twitch.silent(false);

        twitch.awaitJoined("chorus");
    }

    @Test
    void answersPingWithPong() {
        FakeTwitchIrcServer twitch = fake("tcp");
        adapter(config(twitch).build(), new RecordingSink());
        twitch.awaitJoined("chorus");

        twitch.sendRaw("PING :tmi.twitch.tv");

        twitch.awaitReceived(line -> line.equals("PONG tmi.twitch.tv"));
    }

    @Test
    void skipsMalformedLinesAndKeepsReading() {
        FakeTwitchIrcServer twitch = fake("tcp");
        RecordingSink sink = new RecordingSink();
        adapter(config(twitch).build(), sink);
        twitch.awaitJoined("chorus");

        twitch.sendRaw("@only-tags=1");
        twitch.sendRaw(":source.only");
        twitch.sendRaw("@emotes=25:x-y :v!v@v.tmi.twitch.tv PRIVMSG #chorus :Kappa");
        twitch.sendRaw("BAD-COMMAND x");
        String id = twitch.chat("chorus", "viktor", "Viktor", "after the garbage");

        sink.await(Message.class, m -> m.id().equals(id));
        assertThat(twitch.connectionCount()).isEqualTo(1);
    }

    @Test
    void readsSeveralLinesFromOneWebSocketFrame() {
        FakeTwitchIrcServer twitch = fake("ws");
        RecordingSink sink = new RecordingSink();
        adapter(config(twitch).build(), sink);
        twitch.awaitJoined("chorus");

        twitch.sendFrame("@id=a1;display-name=A :a!a@a.tmi.twitch.tv PRIVMSG #chorus :one\r\n"
                + "@id=b2;display-name=B :b!b@b.tmi.twitch.tv PRIVMSG #chorus :two\r\n"
                + "PING :tmi.twitch.tv\r\n");

        assertThat(sink.await(Message.class, m -> m.id().equals("a1")).text()).isEqualTo("one");
        assertThat(sink.await(Message.class, m -> m.id().equals("b2")).text()).isEqualTo("two");
        twitch.awaitReceived(line -> line.equals("PONG tmi.twitch.tv"));
    }

    @Test
    void splitsLongRepliesIntoMessagesOfAtMost500CodePoints() {
        FakeTwitchIrcServer twitch = fake("tcp");
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 180; i++) {
            words.append("caf\u00e9\uD83C\uDFB5").append(i).append(' ');
        }
        String poemText = words.toString().strip();
        Command poem = Command.named("poem").handler(ctx -> Reply.text(poemText)).build();
        bot(new TwitchAdapter(config(twitch).build()), poem);
        twitch.awaitJoined("chorus");

        twitch.chat("chorus", "viktor", "Viktor", "!poem");

        awaitTrue(() -> String.join(" ", texts(twitch)).equals(poemText), "all pieces");
        List<String> texts = texts(twitch);
        assertThat(texts).hasSize(4); // 1,510 code points
        assertThat(texts).allSatisfy(t -> assertThat(t.codePointCount(0, t.length())).isLessThanOrEqualTo(500));
        assertThat(String.join(" ", texts)).isEqualTo(poemText);
    }

    private static List<String> texts(FakeTwitchIrcServer twitch) {
        return twitch.accepted().stream().map(l -> l.substring("PRIVMSG #chorus :".length())).toList();
    }

    @Test
    void writesButtonsOutAsTextOnOneLine() {
        FakeTwitchIrcServer twitch = fake("tcp");
        Command roll = Command.named("roll")
                .handler(ctx -> Reply.text("You rolled 7\nNice!").withButtons(Button.of("Roll again", "roll")))
                .build();
        bot(new TwitchAdapter(config(twitch).build()), roll);
        twitch.awaitJoined("chorus");

        String id = twitch.chat("chorus", "viktor", "Viktor", "!roll");

        twitch.awaitReceived(line -> line.equals(
                "@reply-parent-msg-id=" + id + " PRIVMSG #chorus :You rolled 7 | Nice! | Roll again: !roll"));
    }

    @Test
    void refusesTextThatWouldInjectASecondCommand() throws Exception {
        FakeTwitchIrcServer twitch = fake("tcp");
        TwitchAdapter adapter = adapter(config(twitch).build(), new RecordingSink());
        twitch.awaitJoined("chorus");

        CompletableFuture<Void> injected = adapter.send(Outbound.text(CHORUS, "hi\r\nJOIN #elsewhere"));
        adapter.send(Outbound.text(CHORUS, "fine")).get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> injected.get(1, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("refusing to send PRIVMSG: its parameter 2 contains a line break, which would end the IRC line");
        assertThat(twitch.received()).noneMatch(line -> line.contains("elsewhere"));
    }

    @Test
    void refusesTextOverTwitchsLimitInsteadOfLettingTwitchDropIt() {
        FakeTwitchIrcServer twitch = fake("tcp");
        TwitchAdapter adapter = adapter(config(twitch).build(), new RecordingSink());

        CompletableFuture<Void> tooLong = adapter.send(Outbound.text(CHORUS, "x".repeat(501)));

        assertThatThrownBy(() -> tooLong.get(1, TimeUnit.SECONDS))
                .hasRootCauseMessage("Twitch drops messages longer than 500 characters; this one has 501");
    }

    @Test
    void holdsTheTwentyFirstMessageUntilThirtySecondsHavePassed() throws Exception {
        ManualScheduler time = new ManualScheduler();
        FakeTwitchIrcServer twitch = fake("tcp", time.clock());
        RecordingSink sink = new RecordingSink(time);
        List<Duration> waits = new CopyOnWriteArrayList<>();
        sink.observer = new BotObserver() {
            @Override
            public void sendWaited(Platform platform, Duration waited) {
                waits.add(waited);
            }
        };
        TwitchAdapter adapter = adapter(config(twitch).build(), sink);
        twitch.awaitJoined("chorus");
        awaitTrue(adapter::isConnected, "login");

        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add(adapter.send(Outbound.text(CHORUS, "message " + i)));
        }
        CompletableFuture.allOf(sent.subList(0, 20).toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        twitch.sendRaw("PING :sync");
        twitch.awaitReceived(line -> line.equals("PONG sync"));
        assertThat(twitch.received()).filteredOn(line -> line.startsWith("PRIVMSG")).hasSize(20);
        assertThat(sent.get(20)).isNotDone();

        time.advance(Duration.ofSeconds(30)); // the session's send timer falls due

        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        awaitTrue(() -> twitch.accepted().size() == 25, "Twitch to accept all 25");
        // Each write is reported with its wait from queueing: none for the first 20, the window for the rest.
        assertThat(waits).hasSize(25);
        assertThat(waits.subList(0, 20)).containsOnly(Duration.ZERO);
        assertThat(waits.subList(20, 25)).containsOnly(Duration.ofSeconds(30));
    }

    @Test
    void sendsOneHundredInThirtySecondsWhereUserstateShowsModerator() throws Exception {
        FakeTwitchIrcServer twitch = fake("ws").moderatorIn("chorus");
        RecordingSink sink = new RecordingSink(new ManualScheduler()); // time stands still: no window passes
        TwitchAdapter adapter = adapter(config(twitch).build(), sink);
        sink.await(PlatformEvent.class, e -> e.type().equals("USERSTATE")); // shows the moderator badge

        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sent.add(adapter.send(Outbound.text(CHORUS, "mod message " + i)));
        }

        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        awaitTrue(() -> twitch.accepted().size() == 60, "Twitch to accept all 60");
    }

    @Test
    void pausesAndResendsAMessageTwitchRefusedAsTooFast() throws Exception {
        ManualScheduler time = new ManualScheduler();
        FakeTwitchIrcServer twitch = fake("tcp", time.clock());
        RecordingSink sink = new RecordingSink(time);
        TwitchAdapter adapter = adapter(config(twitch).build(), sink);
        sink.await(PlatformEvent.class, e -> e.type().equals("ROOMSTATE"));
        twitch.spendRateLimit(); // another client of the account used the allowance

        adapter.send(Outbound.text(CHORUS, "refused once")).get(30, TimeUnit.SECONDS);
        sink.await(PlatformEvent.class, e -> e.type().equals("NOTICE"));
        twitch.sendRaw("PING :sync");
        twitch.awaitReceived(line -> line.equals("PONG sync"));
        assertThat(twitch.accepted()).isEmpty();

        time.advance(Duration.ofSeconds(30)); // the pause ends: the session's send timer falls due

        awaitTrue(() -> twitch.accepted().equals(List.of("PRIVMSG #chorus :refused once")), "the message to be resent");
        assertThat(twitch.received()).filteredOn(line -> line.equals("PRIVMSG #chorus :refused once")).hasSize(2);
    }

    @Test
    void joinsAtMostTwentyChannelsPerTenSeconds() {
        ManualScheduler time = new ManualScheduler();
        FakeTwitchIrcServer twitch = fake("tcp", time.clock());
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            channels.add("channel" + i);
        }
        adapter(config(twitch).channels(channels).build(), new RecordingSink(time));
        twitch.awaitJoined("channel19");
        twitch.sendRaw("PING :sync");
        twitch.awaitReceived(line -> line.equals("PONG sync"));
        assertThat(twitch.received()).filteredOn(startsWith("JOIN")).hasSize(20);

        time.advance(Duration.ofSeconds(10)); // the JOIN window has room again

        twitch.awaitJoined("channel24");
        assertThat(twitch.received()).filteredOn(startsWith("JOIN")).hasSize(25);
        assertThat(twitch.connectionCount()).as("Twitch drops a connection that joins too fast").isEqualTo(1);
    }

    @Test
    void masksTheTokenInTheTrafficLog() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            FakeTwitchIrcServer twitch = fake("tcp");
            adapter(config(twitch).build(), new RecordingSink());
            twitch.awaitJoined("chorus");
            awaitTrue(() -> captured.toString(StandardCharsets.UTF_8).contains("> JOIN #chorus"), "the JOIN in the log");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("> PASS oauth:***").contains("> NICK chorus_bot").doesNotContain("tok3n");
    }

    @Test
    void masksAPasswordInTheServerUrlAndTheTokenInLogsAndToString() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwitchConfig config = TwitchConfig.builder().username("Chorus_Bot").token("tok3n").channels("#Chorus")
                .server(java.net.URI.create("irc://chorus:proxy-pass@127.0.0.1:" + closedPort))
                .reconnectBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30)).closeTimeout(Duration.ZERO).build();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        TwitchAdapter adapter;
        try {
            adapter = adapter(config, new RecordingSink());
            awaitTrue(() -> captured.toString(StandardCharsets.UTF_8).contains("could not connect to"),
                    "the failed connection in the log");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("could not connect to irc://<user info>@127.0.0.1:" + closedPort);
        for (String shown : List.of(log, config.toString(), adapter.toString())) {
            assertThat(shown).doesNotContain("proxy-pass").doesNotContain("tok3n");
        }
    }

    @Test
    void aMessageRefusedForSlowModeIsNotMistakenForTheNextOneWhenTwitchRefusesThatAsADuplicate() throws Exception {
        FakeTwitchIrcServer twitch = fake("tcp");
        RecordingSink sink = new RecordingSink();
        TwitchAdapter adapter = adapter(config(twitch).build(), sink);
        sink.await(PlatformEvent.class, e -> e.type().equals("ROOMSTATE"));
        twitch.silent(true); // from here on this test answers for Twitch

        adapter.send(Outbound.text(CHORUS, "too soon")).get(30, TimeUnit.SECONDS);
        twitch.sendRaw("@msg-id=msg_slowmode :tmi.twitch.tv NOTICE #chorus :This room is in slow mode and you are"
                + " sending messages too quickly. You will be able to talk again in 5 seconds.");
        adapter.send(Outbound.text(CHORUS, "accepted")).get(30, TimeUnit.SECONDS);
        twitch.sendRaw("@badge-info=;badges=;color=;display-name=chorus_bot;emote-sets=0;mod=0;subscriber=0;user-type="
                + " :tmi.twitch.tv USERSTATE #chorus");
        twitch.sendRaw("PING :sync");
        twitch.awaitReceived(line -> line.equals("PONG sync"));
        adapter.send(Outbound.text(CHORUS, "said before")).get(30, TimeUnit.SECONDS);
        twitch.sendRaw("@msg-id=msg_duplicate :tmi.twitch.tv NOTICE #chorus :" + FakeTwitchIrcServer.DUPLICATE_TEXT);

        String resent = twitch.awaitReceived(line -> line.startsWith("PRIVMSG #chorus :")
                && !List.of("PRIVMSG #chorus :too soon", "PRIVMSG #chorus :accepted", "PRIVMSG #chorus :said before")
                        .contains(line));
        assertThat(resent).as("the refused duplicate is sent again, made distinct").startsWith("PRIVMSG #chorus :said before ");
        assertThat(twitch.received()).filteredOn(line -> line.contains(":accepted")).hasSize(1);
    }

    @Test
    void failsMessagesToAChannelTwitchRefusedToJoinInsteadOfHoldingThemForever() throws Exception {
        FakeTwitchIrcServer twitch = fake("tcp").suspended("gone");
        TwitchAdapter adapter = adapter(config(twitch).channels("chorus", "gone").build(), new RecordingSink());
        Chat gone = Chat.of("gone", Chat.Kind.GROUP, "#gone");
        CompletableFuture<Void> queued = adapter.send(Outbound.text(gone, "queued before the refusal"));
        twitch.awaitJoined("chorus");
        twitch.awaitReceived(line -> line.equals("JOIN #gone"));

        assertThatThrownBy(() -> queued.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TwitchChatException.class)
                .hasMessageContaining("Twitch refused to let the bot join #gone: "
                        + FakeTwitchIrcServer.SUSPENDED_TEXT)
                .cause().satisfies(e -> {
                    TwitchChatException refused = (TwitchChatException) e;
                    assertThat(refused.platform()).isEqualTo(TwitchAdapter.PLATFORM);
                    assertThat(refused.channel()).isEqualTo("gone");
                    assertThat(refused.code()).isEqualTo("msg_channel_suspended");
                    assertThat(refused.reason()).isEqualTo(FakeTwitchIrcServer.SUSPENDED_TEXT);
                });
        assertThatThrownBy(() -> adapter.send(Outbound.text(gone, "sent after it")).get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TwitchChatException.class)
                .hasMessageContaining("Twitch refused to let the bot join #gone");
        adapter.send(Outbound.text(CHORUS, "other channels go on")).get(30, TimeUnit.SECONDS);
        assertThat(twitch.received()).noneMatch(line -> line.startsWith("PRIVMSG #gone"));
    }

    @Test
    void failsMessagesToAChannelWhoseJoinTwitchNeverAnswers() throws Exception {
        ManualScheduler time = new ManualScheduler();
        FakeTwitchIrcServer twitch = fake("tcp", time.clock()).missing("typo");
        TwitchAdapter adapter = adapter(config(twitch).channels("chorus", "typo")
                .keepAlive(Duration.ofSeconds(2), Duration.ofSeconds(2)).joinTimeout(Duration.ofSeconds(1)).build(),
                new RecordingSink(time));
        Chat typo = Chat.of("typo", Chat.Kind.GROUP, "#typo");
        CompletableFuture<Void> queued = adapter.send(Outbound.text(typo, "queued for a channel that does not exist"));
        twitch.awaitJoined("chorus");
        twitch.awaitReceived(line -> line.equals("JOIN #typo"));
        twitch.sendRaw("PING :sync");
        twitch.awaitReceived(line -> line.equals("PONG sync")); // the session has seen the JOIN echo of #chorus
        assertThat(queued).isNotDone();

        time.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> queued.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TwitchChatException.class)
                .hasMessageContaining("Twitch refused to let the bot join #typo: no answer to JOIN within 1000 ms;"
                        + " does the channel exist?");
        adapter.send(Outbound.text(CHORUS, "other channels go on")).get(30, TimeUnit.SECONDS);
        assertThat(twitch.received()).contains("JOIN #typo").noneMatch(line -> line.startsWith("PRIVMSG #typo"));
    }

    @Test
    void reconnectsWhenAServerThatStoppedReadingBlocksAWrite() throws Exception {
        // A server that welcomes the bot, then never reads again: once the socket buffers are full a
        // write cannot finish, and the connection must still be found dead and replaced.
        try (java.net.ServerSocket server = new java.net.ServerSocket()) {
            server.setReceiveBufferSize(4096); // accepted sockets inherit it: they fill up sooner
            server.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            List<java.net.Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        java.net.Socket socket = server.accept();
                        accepted.add(socket);
                        socket.getOutputStream().write(":tmi.twitch.tv 001 chorus_bot :Welcome, GLHF!\r\n"
                                .getBytes(StandardCharsets.UTF_8));
                    }
                } catch (java.io.IOException e) {
                    // the server socket closed: the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            TwitchAdapter adapter = adapter(TwitchConfig.builder().username("chorus_bot").token("tok3n").channels("chorus")
                    .server(java.net.URI.create("irc://127.0.0.1:" + server.getLocalPort()))
                    .keepAlive(Duration.ofMillis(300), Duration.ofMillis(300))
                    .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(50))
                    .messageLimits(1_000_000, 1_000_000)
                    .closeTimeout(Duration.ZERO)
                    .build(), new RecordingSink());
            awaitTrue(adapter::isConnected, "login");

            Chat elsewhere = Chat.of("elsewhere", Chat.Kind.GROUP, "#elsewhere");
            String filler = "x".repeat(450);
            for (int i = 0; i < 40_000; i++) {
                adapter.send(Outbound.text(elsewhere, i + " " + filler));
            }

            awaitTrue(() -> accepted.size() >= 2, "a second connection after the first stopped reading");
            accepted.forEach(socket -> {
                try {
                    socket.close();
                } catch (java.io.IOException e) {
                    // already closed
                }
            });
        }
    }
}
