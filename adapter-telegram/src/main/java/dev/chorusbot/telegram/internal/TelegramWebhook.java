package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.MalformedWebhookException;
import dev.chorusbot.core.webhook.WebhookDelivery;
import dev.chorusbot.core.webhook.WebhookProtocol;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.telegram.TelegramUpdate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram's side of the core webhook dispatch: checks the secret, parses the update, sends through
 * the send queue, and lets the last answer travel inside the response as
 * {@code {"method":"sendMessage",…}} (Bot API: "Making requests when getting updates"), saving a
 * round trip.
 *
 * <p>Statuses: 401 for a missing or wrong secret (nothing is processed), 400 for a body that is
 * not an update, 503 while the bot is not running or stopping (Telegram redelivers later), and 200
 * for every well-formed update, also unknown kinds, redeliveries and failed handlers, because
 * Telegram repeats non-2xx answers and holds back the chat's next updates meanwhile. The 405 and
 * 413 rules are the dispatch's.
 */
public final class TelegramWebhook implements WebhookProtocol {
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

    @Override
    public Platform platform() {
        return EventMapper.TELEGRAM;
    }
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final TelegramAccount account;
    private final TelegramConfig config;
    private final byte[] secret;

    /** The webhook protocol of {@code account}. */
    public TelegramWebhook(TelegramAccount account) {
        this.account = account;
        this.config = account.config();
        this.secret = config.webhookSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    @Override
    public Optional<WebhookResponse> authenticate(WebhookRequest request) {
        if (secret == null) {
            return Optional.empty();
        }
        byte[] given = request.header(SECRET_HEADER).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        if (MessageDigest.isEqual(secret, given)) { // constant time
            return Optional.empty();
        }
        log.debug("Refused a webhook request without the right secret token");
        return Optional.of(WebhookResponse.text(401, "Unauthorized: missing or wrong " + SECRET_HEADER));
    }

    @Override
    public WebhookDelivery read(WebhookRequest request) throws MalformedWebhookException {
        UpdateReader.Read read;
        try {
            read = UpdateReader.read(request.body());
        } catch (UpdateReader.MalformedUpdateException e) {
            throw new MalformedWebhookException(e.getMessage());
        }
        TelegramUpdate update = read.update();
        Optional<InboundEvent> event = account.map(read);
        if (event.isEmpty()) {
            log.debug("Ignored update {} of kind '{}'", update.updateId(), update.kind());
            return WebhookDelivery.answer(WebhookResponse.ok());
        }
        if (event.get() instanceof Message message && !account.usernameKnown()) {
            String addressed = addressedCommand(message.text());
            if (addressed != null) {
                // Only this update needs the username (is /cmd@name this bot's?); the others never wait.
                account.awaitUsername(config.requestTimeout(), "update " + update.updateId() + " (" + addressed + ")");
            }
        }
        return WebhookDelivery.dispatch(event.get());
    }

    /** The first word of {@code text} when it is a command addressed to a bot ({@code /cmd@name}), else null. */
    static String addressedCommand(String text) {
        if (!text.startsWith("/")) {
            return null;
        }
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String word = text.substring(0, end);
        return word.indexOf('@') > 1 ? word : null;
    }

    @Override
    public CompletableFuture<Void> send(Outbound message) {
        return account.send(message);
    }

    /** Sends at once when the chat's limits allow it now; otherwise nothing is queued. */
    @Override
    public Optional<CompletableFuture<Void>> trySend(Outbound message) {
        SendQueue queue = account.queue();
        return queue == null ? Optional.of(account.send(message)) : queue.trySubmitNow(message);
    }

    /** The chat's wait by the send queue's limits, behind what is queued for it. */
    @Override
    public Duration sendDelay(Chat chat) {
        SendQueue queue = account.queue();
        return queue == null ? Duration.ZERO : queue.delayFor(chat);
    }

    /** A button press is acknowledged through the API when answers go out, so the client stops its progress indicator. */
    @Override
    public CompletableFuture<Void> acknowledge(InboundEvent event) {
        return event instanceof ButtonPress press ? account.answer(press) : CompletableFuture.completedFuture(null);
    }

    /** As {@link #acknowledge(InboundEvent)}, with the handler's notice for the press. */
    @Override
    public CompletableFuture<Void> acknowledge(Handled handled) {
        return handled.event() instanceof ButtonPress press ? account.answer(press, handled.notice())
                : CompletableFuture.completedFuture(null);
    }

    /**
     * As {@link #inline(InboundEvent, Optional)}; a press with nothing else to say is answered in
     * the response with the handler's notice.
     */
    @Override
    public Optional<WebhookResponse> inline(Handled handled, Optional<Outbound> last) {
        if (last.isEmpty() && handled.event() instanceof ButtonPress && handled.notice().isPresent()) {
            Reply.Notice notice = handled.notice().get();
            ObjectNode call = JsonTrees.object().put("method", "answerCallbackQuery")
                    .put("callback_query_id", handled.event().id())
                    .put("text", TelegramAccount.notice(notice.text()));
            if (notice.alert()) {
                call.put("show_alert", true);
            }
            return Optional.of(WebhookResponse.json(JsonTrees.write(call)));
        }
        return inline(handled.event(), last);
    }

    /**
     * The last answer rides in the response when inline replies are on and the chat's send budget
     * allows it now; with nothing to say, a button press is acknowledged in the response instead.
     */
    @Override
    public Optional<WebhookResponse> inline(InboundEvent event, Optional<Outbound> last) {
        byte[] json = null;
        if (last.isPresent()) {
            if (config.inlineReplies() && account.queue().tryTakeNow(last.get().chat())) {
                json = json(last.get());
            }
        } else if (event instanceof ButtonPress) {
            json = JsonTrees.write(JsonTrees.object().put("method", "answerCallbackQuery").put("callback_query_id", event.id()));
        }
        return json == null ? Optional.empty() : Optional.of(WebhookResponse.json(json));
    }

    /** The answer's call as UTF-8 JSON, written once (not to a String and then encoded again). */
    private byte[] json(Outbound message) {
        try {
            return JsonTrees.write(account.inlineCall(message));
        } catch (IllegalArgumentException e) {
            return null; // an upload, or a button too large: the queue sends it, or refuses it and logs why
        }
    }
}
