package dev.chorusbot.discord.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The REST client's queues for interaction routes: one per interaction, forgotten once done. */
class InteractionLanesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Route callback(String id, String token) {
        return Route.of("POST", "/interactions/{interaction.id}/{interaction.token}/callback", id, token);
    }

    private static Route followUp(FakeDiscordApi discord, String token) {
        return Route.of("POST", "/webhooks/{application.id}/{interaction.token}", discord.applicationId(), token);
    }

    @Test
    void theCallbacksOfTwoInteractionsDoNotWaitForEachOther() throws Exception {
        // Each callback is answered only once the other one has arrived too: queued one behind the
        // other, the first would wait for the second in vain.
        CountDownLatch both = new CountDownLatch(2);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            both.countDown();
            boolean together;
            try {
                together = both.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                together = false;
            }
            if (together) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                byte[] body = "{\"message\": \"Unknown interaction\", \"code\": 10062}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        try {
            DiscordRest rest = new DiscordRest(DiscordConfig.builder().token("MTAw.bot.token")
                    .apiUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10"))
                    .requestTimeout(Duration.ofSeconds(60)).build(), Scheduler.system());
            var deferral = JsonTrees.object().put("type", 5);

            CompletableFuture<?> first = rest.requestMessage(callback("1300000000000000001", "tok-a"), deferral);
            CompletableFuture<?> second = rest.requestMessage(callback("1300000000000000002", "tok-b"), deferral);

            assertThat(first).succeedsWithin(WAIT.multipliedBy(2));
            assertThat(second).succeedsWithin(WAIT.multipliedBy(2));
            assertThat(both.getCount()).isZero();
        } finally {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    @Test
    void forgetsTheQueuesOfInteractionsOnceTheirCallsAreDone() throws Exception {
        try (FakeDiscordApi discord = FakeDiscordApi.start()) {
            DiscordRest rest = new DiscordRest(DiscordConfig.builder().token(discord.token())
                    .apiUrl(discord.apiUrl()).build(), Scheduler.system());
            Chat channel = new Chat("1100000000000000001", Chat.Kind.GROUP, "general", Optional.empty());

            for (int i = 0; i < 3; i++) {
                String token = "token-" + i;
                assertThat(rest.requestMessage(callback("130000000000000000" + i, token),
                        JsonTrees.object().put("type", 5))).succeedsWithin(WAIT);
                assertThat(rest.requestMessage(followUp(discord, token), JsonTrees.object().put("content", "later " + i)))
                        .succeedsWithin(WAIT);
            }
            assertThat(rest.send(Outbound.text(channel, "to the channel"))).succeedsWithin(WAIT);

            assertThat(discord.followUps()).hasSize(3);
            // Only the channel's queue stays: it holds what its bucket knows, for the channel's next message.
            assertThat(rest.laneCount()).isEqualTo(1);
        }
    }

    @Test
    void keepsAnInteractionsQueueUntilItsExhaustedBucketResets() throws Exception {
        // A follow-up answered with the last request of its bucket, as Discord's headers say it.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"id\": \"1400000000000000001\", \"content\": \"one\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-RateLimit-Limit", "5");
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
            exchange.getResponseHeaders().add("X-RateLimit-Reset-After", "5.000");
            exchange.getResponseHeaders().add("X-RateLimit-Bucket", "a1b2c3d4e5");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            ManualScheduler time = new ManualScheduler();
            DiscordRest rest = new DiscordRest(DiscordConfig.builder().token("MTAw.bot.token")
                    .apiUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10")).build(),
                    time);
            Route followUp = Route.of("POST", "/webhooks/{application.id}/{interaction.token}",
                    "100000000000000001", "token-x");

            assertThat(rest.requestMessage(followUp, JsonTrees.object().put("content", "one"))).succeedsWithin(WAIT);

            // None remain: another follow-up of this interaction must still wait for the reset.
            assertThat(rest.laneCount()).isEqualTo(1);
            time.advance(Duration.ofSeconds(6));
            assertThat(rest.laneCount()).isZero();
        } finally {
            server.stop(0);
        }
    }
}
