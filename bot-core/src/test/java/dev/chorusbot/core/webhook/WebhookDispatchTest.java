package dev.chorusbot.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.EventNotTakenException;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InMemoryStateStore;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.core.StateUnavailableException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The core webhook dispatch, over the embedded server on loopback, with a small push platform. */
class WebhookDispatchTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Bot> bots = new ArrayList<>();
    private WebhookServer server;
    private TestPushAdapter adapter;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger handled = new AtomicInteger();

    private Bot start(TestPushAdapter push) throws Exception {
        return start(push, new InMemoryStateStore());
    }

    private Bot start(TestPushAdapter push, StateStore store) throws Exception {
        adapter = push;
        server = WebhookServer.builder().address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        Bot bot = Bot.builder()
                .stateStore(store)
                .adapter(push)
                .command(Command.named("hello").handler(ctx -> {
                    handled.incrementAndGet();
                    return Reply.text("hello " + ctx.sender().displayName() + "!");
                }).build())
                .command(Command.named("two").handler(ctx -> Reply.of(List.of(Reply.text("one"), Reply.text("two"))))
                        .build())
                .command(Command.named("slow").handler(ctx -> {
                    release.await();
                    return Reply.text("finally");
                }).build())
                .command(Command.named("crash").handler(ctx -> {
                    throw new InternalError("the JVM failed");
                }).build())
                .build();
        // Served apart from the bot, so a test can stop the bot and still reach the endpoint.
        bot.hostWebhooks();
        bot.start();
        bots.add(bot);
        server.routes().add(push.webhookPath(), push.endpoint());
        server.start();
        return bot;
    }

    @AfterEach
    void stop() {
        release.countDown();
        bots.forEach(Bot::stop);
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(body, TestPushAdapter.SECRET);
    }

    private HttpResponse<String> post(String body, String secret) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/push"))
                .header("X-Test-Secret", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAHandledEventOnlyOnceItsRepliesWereSent() throws Exception {
        start(new TestPushAdapter());

        HttpResponse<String> response = post("m1 chat-1 /two");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(adapter.sent).containsExactly("one", "two"); // each send takes 50 ms, and the answer waited
        assertThat(adapter.outcomes).singleElement().isInstanceOfSatisfying(WebhookOutcome.Handled.class,
                h -> assertThat(h.outbound()).hasSize(2));
        assertThat(adapter.acknowledged).hasSize(1);
    }

    @Test
    void sendsEarlierRepliesThroughTheApiAndTheLastInTheAnswer() throws Exception {
        start(new TestPushAdapter());
        adapter.inlineLast = true;

        HttpResponse<String> response = post("m1 chat-1 /two");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("inline:two");
        assertThat(adapter.sent).containsExactly("one");
    }

    @Test
    void sendsTheLastReplyThroughTheApiWhenTheAnswerCarryingItCannotBeWritten() throws Exception {
        start(new TestPushAdapter());
        adapter.inlineLast = true;
        byte[] body = "m1 chat-1 /two".getBytes(StandardCharsets.UTF_8);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write(("POST /push HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Test-Secret: "
                    + TestPushAdapter.SECRET + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
        } // closed before the answer is read
        awaitSent(2);

        assertThat(adapter.sent).containsExactly("one", "two");
    }

    @Test
    void answersAtOnceInALongRunningHostWhenTheRepliesMustWaitForASendLimit() throws Exception {
        start(new TestPushAdapter(Duration.ofSeconds(60), true)); // the embedded server is long-running
        adapter.limited = true;

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/push"))
                .header("X-Test-Secret", TestPushAdapter.SECRET).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("m1 chat-1 /two")).build(), HttpResponse.BodyHandlers.ofString());
        awaitSent(2);

        assertThat(response.statusCode()).isEqualTo(200);
        // Both queued after the answer; keeping them in order is the adapter's queue's work.
        assertThat(adapter.sent).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void doesNotTakeInAFunctionAnEventWhoseReplyWouldWaitLongerThanTheTimeLeft() throws Exception {
        start(new TestPushAdapter());
        adapter.limited = true;

        WebhookResponse response = adapter.endpoint().handle(TestPushAdapter.request("m1 chat-1 /hello"),
                WebhookHost.function(Duration.ofSeconds(10)));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.bodyText()).isEqualTo("Service Unavailable: a reply would wait 30000 ms for the send"
                + " limits, longer than the 10000 ms the function has left");
        assertThat(handled).hasValue(0);
        assertThat(adapter.outcomes).singleElement().isInstanceOf(WebhookOutcome.NotTaken.class);
    }

    @Test
    void takesInAFunctionAnEventWhoseReplyCanGoWithinTheTimeLeft() throws Exception {
        start(new TestPushAdapter());

        WebhookResponse response = adapter.endpoint().handle(TestPushAdapter.request("m1 chat-1 /hello"),
                WebhookHost.function(Duration.ofSeconds(10)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(adapter.sent).containsExactly("hello Viktor!"); // sent before the answer returned
    }

    @Test
    void givesTheProtocolsImmediateAnswerWithoutTheBot() throws Exception {
        start(new TestPushAdapter());
        adapter.stopReceiving();

        HttpResponse<String> response = post("ping");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pong");
        assertThat(adapter.outcomes).isEmpty();
    }

    @Test
    void refusesARequestTheProtocolDoesNotAuthenticateBeforeReadingIt() throws Exception {
        start(new TestPushAdapter());

        HttpResponse<String> response = post("not even a message", "wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(adapter.outcomes).isEmpty();
    }

    @Test
    void answersAMalformedBodyWith400AndTheReason() throws Exception {
        start(new TestPushAdapter());

        HttpResponse<String> response = post("nonsense");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Bad Request: the body is not '<id> <chat> <text>'");
    }

    @Test
    void appliesTheMethodAndSizeRulesWhenCalledWithoutRoutes() throws Exception {
        start(new TestPushAdapter());
        WebhookEndpoint endpoint = adapter.endpoint();

        WebhookResponse get = endpoint.handle(new WebhookRequest("GET", "/push", java.util.Map.of(), new byte[0]));
        WebhookResponse huge = endpoint.handle(WebhookRequest.post("/push", java.util.Map.of(),
                new byte[WebhookRoutes.DEFAULT_MAX_BODY_BYTES + 1]));

        assertThat(get.status()).isEqualTo(405);
        assertThat(get.headers()).containsEntry("Allow", "POST");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.bodyText()).isEqualTo("Payload Too Large: the limit is 1048576 bytes");
    }

    @Test
    void answersNotTakenWith503WhileTheEndpointIsShut() throws Exception {
        start(new TestPushAdapter());
        adapter.stopReceiving();

        HttpResponse<String> response = post("m1 chat-1 /hello");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("Service Unavailable: the bot is not running");
        assertThat(adapter.outcomes).singleElement().isInstanceOf(WebhookOutcome.NotTaken.class);
        assertThat(handled).hasValue(0);
    }

    @Test
    void answersNotTakenWith503WhenTheStoppingBotRefusesTheEvent() throws Exception {
        Bot bot = start(new TestPushAdapter(Duration.ofSeconds(5), false));
        bot.stop(); // the endpoint stays open, as for a request that passed its check just before

        HttpResponse<String> response = post("m1 chat-1 /hello");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("Service Unavailable: the bot is stopping");
        assertThat(adapter.outcomes).singleElement().isInstanceOfSatisfying(WebhookOutcome.NotTaken.class,
                n -> assertThat(n.reason()).isEqualTo("the bot is stopping"));
        assertThat(handled).hasValue(0);
    }

    @Test
    void failsTheDispatchOfAStoppedBotWithTheTypedException() throws Exception {
        Bot bot = start(new TestPushAdapter());
        bot.stop();

        CompletableFuture<?> dispatched = bot.dispatch(Message.of(TestPushAdapter.PLATFORM, "m1",
                dev.chorusbot.core.Chat.of("c", dev.chorusbot.core.Chat.Kind.GROUP, "c"),
                dev.chorusbot.core.User.of("7", "viktor", "Viktor"), "/hello"));

        assertThat(dispatched).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(EventNotTakenException.class).withMessage("the bot is stopping");
    }

    @Test
    void answersAFailureThatEscapedTheBotAsFailedWith200() throws Exception {
        start(new TestPushAdapter());

        HttpResponse<String> response = post("m1 chat-1 /crash");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(adapter.outcomes).singleElement().isInstanceOfSatisfying(WebhookOutcome.Failed.class,
                f -> assertThat(f.cause()).isInstanceOf(InternalError.class).hasMessage("the JVM failed"));
    }

    @Test
    void answersAtTheDeadlineAndSendsTheRepliesWhenTheyAreReady() throws Exception {
        start(new TestPushAdapter(Duration.ofMillis(200), true));

        HttpResponse<String> response = post("m1 chat-1 /slow");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(adapter.outcomes).singleElement().isInstanceOfSatisfying(WebhookOutcome.TimedOut.class,
                t -> assertThat(t.deadline()).isEqualTo(Duration.ofMillis(200)));
        assertThat(adapter.sent).isEmpty();
        release.countDown();
        awaitSent(1);
        assertThat(adapter.sent).containsExactly("finally");
    }

    @Test
    void aFunctionWaitsForLateRepliesWhenTheProtocolSaysTheyMayStillFollow() throws Exception {
        start(new TestPushAdapter(Duration.ofMillis(200), true));
        adapter.lateWindow = Duration.ofSeconds(30);
        CompletableFuture<WebhookResponse> answer = CompletableFuture.supplyAsync(() -> adapter.endpoint()
                .handle(TestPushAdapter.request("m1 chat-1 /slow"), WebhookHost.function(Duration.ofSeconds(60))));
        awaitAcknowledged();

        assertThat(answer).isNotDone(); // past the deadline, the function still waits for the reply
        release.countDown();
        WebhookResponse response = answer.get(30, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(adapter.sent).containsExactly("finally"); // sent before the function answered
        assertThat(adapter.outcomes).singleElement().isInstanceOf(WebhookOutcome.TimedOut.class);
    }

    @Test
    void aFunctionWaitsForLateRepliesNoLongerThanItsTimeLeft() throws Exception {
        start(new TestPushAdapter(Duration.ofMillis(200), true));
        adapter.lateWindow = Duration.ofMinutes(14);

        // 1.5 s left: 1 s is kept to answer, 0.2 s went to the deadline, so it waits about 0.3 s more.
        WebhookResponse response = adapter.endpoint().handle(TestPushAdapter.request("m1 chat-1 /slow"),
                WebhookHost.function(Duration.ofMillis(1500)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(adapter.outcomes).singleElement().isInstanceOf(WebhookOutcome.TimedOut.class);
        assertThat(adapter.sent).isEmpty();
    }

    @Test
    void aLongRunningHostAnswersAtTheDeadlineWhateverTheProtocolAllowsAFunction() throws Exception {
        start(new TestPushAdapter(Duration.ofMillis(200), true));
        adapter.lateWindow = Duration.ofSeconds(30);

        HttpResponse<String> response = post("m1 chat-1 /slow");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(adapter.sent).isEmpty();
        release.countDown();
        awaitSent(1);
        assertThat(adapter.sent).containsExactly("finally");
    }

    private void awaitAcknowledged() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (adapter.acknowledged.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the dispatch did not acknowledge the event within 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    @Test
    void handlesTwentyConcurrentCopiesOfOneEventOnce() throws Exception {
        start(new TestPushAdapter());
        List<CompletableFuture<HttpResponse<String>>> copies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            copies.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/push"))
                    .header("X-Test-Secret", TestPushAdapter.SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString("m1 chat-1 /hello")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        for (CompletableFuture<HttpResponse<String>> copy : copies) {
            assertThat(copy.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(handled).hasValue(1);
        assertThat(adapter.sent).containsExactly("hello Viktor!");
        assertThat(adapter.outcomes).hasSize(20).allSatisfy(o -> assertThat(o).isInstanceOf(WebhookOutcome.Handled.class));
    }

    @Test
    void handlesTheRedeliveryOfAnEventTheBotDidNotTake() throws Exception {
        Bot bot = start(new TestPushAdapter());
        AtomicInteger refusals = new AtomicInteger(1);
        adapter.start(new EventSink() {
            @Override
            public CompletableFuture<Handled> dispatch(InboundEvent event) {
                return refusals.getAndDecrement() > 0
                        ? CompletableFuture.failedFuture(new EventNotTakenException("the bot is stopping"))
                        : bot.dispatch(event);
            }

            @Override
            public void stopped(Adapter stopped, Throwable failure) {}
        });
        assertThat(post("m1 chat-1 /hello").statusCode()).isEqualTo(503);

        HttpResponse<String> redelivery = post("m1 chat-1 /hello");

        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(handled).hasValue(1);
        assertThat(adapter.sent).containsExactly("hello Viktor!");
    }

    @Test
    void answers503WhileTheStateStoreIsDownAndHandlesTheRedeliveryWhenItIsBack() throws Exception {
        SwitchableStore store = new SwitchableStore();
        start(new TestPushAdapter(), store);
        store.down = true;

        HttpResponse<String> duringOutage = post("m1 chat-1 /hello");

        assertThat(duringOutage.statusCode()).isEqualTo(503);
        assertThat(duringOutage.body()).isEqualTo("Service Unavailable: the test store is down");
        assertThat(handled).hasValue(0);
        store.down = false;
        HttpResponse<String> redelivery = post("m1 chat-1 /hello");
        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(handled).hasValue(1);
        assertThat(adapter.sent).containsExactly("hello Viktor!");
    }

    @Test
    void forgetsTheSeenMarkWhenTheStoreFailsAfterDeDuplication() throws Exception {
        SwitchableStore store = new SwitchableStore();
        store.failIncrements = true; // the de-duplication's putIfAbsent works, the handler's increment fails
        Bot bot = Bot.builder().stateStore(store).adapter(new TestPushAdapter())
                .command(Command.named("count").handler(ctx -> {
                    handled.incrementAndGet();
                    return Reply.text("n=" + ctx.state().increment("n", 1, Duration.ZERO));
                }).build())
                .build();
        adapter = (TestPushAdapter) bot.adapters().values().iterator().next();
        server = WebhookServer.builder().address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        bot.hostWebhooks();
        bot.start();
        bots.add(bot);
        server.routes().add(adapter.webhookPath(), adapter.endpoint());
        server.start();

        assertThat(post("m1 chat-1 /count").statusCode()).isEqualTo(503);
        store.failIncrements = false;
        HttpResponse<String> redelivery = post("m1 chat-1 /count");

        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(adapter.sent).containsExactly("n=1");
    }

    /** An in-memory store that can be made to fail as a store that cannot be reached does. */
    private static final class SwitchableStore implements StateStore {
        private final InMemoryStateStore inner = new InMemoryStateStore();
        volatile boolean down;
        volatile boolean failIncrements;

        private void check() {
            if (down) {
                throw new StateUnavailableException("the test store is down", null);
            }
        }

        @Override
        public Optional<String> get(String key) {
            check();
            return inner.get(key);
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            check();
            inner.put(key, value, ttl);
        }

        @Override
        public boolean putIfAbsent(String key, String value, Duration ttl) {
            check();
            return inner.putIfAbsent(key, value, ttl);
        }

        @Override
        public long increment(String key, long delta, Duration ttl) {
            check();
            if (failIncrements) {
                throw new StateUnavailableException("the test store timed out", null);
            }
            return inner.increment(key, delta, ttl);
        }

        @Override
        public void remove(String key) {
            check();
            inner.remove(key);
        }

        @Override
        public void addToIndex(String index, String member, long score) {
            check();
            inner.addToIndex(index, member, score);
        }

        @Override
        public List<Scored> indexRange(String index, long maxScore, int limit) {
            check();
            return inner.indexRange(index, maxScore, limit);
        }

        @Override
        public boolean removeFromIndex(String index, String member) {
            check();
            return inner.removeFromIndex(index, member);
        }
    }

    private void awaitSent(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (adapter.sent.size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
