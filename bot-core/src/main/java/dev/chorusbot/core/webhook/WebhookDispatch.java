package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.EventNotTakenException;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one webhook endpoint of every push adapter: the adapter supplies its {@link WebhookProtocol},
 * the dispatch does the rest, in this order:
 * <ol>
 *   <li>405 for a method other than POST, 413 for a body over 1 MiB (the rules of
 *       {@link WebhookRoutes}, applied again for hosts that call the endpoint directly);</li>
 *   <li>{@link WebhookProtocol#authenticate}: its refusal (401, 403) is the answer;</li>
 *   <li>{@link WebhookProtocol#read}: 400 {@code Bad Request: <reason>} for a malformed body, or
 *       the protocol's immediate answer;</li>
 *   <li>the event goes to the bot's {@link EventSink} and is waited for up to the deadline; the
 *       {@link WebhookOutcome} is typed: {@link WebhookOutcome.NotTaken not taken} when the
 *       dispatch is not open or the bot failed it with an {@link EventNotTakenException},
 *       {@link WebhookOutcome.Failed failed} for any other failure, {@link WebhookOutcome.TimedOut
 *       timed out}, or {@link WebhookOutcome.Handled handled};</li>
 *   <li>when handled, the messages are sent in order and waited for (up to the same deadline)
 *       before the answer returns, because a serverless host may freeze the process right after
 *       it; the last may travel in the answer ({@link WebhookProtocol#inline}). When timed out, the
 *       messages are sent in the background once the bot has them.</li>
 *   <li>an answer that carries the last message has a {@link WebhookResponse.Fallback}: when the
 *       host cannot write it (the caller closed the connection first), the message is sent
 *       through {@link WebhookProtocol#send} instead, so the platform's redelivery, which the
 *       bot's de-duplication drops, does not leave the chat without its reply.</li>
 * </ol>
 * Redeliveries need nothing here: the bot's de-duplication drops an event it has seen and the
 * dispatch answers it as handled with no messages.
 *
 * <pre>{@code
 * WebhookDispatch endpoint = new WebhookDispatch(new MyPlatformProtocol(config), Duration.ofSeconds(10));
 * // in Adapter.start(sink):       endpoint.open(sink);
 * // in Adapter.stopReceiving():   endpoint.shut();
 * // in PushAdapter.endpoint():    return endpoint;
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class WebhookDispatch implements WebhookEndpoint {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatch.class);

    private final WebhookProtocol protocol;
    private final Duration deadline;
    private final int maxBodyBytes = WebhookRoutes.DEFAULT_MAX_BODY_BYTES;
    private volatile EventSink sink;

    /**
     * A dispatch for {@code protocol}; it answers {@link WebhookOutcome.NotTaken} until
     * {@link #open(EventSink)}.
     *
     * @param protocol the platform's side: authentication, parsing, sending, answers
     * @param deadline how long a request waits for the bot and then for the sends; positive
     * @throws IllegalArgumentException if {@code deadline} is zero or negative
     */
    public WebhookDispatch(WebhookProtocol protocol, Duration deadline) {
        this.protocol = notNull(protocol, "protocol");
        if (notNull(deadline, "deadline").isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        this.deadline = deadline;
    }

    /**
     * Starts handing events to {@code eventSink}; call it from {@code Adapter.start}.
     *
     * @param eventSink the bot's sink
     */
    public void open(EventSink eventSink) {
        this.sink = notNull(eventSink, "eventSink");
    }

    /**
     * Stops taking events: they are {@link WebhookOutcome.NotTaken} ({@code the bot is not
     * running}) and the platform delivers them again later.
     */
    public void shut() {
        this.sink = null;
    }

    /**
     * Whether events are handed to the bot.
     *
     * @return true between {@link #open(EventSink)} and {@link #shut()}
     */
    public boolean isOpen() {
        return sink != null;
    }

    @Override
    public WebhookResponse handle(WebhookRequest request) {
        if (!request.method().equals("POST")) {
            return WebhookRoutes.methodNotAllowed();
        }
        if (request.body().length > maxBodyBytes) {
            return WebhookRoutes.tooLarge(maxBodyBytes);
        }
        Optional<WebhookResponse> refusal = protocol.authenticate(request);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        WebhookDelivery delivery;
        try {
            delivery = protocol.read(request);
        } catch (MalformedWebhookException e) {
            log.debug("Refused a webhook body at {}: {}", request.path(), e.getMessage());
            return WebhookResponse.text(400, "Bad Request: " + e.getMessage());
        }
        if (delivery instanceof WebhookDelivery.Answer answer) {
            return answer.response();
        }
        return dispatch(((WebhookDelivery.Dispatch) delivery).event());
    }

    private WebhookResponse dispatch(InboundEvent event) {
        EventSink current = sink;
        if (current == null) {
            return protocol.answer(new WebhookOutcome.NotTaken(event, "the bot is not running"));
        }
        long until = System.nanoTime() + deadline.toNanos();
        CompletableFuture<Handled> dispatched;
        try {
            dispatched = current.dispatch(event);
        } catch (EventNotTakenException e) {
            return protocol.answer(new WebhookOutcome.NotTaken(event, e.getMessage()));
        }
        Handled handled;
        try {
            handled = dispatched.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("{} event {} took longer than {} to handle; answering now, replies follow when ready",
                    event.platform(), event.id(), deadline);
            protocol.acknowledge(event);
            dispatched.thenAccept(late -> late.outbound().forEach(protocol::send));
            return protocol.answer(new WebhookOutcome.TimedOut(event, deadline));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EventNotTakenException) {
                return protocol.answer(new WebhookOutcome.NotTaken(event, cause.getMessage()));
            }
            log.warn("Handling {} event {} failed: {}", event.platform(), event.id(), cause.toString());
            return protocol.answer(new WebhookOutcome.Failed(event, cause));
        } catch (InterruptedException e) {
            // The host is shutting down. The platform delivers again; had the bot taken the event,
            // its de-duplication drops the redelivery.
            Thread.currentThread().interrupt();
            return protocol.answer(new WebhookOutcome.NotTaken(event, "interrupted"));
        }
        return send(event, handled.outbound(), until);
    }

    private WebhookResponse send(InboundEvent event, List<Outbound> outbound, long until) {
        CompletableFuture<Void> ack = outbound.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : protocol.acknowledge(event);
        // All but the last go through the API, in order, before the answer; the last may travel in
        // the answer, which the platform executes after it, so the chat still sees them in order.
        List<CompletableFuture<Void>> sends = new ArrayList<>(outbound.size());
        for (int i = 0; i < outbound.size() - 1; i++) {
            sends.add(protocol.send(outbound.get(i)));
        }
        boolean late = !awaitAll(sends, until, event);
        Optional<Outbound> last = outbound.isEmpty()
                ? Optional.empty()
                : Optional.of(outbound.get(outbound.size() - 1));
        Optional<WebhookResponse> inline = protocol.inline(event, last);
        if (inline.isEmpty() && last.isPresent()) {
            CompletableFuture<Void> sent = protocol.send(last.get());
            late = late || !awaitAll(List.of(sent), until, event);
        }
        if (!late) {
            awaitAll(List.of(ack), until, event);
        }
        if (inline.isPresent()) {
            return inline.get().withFallback(cause -> undelivered(event, last, cause));
        }
        return protocol.answer(new WebhookOutcome.Handled(event, outbound));
    }

    /**
     * The host could not write the answer that carried {@code last} (or, with nothing to say, the
     * acknowledgement): the platform never got it, so it goes through the API. Leaving the event
     * unconfirmed instead would run the handler a second time on the redelivery, and would lose the
     * reply when the redelivery came (and was dropped as a copy) before the write failed.
     */
    private CompletableFuture<Void> undelivered(InboundEvent event, Optional<Outbound> last, IOException cause) {
        log.warn("The answer to {} event {} could not be written ({}); sending {} through the API instead",
                event.platform(), event.id(), cause.getMessage(), last.isPresent() ? "its reply" : "its acknowledgement");
        CompletableFuture<Void> sent = last.isPresent() ? protocol.send(last.get()) : protocol.acknowledge(event);
        // The adapter reports a send it gave up; the host only waits for the outcome.
        return sent.handle((ok, failure) -> null);
    }

    /** Waits for {@code futures} until {@code until}; false when the time ran out first. */
    private boolean awaitAll(List<CompletableFuture<Void>> futures, long until, InboundEvent event) {
        for (CompletableFuture<Void> future : futures) {
            try {
                future.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // the adapter reported why it gave up
            } catch (TimeoutException e) {
                log.warn("Sending the answers to {} event {} took longer than {}; they continue in the background",
                        event.platform(), event.id(), deadline);
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
