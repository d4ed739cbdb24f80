package dev.chorusbot.discord.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Format;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.SendBudget;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.discord.DiscordApiException;
import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.discord.DiscordNetworkException;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.testkit.discord.DiscordButton;
import dev.chorusbot.testkit.discord.DiscordCall;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.discord.SentDiscordMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestClientTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHANNEL = "1100000000000000001";

    private FakeDiscordApi discord;

    @AfterEach
    void stop() {
        if (discord != null) {
            discord.close();
        }
    }

    private DiscordRest client(FakeDiscordApi api) {
        return new DiscordRest(DiscordConfig.builder().token(api.token()).apiUrl(api.apiUrl())
                .retries(3, Duration.ofMillis(50), Duration.ofMillis(200)).build(), Scheduler.system());
    }

    private static Chat channel(String id) {
        return new Chat(id, Chat.Kind.GROUP, "general", Optional.empty());
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void createsAMessageWithTheBotsAuthorizationAndUserAgent() throws Exception {
        discord = FakeDiscordApi.start();

        List<JsonNode> created = await(client(discord).send(Outbound.text(channel(CHANNEL), "hello Viktor!")));

        assertThat(created).singleElement().satisfies(m -> assertThat(m.path("content").asText()).isEqualTo("hello Viktor!"));
        SentDiscordMessage sent = discord.messages().get(0);
        assertThat(sent.channelId()).isEqualTo(CHANNEL);
        assertThat(sent.content()).isEqualTo("hello Viktor!");
        DiscordCall call = discord.calls().get(0);
        assertThat(call.authorized()).isTrue();
        assertThat(call.userAgent()).matches("DiscordBot \\(https://github\\.com/chorusbot/chorus, [^)]+\\)");
        JsonNode body = JsonTrees.read(call.json().getBytes());
        assertThat(body.path("allowed_mentions").toString()).isEqualTo("{\"parse\":[\"users\"]}");
        assertThat(body.path("enforce_nonce").asBoolean()).isTrue();
        assertThat(body.path("nonce").asText()).hasSizeBetween(1, 25);
    }

    @Test
    void aReplyCarriesMessageReference() throws Exception {
        discord = FakeDiscordApi.start();

        await(client(discord).send(new Outbound(channel(CHANNEL), "pong", Format.PLAIN, List.of(),
                Optional.of("1200000000000000007"))));

        SentDiscordMessage sent = discord.messages().get(0);
        assertThat(sent.replyToId()).contains("1200000000000000007");
        assertThat(sent.json()).contains("\"message_reference\":{\"message_id\":\"1200000000000000007\","
                + "\"fail_if_not_exists\":false}");
    }

    @Test
    void buttonsBecomeActionRowsOfButtonComponents() throws Exception {
        discord = FakeDiscordApi.start();
        List<List<Button>> rows = List.of(
                List.of(Button.of("1", "roll 1"), Button.of("2", "roll 2"), Button.of("3", "roll 3"),
                        Button.of("4", "roll 4"), Button.of("5", "roll 5"), Button.of("6", "roll 6")),
                List.of(Button.of("Again", "roll again")));

        await(client(discord).send(new Outbound(channel(CHANNEL), "roll?", Format.PLAIN, rows, Optional.empty())));

        SentDiscordMessage sent = discord.messages().get(0);
        assertThat(sent.buttons()).hasSize(3); // six buttons wrap after five
        assertThat(sent.buttons().get(0)).hasSize(5).first().isEqualTo(new DiscordButton("1", "roll 1", 2));
        assertThat(sent.buttons().get(1)).containsExactly(new DiscordButton("6", "roll 6", 2));
        assertThat(sent.buttons().get(2)).containsExactly(new DiscordButton("Again", "roll again", 2));
        assertThat(sent.json()).contains("{\"type\":1,\"components\":[{\"type\":2,\"style\":2,\"label\":\"Again\","
                + "\"custom_id\":\"roll again\"}]}");
    }

    @Test
    void buttonDataOverAHundredCharactersIsRefusedBeforeSending() {
        discord = FakeDiscordApi.start();
        Outbound tooLong = new Outbound(channel(CHANNEL), "x", Format.PLAIN,
                List.of(List.of(Button.of("long", "echo " + "a".repeat(100)))), Optional.empty());

        assertThatThrownBy(() -> await(client(discord).send(tooLong))).hasCauseInstanceOf(IllegalArgumentException.class)
                .cause().hasMessage("a Discord button's custom_id holds at most 100 characters, the data of 'long' has 105");
        assertThat(discord.calls()).isEmpty();
    }

    @Test
    void textOverTwoThousandCharactersIsSplitInOrder() throws Exception {
        discord = FakeDiscordApi.start();
        String first = "a".repeat(1500);
        String second = "b".repeat(1500);
        Outbound message = new Outbound(channel(CHANNEL), first + "\n" + second, Format.PLAIN,
                List.of(List.of(Button.of("More", "more"))), Optional.of("1200000000000000007"));

        List<JsonNode> created = await(client(discord).send(message));

        assertThat(created).hasSize(2);
        List<SentDiscordMessage> sent = discord.messages();
        assertThat(sent).extracting(SentDiscordMessage::content).containsExactly(first, second);
        assertThat(sent.get(0).replyToId()).contains("1200000000000000007");
        assertThat(sent.get(1).replyToId()).isEmpty();
        assertThat(sent.get(0).buttons()).isEmpty();
        assertThat(sent.get(1).buttons()).hasSize(1);
    }

    @Test
    void aTextWithoutBreaksIsCutAtTwoThousand() throws Exception {
        discord = FakeDiscordApi.start();

        await(client(discord).send(Outbound.text(channel(CHANNEL), "x".repeat(2001))));

        assertThat(discord.messages()).extracting(m -> m.content().length()).containsExactly(2000, 1);
    }

    @Test
    void anErrorBodyBecomesATypedExceptionWithCodeAndMessage() {
        discord = FakeDiscordApi.start();
        discord.errorNext(403, 50013, "Missing Permissions");

        assertThatThrownBy(() -> await(client(discord).send(Outbound.text(channel(CHANNEL), "hi"))))
                .cause().isInstanceOfSatisfying(DiscordApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errorCode()).isEqualTo(50013);
                    assertThat(e.code()).isEqualTo("50013");
                    assertThat(e.errorMessage()).isEqualTo("Missing Permissions");
                    assertThat(e.reason()).isEqualTo("Missing Permissions");
                    assertThat(e.route()).isEqualTo("POST /channels/{channel.id}/messages");
                    assertThat(e).hasMessage("POST /channels/{channel.id}/messages failed: HTTP 403, Discord error"
                            + " 50013 Missing Permissions");
                });
    }

    @Test
    void aFormErrorListsEachFieldsComplaint() {
        discord = FakeDiscordApi.start();
        DiscordRest rest = client(discord);

        assertThatThrownBy(() -> await(rest.createMessage(CHANNEL, JsonTrees.object().put("content", "x".repeat(2001)))))
                .cause().isInstanceOfSatisfying(DiscordApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(50035);
                    assertThat(e.errors()).containsExactly("content: BASE_TYPE_MAX_LENGTH Must be 2000 or fewer in length.");
                });
    }

    @Test
    void aWrongTokenIsA401ThatNeverShowsTheToken() {
        discord = FakeDiscordApi.start();
        String wrong = "MTAwMDAwMDAwMDAwMDAwMDAy.GWrong.SomeOtherTokenThatDiscordRefuses_999";
        DiscordRest rest = new DiscordRest(DiscordConfig.builder().token(wrong).apiUrl(discord.apiUrl()).build(),
                Scheduler.system());

        assertThatThrownBy(() -> await(rest.send(Outbound.text(channel(CHANNEL), "hi"))))
                .cause().isInstanceOfSatisfying(DiscordApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errorMessage()).isEqualTo("401: Unauthorized");
                    assertThat(e.getMessage()).doesNotContain(wrong);
                });
        assertThat(rest.toString()).doesNotContain(wrong);
    }

    @Test
    void anUnreachableApiIsANetworkFailureWithoutTheToken() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        DiscordRest rest = new DiscordRest(DiscordConfig.builder().token(FakeDiscordApi.DEFAULT_TOKEN)
                .apiUrl(java.net.URI.create("http://127.0.0.1:" + closed + "/api/v10"))
                .retries(2, Duration.ofMillis(10), Duration.ofMillis(10)).build(), Scheduler.system());

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> await(rest.send(Outbound.text(channel(CHANNEL), "hi"))));

        assertThat(e.getCause()).isInstanceOf(DiscordNetworkException.class)
                .hasMessageStartingWith("POST /channels/{channel.id}/messages failed: ");
        assertThat(e.getCause().getCause()).isNull();
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(FakeDiscordApi.DEFAULT_TOKEN);
    }

    @Test
    void aBucketThatRunsOutWaitsForItsReset() throws Exception {
        discord = FakeDiscordApi.builder().bucket(2, Duration.ofMillis(700)).start();
        DiscordRest rest = client(discord);

        List<CompletableFuture<List<JsonNode>>> sends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sends.add(rest.send(Outbound.text(channel(CHANNEL), "message " + i)));
        }
        for (CompletableFuture<List<JsonNode>> send : sends) {
            await(send);
        }

        assertThat(discord.messages()).extracting(SentDiscordMessage::content)
                .containsExactly("message 0", "message 1", "message 2", "message 3", "message 4");
        assertThat(discord.rateLimitViolations()).isZero();
        List<DiscordCall> calls = discord.calls();
        assertThat(calls).hasSize(5).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
        // The third went only after the first window of 700 ms had passed.
        assertThat(calls.get(2).receivedNanos() - calls.get(0).receivedNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(650).toNanos());
    }

    @Test
    void aRateLimitedCallWaitsRetryAfterAndIsSentOnce() throws Exception {
        discord = FakeDiscordApi.start();
        discord.rateLimitNext(1, Duration.ofMillis(400), false);

        await(client(discord).send(Outbound.text(channel(CHANNEL), "once")));

        assertThat(discord.messages()).extracting(SentDiscordMessage::content).containsExactly("once");
        List<DiscordCall> calls = discord.calls();
        assertThat(calls).extracting(DiscordCall::status).containsExactly(429, 200);
        assertThat(calls.get(1).receivedNanos() - calls.get(0).receivedNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(400).toNanos());
    }

    @Test
    void aGlobal429PausesEveryRoute() throws Exception {
        discord = FakeDiscordApi.start();
        discord.rateLimitNext(1, Duration.ofMillis(400), true);
        ManualScheduler time = new ManualScheduler();
        DiscordRest rest = new DiscordRest(DiscordConfig.builder().token(discord.token()).apiUrl(discord.apiUrl())
                .build(), time);

        CompletableFuture<List<JsonNode>> first = rest.send(Outbound.text(channel(CHANNEL), "first"));
        time.awaitPendingTasks(1, WAIT); // the 429 was read: its retry waits on the scheduler
        CompletableFuture<List<JsonNode>> other = rest.send(Outbound.text(channel("1100000000000000002"), "other"));
        time.awaitPendingTasks(2, WAIT);

        assertThat(time.nextTaskIn()).contains(Duration.ofMillis(400));
        assertThat(discord.calls()).hasSize(1); // another channel's message waits for the global pause too
        time.advance(Duration.ofMillis(400));
        await(first);
        await(other);
        assertThat(discord.calls()).extracting(DiscordCall::status).containsExactly(429, 200, 200);
        assertThat(discord.messages()).extracting(SentDiscordMessage::content).containsExactlyInAnyOrder("first", "other");
    }

    @Test
    void theGlobalLimitIsNeverExceeded() throws Exception {
        discord = FakeDiscordApi.builder().bucket(1000, Duration.ofSeconds(1)).start();
        DiscordRest rest = client(discord);

        List<CompletableFuture<List<JsonNode>>> sends = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            sends.add(rest.send(Outbound.text(channel(Long.toString(1100000000000000100L + i)), "to " + i)));
        }
        for (CompletableFuture<List<JsonNode>> send : sends) {
            await(send);
        }

        assertThat(discord.messages()).hasSize(120);
        assertThat(discord.globalLimitViolations()).isZero();
        List<Long> arrivals = discord.calls().stream().map(DiscordCall::receivedNanos).sorted().toList();
        for (int i = 50; i < arrivals.size(); i++) {
            assertThat(arrivals.get(i) - arrivals.get(i - 50)).as("arrivals %d and %d", i - 50, i)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
    }

    @Test
    void aServerErrorIsRetriedAndTheMessageCreatedOnce() throws Exception {
        discord = FakeDiscordApi.start();
        discord.serverErrorNext(2, 502);

        await(client(discord).send(Outbound.text(channel(CHANNEL), "after a hiccup")));

        assertThat(discord.calls()).extracting(DiscordCall::status).containsExactly(502, 502, 200);
        assertThat(discord.messages()).extracting(SentDiscordMessage::content).containsExactly("after a hiccup");
    }

    @Test
    void aRetryOfAMessageDiscordAlreadyCreatedReturnsItInsteadOfASecond() throws Exception {
        discord = FakeDiscordApi.start();
        DiscordRest rest = client(discord);
        JsonNode first = await(rest.createMessage(CHANNEL, JsonTrees.object().put("content", "x").put("nonce", "n1")
                .put("enforce_nonce", true)));

        JsonNode again = await(rest.createMessage(CHANNEL, JsonTrees.object().put("content", "x").put("nonce", "n1")
                .put("enforce_nonce", true)));

        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(discord.messages()).hasSize(1);
    }

    @Test
    void anEditPatchesTheMessageAndReplacesItsButtons() throws Exception {
        discord = FakeDiscordApi.start();

        await(client(discord).send(new Outbound(channel(CHANNEL), "rolled 4", Format.PLAIN,
                List.of(List.of(Button.of("Again", "roll"))), Optional.empty(), Optional.empty(),
                Optional.of("1200000000000000009"))));

        assertThat(discord.edits()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("1200000000000000009");
            assertThat(e.content()).isEqualTo("rolled 4");
            assertThat(e.buttons()).containsExactly(List.of(new DiscordButton("Again", "roll", 2)));
        });
        assertThat(discord.calls().get(0).method()).isEqualTo("PATCH");
    }

    @Test
    void reportsMessagesTheirWaitsAndRetriesToTheObserver() throws Exception {
        discord = FakeDiscordApi.start();
        discord.rateLimitNext(1, Duration.ofMillis(300), false);
        discord.serverErrorNext(1, 503);
        DiscordRest rest = client(discord);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        rest.observe(new BotObserver() {
            @Override
            public void messageSent(Platform platform) {
                seen.add("sent " + platform.id());
            }

            @Override
            public void sendRetried(Platform platform, RetryReason reason) {
                seen.add("retried " + reason);
            }

            @Override
            public void sendWaited(Platform platform, Duration waited) {
                waits.add(waited);
            }
        });

        await(rest.send(Outbound.text(channel(CHANNEL), "observed")));
        await(rest.request(Route.of("GET", "/gateway/bot"), null));

        assertThat(seen).containsExactly("retried RATE_LIMITED", "retried SERVER_ERROR", "sent discord");
        assertThat(waits).singleElement().satisfies(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ofMillis(300)));
    }

    @Test
    void theGlobalLimitIsAlsoTakenFromTheSharedBudgetUnderTheBotsId() throws Exception {
        discord = FakeDiscordApi.start();
        List<SendBudget.Limit> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger(1);
        SendBudget budget = limits -> {
            asked.addAll(limits);
            // Another instance took the second: the first ask waits 300 ms.
            return refusals.getAndDecrement() > 0 ? Duration.ofMillis(300) : Duration.ZERO;
        };
        DiscordRest rest = new DiscordRest(DiscordConfig.builder().token(discord.token()).apiUrl(discord.apiUrl())
                .build(), Scheduler.system(), budget);
        long start = System.nanoTime();

        await(rest.send(Outbound.text(channel(CHANNEL), "counted")));

        assertThat(asked).hasSize(2).allSatisfy(l -> {
            assertThat(l.key()).isEqualTo("discord:" + FakeDiscordApi.DEFAULT_APPLICATION_ID + ":global");
            assertThat(l.max()).isEqualTo(50);
            assertThat(l.window()).isEqualTo(Duration.ofSeconds(1));
        });
        assertThat(discord.calls().get(0).receivedNanos() - start).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
        assertThat(discord.messages()).hasSize(1);
    }

    @Test
    void closingFailsWhatIsStillWaitingAndSaysItWasNotSent() throws Exception {
        discord = FakeDiscordApi.start();
        discord.rateLimitNext(1, Duration.ofSeconds(30), false);
        ManualScheduler time = new ManualScheduler();
        DiscordRest rest = new DiscordRest(DiscordConfig.builder().token(discord.token()).apiUrl(discord.apiUrl())
                .build(), time);
        CompletableFuture<List<JsonNode>> waiting = rest.send(Outbound.text(channel(CHANNEL), "first"));
        CompletableFuture<List<JsonNode>> queued = rest.send(Outbound.text(channel(CHANNEL), "second"));
        time.awaitPendingTasks(1, WAIT);

        rest.close();
        time.advance(Duration.ofSeconds(30));

        for (CompletableFuture<List<JsonNode>> f : List.of(waiting, queued)) {
            assertThatThrownBy(() -> await(f)).cause().isInstanceOf(DiscordNetworkException.class)
                    .hasMessage("POST /channels/{channel.id}/messages failed: not sent: the Discord client was closed");
        }
        assertThat(rest.drained()).succeedsWithin(WAIT);
        assertThat(discord.messages()).isEmpty();
        assertThatThrownBy(() -> await(rest.send(Outbound.text(channel(CHANNEL), "late"))))
                .cause().isInstanceOf(DiscordNetworkException.class);
    }
}
