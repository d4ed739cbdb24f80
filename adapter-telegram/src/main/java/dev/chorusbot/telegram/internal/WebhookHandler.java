package dev.chorusbot.telegram.internal;

import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.webhook.WebhookEndpoint;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.core.webhook.WebhookRoutes;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.telegram.TelegramUpdate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram webhook: checks the secret, parses the update, hands it to the bot, waits for the
 * answer and sends it before returning — serverless hosts may freeze the process right after the
 * response. The last answer may travel inside the response as {@code {"method":"sendMessage",…}}
 * (Bot API: "Making requests when getting updates"), saving a round trip.
 *
 * <p>Statuses: 401 for a missing or wrong secret (nothing is processed), 400 for a body that is
 * not an update, 413 for a body over 1 MiB, 503 while the bot is not running (Telegram redelivers
 * later), and 200 for every well-formed update — also unknown kinds, redeliveries and failed
 * handlers, because Telegram repeats non-2xx answers and holds back the chat's next updates.
 */
public final class WebhookHandler implements WebhookEndpoint {
    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final TelegramSession session;
    private final TelegramConfig config;
    private final byte[] secret;
    private final SeenUpdates seen = new SeenUpdates(10_000);
    private volatile boolean receiving;

    /** A webhook for {@code session}; it answers 503 until {@link #open()}. */
    public WebhookHandler(TelegramSession session) {
        this.session = session;
        this.config = session.config();
        this.secret = config.webhookSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    /** Starts taking updates. */
    public void open() {
        receiving = true;
    }

    /** Stops taking updates: they get 503 and Telegram redelivers them later. */
    public void shut() {
        receiving = false;
    }

    @Override
    public WebhookResponse handle(WebhookRequest request) {
        if (secret != null) {
            byte[] given = request.header(SECRET_HEADER).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
            if (!MessageDigest.isEqual(secret, given)) { // constant time
                log.debug("Refused a webhook request without the right secret token");
                return WebhookResponse.text(401, "Unauthorized: missing or wrong " + SECRET_HEADER);
            }
        }
        if (!request.method().equals("POST")) {
            return new WebhookResponse(405, Map.of("Allow", "POST"), new byte[0]);
        }
        if (request.body().length > WebhookRoutes.DEFAULT_MAX_BODY_BYTES) {
            return WebhookResponse.text(413, "Payload Too Large: the limit is " + WebhookRoutes.DEFAULT_MAX_BODY_BYTES
                    + " bytes");
        }
        TelegramUpdate update;
        try {
            update = UpdateReader.parse(request.body());
        } catch (UpdateReader.MalformedUpdateException e) {
            log.debug("Refused a webhook body: {}", e.getMessage());
            return WebhookResponse.text(400, "Bad Request: " + e.getMessage());
        }
        EventSink sink = session.sink();
        if (!receiving || sink == null) {
            return WebhookResponse.text(503, "Service Unavailable: the bot is not running");
        }
        if (!seen.add(update.updateId())) {
            log.debug("Update {} was redelivered; already handled", update.updateId());
            return WebhookResponse.ok();
        }
        Optional<InboundEvent> event = session.map(update);
        if (event.isEmpty()) {
            log.debug("Ignored update {} of kind '{}'", update.updateId(), update.kind());
            return WebhookResponse.ok();
        }
        return answer(update, event.get(), sink);
    }

    private WebhookResponse answer(TelegramUpdate update, InboundEvent event, EventSink sink) {
        long deadline = System.nanoTime() + config.webhookTimeout().toNanos();
        CompletableFuture<Handled> dispatched = sink.dispatch(event);
        Handled handled;
        try {
            handled = dispatched.get(config.webhookTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Update {} took longer than {} to handle; answering Telegram now, replies follow when ready",
                    update.updateId(), config.webhookTimeout());
            dispatched.thenAccept(h -> h.outbound().forEach(session::send));
            if (event instanceof ButtonPress press) {
                session.answer(press);
            }
            return WebhookResponse.ok();
        } catch (ExecutionException e) {
            if (!TelegramSession.notTaken(e)) {
                // Taken, and failed past the bot's error handling (an Error in a handler): a 5xx would
                // only make Telegram repeat it and hold back the chat's next updates meanwhile.
                log.warn("Handling update {} failed: {}", update.updateId(), e.getCause());
                return WebhookResponse.ok();
            }
            // The bot is stopping and did not take the update: let Telegram deliver it again later.
            seen.forget(update.updateId());
            return WebhookResponse.text(503, "Service Unavailable: the bot is stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            seen.forget(update.updateId());
            return WebhookResponse.text(503, "Service Unavailable: interrupted");
        }
        List<Outbound> out = handled.outbound();
        boolean press = event instanceof ButtonPress;
        CompletableFuture<Void> ack = press && !out.isEmpty()
                ? session.answer((ButtonPress) event) : CompletableFuture.completedFuture(null);
        // All but the last go through the API, in order, before the response; the last may ride in
        // the response, which Telegram executes after it — so the chat still sees them in order.
        List<CompletableFuture<Void>> sends = new ArrayList<>(out.size());
        for (int i = 0; i < out.size() - 1; i++) {
            sends.add(session.send(out.get(i)));
        }
        awaitAll(sends, deadline);
        String inline = null;
        if (!out.isEmpty()) {
            Outbound last = out.get(out.size() - 1);
            if (config.inlineReplies() && session.queue().tryTakeNow(last.chat())) {
                inline = json(last);
            }
            if (inline == null) {
                awaitAll(List.of(session.send(last)), deadline);
            }
        } else if (press) {
            // Nothing to say: the acknowledgement of the press rides in the response instead.
            inline = Json.text(Json.object().put("method", "answerCallbackQuery").put("callback_query_id", event.id()));
        }
        awaitAll(List.of(ack), deadline);
        return inline == null ? WebhookResponse.ok() : WebhookResponse.json(inline.getBytes(StandardCharsets.UTF_8));
    }

    private String json(Outbound message) {
        try {
            return Json.text(session.inlineCall(message));
        } catch (IllegalArgumentException e) {
            return null; // a button too large: the queue refuses it and logs why
        }
    }

    private static void awaitAll(List<CompletableFuture<Void>> futures, long deadline) {
        for (CompletableFuture<Void> future : futures) {
            long left = deadline - System.nanoTime();
            try {
                future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // already logged by the send queue, with the reason
            } catch (TimeoutException e) {
                log.warn("Sending the answers took longer than the webhook timeout; they continue in the background");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
