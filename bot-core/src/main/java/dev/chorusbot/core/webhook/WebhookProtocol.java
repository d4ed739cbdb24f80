package dev.chorusbot.core.webhook;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a push adapter supplies to {@link WebhookDispatch}: how its platform proves a request
 * genuine, how a body becomes an event, how a message is sent, and the HTTP answer for each
 * {@link WebhookOutcome}. Everything else (the POST and size rules, the dispatch with a deadline,
 * sending before answering, replies that follow after a timeout) is the dispatch's.
 *
 * <p>De-duplication is not the protocol's job either: the bot drops an event whose id it has seen
 * (see {@link dev.chorusbot.core.StateStore}), so a redelivery reaches {@link #answer} as
 * {@link WebhookOutcome.Handled} with no messages.
 *
 * <p>Implementations must be thread-safe: requests arrive on several threads at once.
 */
@Api(Api.Status.EXPERIMENTAL)
public interface WebhookProtocol {

    /**
     * The platform whose webhooks these are; the dispatch reports its answers under it to the bot's
     * {@link dev.chorusbot.core.BotObserver}.
     *
     * @return the platform
     */
    Platform platform();

    /**
     * Checks that the request comes from the platform: a secret header, an HMAC or a signature over
     * the body. Runs after the method and size checks, before {@link #read}.
     *
     * @param request a POST whose body is within the limit
     * @return the refusal to answer with (401, 403), or empty when the request is genuine
     */
    Optional<WebhookResponse> authenticate(WebhookRequest request);

    /**
     * Parses an authenticated request and maps it to the neutral model.
     *
     * @param request the authenticated request
     * @return the event to dispatch, or an answer to give at once
     * @throws MalformedWebhookException when the body is not what the platform sends; answered
     *     with 400
     */
    WebhookDelivery read(WebhookRequest request) throws MalformedWebhookException;

    /**
     * Sends one message the bot answered with, through the platform's API, in the adapter's order
     * and limits.
     *
     * @param message the rendered message
     * @return completes when the platform took it; completes exceptionally when the adapter gave up
     *     (the adapter reports why; the dispatch does not log it again)
     */
    CompletableFuture<Void> send(Outbound message);

    /**
     * Sends the messages of an event the bot finished handling after the deadline (the request was
     * answered {@link WebhookOutcome.TimedOut}), in order, once the bot has them.
     *
     * @param handled the event and the bot's answer
     * @return completes when every message was sent or given up; by default each goes through
     *     {@link #send}, and the future never fails
     */
    default CompletableFuture<Void> sendLate(Handled handled) {
        List<CompletableFuture<Void>> sends = handled.outbound().stream().map(this::send).toList();
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).handle((ok, failure) -> null);
    }

    /**
     * How long a cloud function keeps its invocation running after the deadline, for the replies
     * of an event the bot is still handling. By default zero: the function answers {@link
     * WebhookOutcome.TimedOut} at once and the replies go in the background, which a frozen
     * process may never finish. A platform that takes the acknowledgement through its API rather
     * than through the HTTP answer (Discord's deferred interaction response) returns how long its
     * replies may still follow; a function then waits for {@link #sendLate} up to that long, and
     * within the time it has left, before it answers. A long-running host never waits.
     *
     * @return the longest wait, not negative; {@link Duration#ZERO} by default
     */
    default Duration lateRepliesWithin() {
        return Duration.ZERO;
    }

    /**
     * Sends {@code message} only when the platform's send limits let it go at once, as {@link #send}
     * does; a long-running host's request waits for such a send, never for a limit.
     *
     * @param message the rendered message
     * @return the send under way, or empty when it would have to wait for a limit (nothing was sent
     *     or queued); by default every message goes at once through {@link #send}
     */
    default Optional<CompletableFuture<Void>> trySend(Outbound message) {
        return Optional.of(send(message));
    }

    /**
     * How long one more message to {@code chat} would wait, behind those already queued for it,
     * before the platform's send limits let it go. A cloud function does not take an event whose
     * reply could not go out in the time it has left.
     *
     * @param chat the chat a reply would go to
     * @return the wait; by default zero, for a platform whose limits the adapter does not pace
     */
    default Duration sendDelay(Chat chat) {
        return Duration.ZERO;
    }

    /**
     * The answer that carries the last message itself, where the platform executes one
     * (Telegram's {@code {"method":"sendMessage",...}}, Discord's interaction response), or, when
     * the bot had nothing to say, what the platform wants in the answer then. Called once the
     * earlier messages were sent; when empty, {@code last} is sent through {@link #send}. When the
     * host cannot write the answer returned here, the dispatch sends {@code last} through {@link
     * #send} after all (or, with nothing to say, calls {@link #acknowledge}).
     *
     * @param event the event handled
     * @param last the last message, or empty when the bot answered nothing
     * @return the answer carrying it; empty (the default) to send it through the API
     */
    default Optional<WebhookResponse> inline(InboundEvent event, Optional<Outbound> last) {
        return Optional.empty();
    }

    /**
     * As {@link #inline(InboundEvent, Optional)}, with everything the handler answered (such as
     * the notice for a button press); the dispatch calls this one.
     *
     * @param handled the event and the bot's answer
     * @param last the last message, or empty when the bot answered nothing
     * @return the answer carrying it; by default {@link #inline(InboundEvent, Optional)}'s
     */
    default Optional<WebhookResponse> inline(Handled handled, Optional<Outbound> last) {
        return inline(handled.event(), last);
    }

    /**
     * As {@link #acknowledge(InboundEvent)}, with everything the handler answered (such as the
     * notice for a button press); the dispatch calls this one when the event was handled.
     *
     * @param handled the event and the bot's answer
     * @return completes when acknowledged; by default {@link #acknowledge(InboundEvent)}'s
     */
    default CompletableFuture<Void> acknowledge(Handled handled) {
        return acknowledge(handled.event());
    }

    /**
     * Acknowledges a taken event through the platform's API when its messages go out through
     * {@link #send} (Telegram's answerCallbackQuery for a button press): called when the bot
     * answered with at least one message, and on {@link WebhookOutcome.TimedOut}.
     *
     * @param event the event taken
     * @return completes when acknowledged; by default at once, acknowledging nothing
     */
    default CompletableFuture<Void> acknowledge(InboundEvent event) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The HTTP answer for an outcome, unless {@link #inline} gave one.
     *
     * @param outcome how the bot dealt with the event
     * @return by default 503 {@code Service Unavailable: <reason>} for {@link WebhookOutcome.NotTaken}
     *     (the platform delivers again), and 200 with no body otherwise: a failed or late event was
     *     taken, and a platform that repeats non-2xx answers would only repeat it
     */
    default WebhookResponse answer(WebhookOutcome outcome) {
        if (outcome instanceof WebhookOutcome.NotTaken notTaken) {
            return WebhookResponse.text(503, "Service Unavailable: " + notTaken.reason());
        }
        return WebhookResponse.ok();
    }
}
