package dev.chorusbot.twitch.eventsub;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A running EventSub bot on loopback: the fake Helix API, the adapter, a bot with the hello command
 * served by the embedded webhook server, and a fake Twitch sender pointed at its webhook.
 */
final class EventSubHarness implements AutoCloseable {
    static final String SECRET = "s3cre7-for-eventsub-tests";
    static final String BOT_ID = "900000001";
    static final String BOT_LOGIN = "chorusbot";

    final FakeHelixApi helix;
    final TwitchEventSubAdapter adapter;
    final Bot bot;
    final WebhookServer server;
    final FakeEventSubSender twitch;

    EventSubHarness(Scheduler time, Consumer<FakeHelixApi.Builder> helixOptions, Consumer<Bot.Builder> botOptions) {
        this(time, helixOptions, botOptions, c -> { });
    }

    EventSubHarness(Scheduler time, Consumer<FakeHelixApi.Builder> helixOptions, Consumer<Bot.Builder> botOptions,
            Consumer<TwitchEventSubConfig.Builder> adapterOptions) {
        Clock clock = time.clock();
        FakeHelixApi.Builder helixBuilder = FakeHelixApi.builder().clock(clock);
        helixOptions.accept(helixBuilder);
        this.helix = helixBuilder.start();
        helix.addUser("141981764", "twitchdev", "TwitchDev");
        helix.addUser(BOT_ID, BOT_LOGIN, "ChorusBot");
        TwitchEventSubConfig.Builder config = config(helix);
        adapterOptions.accept(config);
        this.adapter = new TwitchEventSubAdapter(config.build());
        this.server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .build();
        Bot.Builder builder = Bot.builder().command(hello()).adapter(adapter).webhookServer(server).scheduler(time);
        botOptions.accept(builder);
        this.bot = builder.build();
        bot.start();
        this.twitch = FakeEventSubSender.builder().callback(webhook()).secret(SECRET).clock(clock).botUserId(BOT_ID).start();
    }

    EventSubHarness() {
        this(Scheduler.system(), b -> { }, b -> { });
    }

    /**
     * Sends {@code message} and waits until it went out, moving {@code time} through each wait the
     * adapter sleeps on the way (a rate limit's reset, a backoff): the thread sending sleeps on the
     * manual scheduler until the test advances it.
     */
    void sendMovingTime(ManualScheduler time, Outbound message) throws Exception {
        awaitMovingTime(time, adapter.send(message));
    }

    /** Waits for {@code sent}, moving {@code time} through each wait the adapter sleeps meanwhile. */
    static void awaitMovingTime(ManualScheduler time, CompletableFuture<?> sent) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                sent.get(10, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the send did not finish within 60 s; " + time);
                }
                if (time.sleepingThreads() > 0) {
                    List<Duration> sleeps = time.sleeps();
                    time.advance(sleeps.get(sleeps.size() - 1)); // exactly the wait the adapter asked for
                }
            }
        }
    }

    static TwitchEventSubConfig.Builder config(FakeHelixApi helix) {
        return TwitchEventSubConfig.builder()
                .clientId(helix.clientId())
                .clientSecret(helix.clientSecret())
                .eventSubSecret(SECRET)
                .botUserId(BOT_ID)
                .botLogin(BOT_LOGIN)
                .apiUrl(helix.baseUrl())
                .authUrl(helix.baseUrl());
    }

    static Command hello() {
        return Command.named("hello")
                .description("Say hello")
                .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                .build();
    }

    URI webhook() {
        return URI.create("http://127.0.0.1:" + server.port() + "/twitch");
    }

    @Override
    public void close() {
        bot.stop();
        helix.close();
    }
}
