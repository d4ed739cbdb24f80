package dev.chorusbot.core.webhook;

import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PushAdapter;
import dev.chorusbot.core.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A push platform small enough to read in one go, on the core webhook dispatch: a request carries
 * {@code X-Test-Secret: s3cret} and a body {@code <message id> <chat id> <text>}; the body
 * {@code ping} is answered {@code pong} without the bot. Sends are recorded and take 50 ms, so a test
 * can tell whether the answer waited for them. With {@link #inlineLast}, the last reply travels
 * in the answer as {@code inline:<text>}.
 */
final class TestPushAdapter implements PushAdapter {
    static final Platform PLATFORM = Platform.of("push");
    static final String SECRET = "s3cret";

    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<WebhookOutcome> outcomes = new CopyOnWriteArrayList<>();
    final List<InboundEvent> acknowledged = new CopyOnWriteArrayList<>();
    private final WebhookDispatch dispatch;
    private final boolean shutOnStop;
    volatile boolean inlineLast;
    /** While set, every chat is at its send limit: trySend sends nothing and sendDelay is 30 s. */
    volatile boolean limited;
    /** How long a function may wait for the replies of an event handled late; zero by default. */
    volatile Duration lateWindow = Duration.ZERO;

    /**
     * @param deadline the dispatch's deadline
     * @param shutOnStop false to leave the endpoint open when the bot stops, as a request that
     *     passed the open check just before would find it
     */
    TestPushAdapter(Duration deadline, boolean shutOnStop) {
        this.dispatch = new WebhookDispatch(new Protocol(), deadline);
        this.shutOnStop = shutOnStop;
    }

    TestPushAdapter() {
        this(Duration.ofSeconds(5), true);
    }

    static WebhookRequest request(String body) {
        return WebhookRequest.post("/push", java.util.Map.of("X-Test-Secret", SECRET),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.plainText();
    }

    @Override
    public void start(EventSink sink) {
        dispatch.open(sink);
    }

    @Override
    public String webhookPath() {
        return "/push";
    }

    @Override
    public WebhookEndpoint endpoint() {
        return dispatch;
    }

    @Override
    public CompletableFuture<Void> send(Outbound message) {
        return CompletableFuture.runAsync(() -> sent.add(message.text()),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    @Override
    public void stopReceiving() {
        if (shutOnStop) {
            dispatch.shut();
        }
    }

    @Override
    public void close() {
        stopReceiving();
    }

    private final class Protocol implements WebhookProtocol {
        @Override
        public Platform platform() {
            return PLATFORM;
        }

        @Override
        public Optional<WebhookResponse> authenticate(WebhookRequest request) {
            return request.header("X-Test-Secret").filter(SECRET::equals).isPresent()
                    ? Optional.empty()
                    : Optional.of(WebhookResponse.text(401, "Unauthorized"));
        }

        @Override
        public WebhookDelivery read(WebhookRequest request) throws MalformedWebhookException {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            if (body.equals("ping")) {
                return WebhookDelivery.answer(WebhookResponse.text(200, "pong"));
            }
            String[] parts = body.split(" ", 3);
            if (parts.length < 3) {
                throw new MalformedWebhookException("the body is not '<id> <chat> <text>'");
            }
            Chat chat = Chat.of(parts[1], Chat.Kind.GROUP, parts[1]);
            return WebhookDelivery.dispatch(Message.of(PLATFORM, parts[0], chat, User.of("7", "viktor", "Viktor"),
                    parts[2]));
        }

        @Override
        public CompletableFuture<Void> send(Outbound message) {
            return TestPushAdapter.this.send(message);
        }

        @Override
        public Optional<CompletableFuture<Void>> trySend(Outbound message) {
            return limited ? Optional.empty() : Optional.of(send(message));
        }

        @Override
        public Duration sendDelay(Chat chat) {
            return limited ? Duration.ofSeconds(30) : Duration.ZERO;
        }

        @Override
        public CompletableFuture<Void> acknowledge(InboundEvent event) {
            acknowledged.add(event);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Optional<WebhookResponse> inline(InboundEvent event, Optional<Outbound> last) {
            return inlineLast ? last.map(m -> WebhookResponse.text(200, "inline:" + m.text())) : Optional.empty();
        }

        @Override
        public Duration lateRepliesWithin() {
            return lateWindow;
        }

        @Override
        public WebhookResponse answer(WebhookOutcome outcome) {
            outcomes.add(outcome);
            return WebhookProtocol.super.answer(outcome);
        }
    }
}
