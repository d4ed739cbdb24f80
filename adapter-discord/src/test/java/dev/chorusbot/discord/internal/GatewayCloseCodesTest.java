package dev.chorusbot.discord.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.discord.DiscordApiException;
import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.discord.DiscordGatewayException;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.FakeDiscordGateway;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Close codes after which reconnecting cannot help stop the adapter with an error that says what to fix. */
class GatewayCloseCodesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OTHER_TOKEN = "MjAwMDAwMDAwMDAwMDAwMDAy.GOther.AnotherTokenForChorusDiscordTests_99";

    private FakeDiscordGateway gateway;
    private FakeDiscordApi api;
    private GatewayAdapter adapter;
    private final GatewaySink sink = new GatewaySink(Scheduler.system());

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

    private Throwable stoppedWith() throws Exception {
        return sink.stopped.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(ints = {4004, 4010, 4011, 4012, 4013, 4014})
    void stopsWithoutReconnectingOn(int code) throws Exception {
        gateway = FakeDiscordGateway.start();
        api = FakeDiscordApi.builder().gateway(gateway.url(), 1, 1).start();
        adapter = new GatewayAdapter(DiscordConfig.builder().token(api.token()).apiUrl(api.apiUrl()).build(), () -> 0.5);
        adapter.start(sink);
        gateway.awaitSessions(1, WAIT);

        gateway.disconnect(code);

        assertThat(stoppedWith()).isInstanceOfSatisfying(DiscordGatewayException.class, e -> {
            assertThat(e.closeCode()).isEqualTo(code);
            assertThat(e.code()).isEqualTo(Integer.toString(code));
            assertThat(e.getMessage()).startsWith("The Discord Gateway closed the connection with " + code);
        });
        assertThat(gateway.connectionPaths()).hasSize(1);
        assertThat(sink.reconnects.get()).isZero();
    }

    @Test
    void disallowedIntentsNameMessageContentAndTheDeveloperPortal() throws Exception {
        gateway = FakeDiscordGateway.builder().allowPrivilegedIntents(0).start();
        api = FakeDiscordApi.builder().gateway(gateway.url(), 1, 1).start();
        adapter = new GatewayAdapter(DiscordConfig.builder().token(api.token()).apiUrl(api.apiUrl()).build(), () -> 0.5);
        adapter.start(sink);

        assertThat(stoppedWith()).isInstanceOf(DiscordGatewayException.class).hasMessage(
                "The Discord Gateway closed the connection with 4014 (Disallowed intent(s).): disallowed intents:"
                        + " switch on the privileged intents the bot asks for (MESSAGE_CONTENT for reading messages)"
                        + " under Privileged Gateway Intents on the Bot page of the Developer Portal, or leave them"
                        + " out of the configured intents");
    }

    @Test
    void aWrongTokenAtTheGatewayIs4004AndNeverShown() throws Exception {
        gateway = FakeDiscordGateway.start();
        api = FakeDiscordApi.start();
        adapter = new GatewayAdapter(DiscordConfig.builder().token(OTHER_TOKEN).apiUrl(api.apiUrl())
                .gatewayUrl(gateway.url()).build(), () -> 0.5);
        adapter.start(sink);

        Throwable failure = stoppedWith();
        assertThat(failure).isInstanceOf(DiscordGatewayException.class).hasMessageContaining("4004")
                .hasMessageContaining("DISCORD_BOT_TOKEN").hasMessageNotContaining(OTHER_TOKEN);
        assertThat(adapter.toString()).doesNotContain(OTHER_TOKEN);
    }

    @Test
    void aTokenRefusedByGatewayBotStopsWithTheApiError() throws Exception {
        api = FakeDiscordApi.start();
        adapter = new GatewayAdapter(DiscordConfig.builder().token(OTHER_TOKEN).apiUrl(api.apiUrl()).build(), () -> 0.5);
        adapter.start(sink);

        assertThat(stoppedWith()).isInstanceOfSatisfying(DiscordApiException.class,
                e -> assertThat(e.status()).isEqualTo(401)).hasMessageNotContaining(OTHER_TOKEN);
    }

    @Test
    void asksGatewayBotAgainAfterAServerError() {
        gateway = FakeDiscordGateway.start();
        api = FakeDiscordApi.builder().gateway(gateway.url(), 1, 1).start();
        api.serverErrorNext(1, 502);
        adapter = new GatewayAdapter(DiscordConfig.builder().token(api.token()).apiUrl(api.apiUrl())
                .retries(1, Duration.ZERO, Duration.ZERO).build(), () -> 0.0);
        adapter.start(sink);

        gateway.awaitSessions(1, WAIT);
        assertThat(api.calls()).extracting(c -> c.status()).startsWith(502, 200);
    }
}
