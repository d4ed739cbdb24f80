package dev.chorusbot.discord.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.FakeDiscordGateway;
import dev.chorusbot.testkit.discord.GatewayPayload;
import dev.chorusbot.testkit.internal.Await;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Gateway adapter's timers on a manual clock, which the fake Gateway reads too: heartbeats
 * with their jitter, zombie connections, the wait after an invalid session, and the identify rate.
 */
class GatewayTimingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ManualScheduler time = new ManualScheduler();
    private FakeDiscordGateway gateway;
    private FakeDiscordApi api;
    private GatewayAdapter adapter;
    private GatewaySink sink;

    private void start(FakeDiscordGateway.Builder gatewayOptions, int shards, int concurrency,
            Consumer<FakeDiscordApi.Builder> apiOptions, Consumer<DiscordConfig.Builder> configure) {
        gateway = gatewayOptions.clock(time).maxConcurrency(concurrency).start();
        FakeDiscordApi.Builder a = FakeDiscordApi.builder().gateway(gateway.url(), shards, concurrency);
        apiOptions.accept(a);
        api = a.start();
        DiscordConfig.Builder config = DiscordConfig.builder().token(api.token()).apiUrl(api.apiUrl());
        configure.accept(config);
        adapter = new GatewayAdapter(config.build(), () -> 0.5);
        sink = new GatewaySink(time);
        adapter.start(sink);
    }

    private void start() {
        start(FakeDiscordGateway.builder(), 1, 1, a -> {}, c -> {});
        gateway.awaitSessions(1, WAIT);
        until("ready", adapter::isReady);
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

    private static void until(String what, BooleanSupplier condition) {
        Await.until(what, WAIT, condition::getAsBoolean, b -> b, b -> "not yet");
    }

    @Test
    void beatsFirstAfterIntervalTimesJitterThenEveryIntervalWithTheSequence() {
        start(FakeDiscordGateway.builder().heartbeatInterval(Duration.ofSeconds(1)), 1, 1, a -> {}, c -> {});
        gateway.awaitSessions(1, WAIT);
        until("ready", adapter::isReady);

        assertThat(time.nextTaskIn()).contains(Duration.ofMillis(500)); // 1000 ms × jitter 0.5
        time.advance(Duration.ofMillis(500));
        assertThat(gateway.awaitReceived(GatewayPayload.HEARTBEAT, 1, WAIT).get(0).d()).isEqualTo("1");
        until("the first ack", () -> adapter.shards().get(0).acked());
        time.advance(Duration.ofMillis(1000));

        gateway.awaitReceived(GatewayPayload.HEARTBEAT, 2, WAIT);
        assertThat(gateway.connectionPaths()).hasSize(1);
    }

    @Test
    void closesAZombieConnectionWithoutEndingTheSessionAndResumes() {
        start(FakeDiscordGateway.builder().heartbeatInterval(Duration.ofSeconds(1)), 1, 1, a -> {}, c -> {});
        gateway.awaitSessions(1, WAIT);
        until("ready", adapter::isReady);
        gateway.ackHeartbeats(false);

        time.advance(Duration.ofMillis(500)); // a heartbeat that is never acknowledged
        gateway.awaitReceived(GatewayPayload.HEARTBEAT, 1, WAIT);
        time.advance(Duration.ofMillis(1000)); // the next finds no ACK

        gateway.awaitResumes(1, WAIT);
        assertThat(gateway.awaitClientCloses(1, WAIT)).containsExactly(GatewayShard.RESUME_CLOSE);
        assertThat(gateway.connectionPaths()).last().asString().startsWith("/resume?");
        assertThat(gateway.sessionsStarted()).isEqualTo(1);
        assertThat(sink.reconnects.get()).isEqualTo(1);
    }

    @Test
    void afterAnInvalidSessionWaitsOneToFiveSecondsThenIdentifiesWithinTheRate() {
        start();

        gateway.invalidateSessions(false);
        // The next connect is due in 1 s + 4 s × 0.5, the first task of the manual clock.
        until("a connect due in 3 s", () -> time.nextTaskIn().equals(Optional.of(Duration.ofMillis(3000))));
        time.advance(Duration.ofMillis(3000));
        gateway.awaitConnections(2, WAIT);
        time.advance(Duration.ofMillis(2100)); // the identify of 3 s ago holds the next for 5.1 s

        gateway.awaitSessions(2, WAIT);
        assertThat(gateway.received(GatewayPayload.RESUME)).isEmpty();
        assertThat(gateway.identifyRateViolations()).isZero();
        assertThat(gateway.maxIdentifiesWithin(Duration.ofSeconds(5))).isEqualTo(1);
    }

    @Test
    void identifiesAfreshAfterSessionTimedOut4009() {
        start();

        gateway.disconnect(4009);
        until("the session dropped", () -> !adapter.isReady());
        time.advance(Duration.ofMillis(5100));

        gateway.awaitSessions(2, WAIT);
        assertThat(gateway.received(GatewayPayload.RESUME)).isEmpty();
        assertThat(gateway.connectionPaths()).containsExactly("/?v=10&encoding=json", "/?v=10&encoding=json");
        assertThat(gateway.identifyRateViolations()).isZero();
    }

    @Test
    void startsTheRecommendedShardsMaxConcurrencyPerFiveSeconds() {
        start(FakeDiscordGateway.builder(), 4, 2, a -> {}, c -> {});

        gateway.awaitReceived(GatewayPayload.IDENTIFY, 2, WAIT);
        gateway.awaitConnections(4, WAIT);
        time.advance(Duration.ofMillis(5100));
        gateway.awaitSessions(4, WAIT);

        assertThat(gateway.received(GatewayPayload.IDENTIFY)).extracting(p -> p.shardId() + "/" + p.shardCount())
                .containsExactlyInAnyOrder("0/4", "1/4", "2/4", "3/4");
        assertThat(gateway.received(GatewayPayload.IDENTIFY).subList(0, 2)).extracting(GatewayPayload::shardId)
                .containsExactlyInAnyOrder(0, 1);
        assertThat(gateway.identifyRateViolations()).isZero();
        assertThat(gateway.maxIdentifiesWithin(Duration.ofSeconds(5))).isEqualTo(2);
        until("all shards ready", adapter::isReady);
        assertThat(adapter.shardCount()).isEqualTo(4);
    }

    @Test
    void waitsResetAfterWhenNoSessionStartRemains() throws InterruptedException {
        start(FakeDiscordGateway.builder(), 1, 1, a -> a.sessionStartLimit(1000, 0, Duration.ofSeconds(60)), c -> {});
        gateway.awaitConnections(1, WAIT);
        time.awaitPendingTasks(2, WAIT); // HELLO taken: the heartbeat and the identify wait

        time.advance(Duration.ofSeconds(59)); // the heartbeat at 20.6 s comes, the identify does not
        gateway.awaitReceived(GatewayPayload.HEARTBEAT, 1, WAIT);
        assertThat(gateway.received(GatewayPayload.IDENTIFY)).isEmpty();
        time.advance(Duration.ofSeconds(1));

        gateway.awaitSessions(1, WAIT);
    }

    @Test
    void aConfiguredGatewayUrlSkipsGatewayBotAndConfiguredShardsAreUsed() {
        gateway = FakeDiscordGateway.builder().clock(time).start();
        api = FakeDiscordApi.start();
        adapter = new GatewayAdapter(DiscordConfig.builder().token(api.token()).apiUrl(api.apiUrl())
                .gatewayUrl(gateway.url()).shards(2).build(), () -> 0.5);
        adapter.start(new GatewaySink(time));

        gateway.awaitSessions(1, WAIT);
        time.advance(Duration.ofMillis(5100));
        gateway.awaitSessions(2, WAIT);

        assertThat(api.calls()).isEmpty();
        assertThat(gateway.received(GatewayPayload.IDENTIFY)).extracting(GatewayPayload::shardId).containsExactly(0, 1);
    }
}
