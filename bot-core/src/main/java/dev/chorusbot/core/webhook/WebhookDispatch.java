package dev.chorusbot.core.webhook;

import static dev.chorusbot.core.internal.Checks.notNull;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.Chat;
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
 *       messages are sent in the background once the bot has them ({@link WebhookProtocol#sendLate});
 *       a function waits for them first when the protocol says they may still follow ({@link
 *       WebhookProtocol#lateRepliesWithin()}, Discord's deferred answers).</li>
 *   <li>what the {@link WebhookHost} allows changes the waiting: a {@link WebhookHost#longRunning()
 *       long-running} host's request waits only for messages the send limits let go at once
 *       ({@link WebhookProtocol#trySend}); from the first that would wait on, the messages are
 *       queued and the request is answered at once, so a busy chat never holds a request. A
 *       {@link WebhookHost#function(Duration) function} waits for every send, within its time left
 *       less one second to write the answer; before the bot takes an event, one whose reply would
 *       wait longer than that for the limits ({@link WebhookProtocol#sendDelay}) is answered
 *       {@link WebhookOutcome.NotTaken not taken}, with a warning, so that the platform delivers it
 *       again once the limit has passed.</li>
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
@Api(Api.Status.EXPERIMENTAL)
public final class WebhookDispatch implements WebhookEndpoint {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatch.class);

    private final WebhookProtocol protocol;
    private final Duration deadline;
    /** The time a function keeps to write its answer after the sends, out of the time it has left. */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(1);

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

    /**
     * Handles {@code request} as for a cloud function that does not know its time left ({@link
     * WebhookHost#function()}): the answer returns once every send is done, within the deadline.
     *
     * @param request the request as received, with lower-case header names
     * @return the answer
     */
    @Override
    public WebhookResponse handle(WebhookRequest request) {
        return handle(request, WebhookHost.function());
    }

    @Override
    public WebhookResponse handle(WebhookRequest request, WebhookHost host) {
        WebhookResponse response = answer(request, notNull(host, "host"));
        EventSink current = sink;
        if (current != null) {
            current.observer().webhookAnswered(protocol.platform(), response.status());
        }
        return response;
    }

    private WebhookResponse answer(WebhookRequest request, WebhookHost host) {
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
            // Not the path: it may hold a secret (the routes know how to show it, this endpoint does not).
            log.debug("Refused a malformed webhook body: {}", e.getMessage());
            return WebhookResponse.text(400, "Bad Request: " + e.getMessage());
        }
        if (delivery instanceof WebhookDelivery.Answer answer) {
            return answer.response();
        }
        return dispatch(((WebhookDelivery.Dispatch) delivery).event(), host);
    }

    private WebhookResponse dispatch(InboundEvent event, WebhookHost host) {
        EventSink current = sink;
        if (current == null) {
            return protocol.answer(new WebhookOutcome.NotTaken(event, "the bot is not running"));
        }
        // A function must answer before its platform stops it, with time left to write the answer.
        Duration budget = host.timeLeft()
                .map(left -> left.minus(ANSWER_MARGIN))
                .filter(left -> left.compareTo(deadline) < 0)
                .orElse(deadline);
        if (!host.isLongRunning()) {
            Optional<String> tooLate = repliesCannotFinish(event, budget, host);
            if (tooLate.isPresent()) {
                return protocol.answer(new WebhookOutcome.NotTaken(event, tooLate.get()));
            }
        }
        long until = System.nanoTime() + budget.toNanos();
        CompletableFuture<Handled> dispatched;
        try {
            dispatched = current.dispatch(event);
        } catch (EventNotTakenException e) {
            return protocol.answer(new WebhookOutcome.NotTaken(event, e.getMessage()));
        }
        Handled handled;
        try {
            handled = dispatched.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("{} event {} took longer than {} to handle; answering now, replies follow when ready",
                    event.platform(), event.id(), budget);
            protocol.acknowledge(event);
            CompletableFuture<Void> late = dispatched.thenCompose(protocol::sendLate);
            if (!host.isLongRunning()) {
                finishLate(event, late, host, until - budget.toNanos());
            }
            return protocol.answer(new WebhookOutcome.TimedOut(event, budget));
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
        return send(handled, until, budget, host.isLongRunning());
    }

    /**
     * In a function: waits for the replies of an event handled late, as long as the protocol says
     * they may follow and the function has time left, since a frozen function would never send
     * them. A protocol whose replies need no wait (the default) returns at once.
     */
    private void finishLate(InboundEvent event, CompletableFuture<Void> late, WebhookHost host, long startNanos) {
        Duration window = protocol.lateRepliesWithin();
        if (window.isZero() || window.isNegative()) {
            return;
        }
        Optional<Duration> left = host.timeLeft()
                .map(t -> t.minus(ANSWER_MARGIN).minusNanos(System.nanoTime() - startNanos));
        if (left.isPresent() && left.get().compareTo(window) < 0) {
            window = left.get();
        }
        try {
            late.get(Math.max(0, window.toNanos()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            // the handler failed, or the adapter reported why it gave up on a reply
        } catch (TimeoutException e) {
            log.warn("{} event {}: its replies were not sent within the {} ms the function could wait; answering"
                    + " now, they may never be sent", event.platform(), event.id(), window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Why a function cannot take {@code event}: a reply to its chat would wait for the send limits
     * beyond the time the function has, so it would be frozen unsent, and the event marked seen,
     * which makes the platform's redelivery a dropped copy. Checked before the bot takes the event,
     * so nothing is marked seen and the redelivery, once the limit has passed, is handled.
     */
    private Optional<String> repliesCannotFinish(InboundEvent event, Duration budget, WebhookHost host) {
        Duration wait = event.inChat().map(protocol::sendDelay).orElse(Duration.ZERO);
        if (budget.isNegative() || budget.isZero() || wait.compareTo(budget) >= 0) {
            String left = host.timeLeft().isPresent()
                    ? host.timeLeft().get().toMillis() + " ms the function has left"
                    : deadline.toMillis() + " ms deadline";
            log.warn("Not taking {} event {}: a reply to chat {} would wait {} ms for the send limits, longer than"
                    + " the {}; answering so that the platform delivers it again", event.platform(), event.id(),
                    event.inChat().map(Chat::id).orElse("-"), wait.toMillis(), left);
            return Optional.of("a reply would wait " + wait.toMillis() + " ms for the send limits, longer than the "
                    + left);
        }
        return Optional.empty();
    }

    private WebhookResponse send(Handled handled, long until, Duration budget, boolean longRunning) {
        InboundEvent event = handled.event();
        List<Outbound> outbound = handled.outbound();
        CompletableFuture<Void> ack = outbound.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : protocol.acknowledge(handled);
        // All but the last go through the API, in order, before the answer; the last may travel in
        // the answer, which the platform executes after it, so the chat still sees them in order.
        List<Outbound> earlier = outbound.isEmpty() ? List.of() : outbound.subList(0, outbound.size() - 1);
        Optional<Outbound> last = outbound.isEmpty()
                ? Optional.empty()
                : Optional.of(outbound.get(outbound.size() - 1));
        boolean late;
        if (longRunning) {
            late = !sendWhileUnlimited(event, earlier, until, budget);
        } else {
            List<CompletableFuture<Void>> sends = new ArrayList<>(earlier.size());
            earlier.forEach(message -> sends.add(protocol.send(message)));
            late = !awaitAll(sends, until, event, budget);
        }
        // Behind queued messages the last cannot ride in the answer: it would overtake them.
        Optional<WebhookResponse> inline = longRunning && late ? Optional.empty() : protocol.inline(handled, last);
        if (inline.isPresent() && last.isPresent()) {
            EventSink current = sink;
            if (current != null) {
                current.observer().messageSent(protocol.platform());
            }
        }
        if (inline.isEmpty() && last.isPresent()) {
            if (longRunning && late) {
                protocol.send(last.get());
            } else if (longRunning) {
                late = !sendWhileUnlimited(event, List.of(last.get()), until, budget);
            } else {
                CompletableFuture<Void> sent = protocol.send(last.get());
                late = late || !awaitAll(List.of(sent), until, event, budget);
            }
        }
        if (!late) {
            awaitAll(List.of(ack), until, event, budget);
        }
        if (inline.isPresent()) {
            return inline.get().withFallback(cause -> undelivered(handled, last, cause));
        }
        return protocol.answer(new WebhookOutcome.Handled(event, outbound));
    }

    /**
     * In a long-running host: sends each message that the limits let go at once and waits for it
     * (in order: the next can go only once this one is through); from the first that would wait for
     * a limit on, queues them all and returns false without waiting, so the request is answered now
     * and the queue, which keeps the order and the limits, sends them after the answer.
     */
    private boolean sendWhileUnlimited(InboundEvent event, List<Outbound> messages, long until, Duration budget) {
        for (int i = 0; i < messages.size(); i++) {
            Optional<CompletableFuture<Void>> now = protocol.trySend(messages.get(i));
            if (now.isEmpty()) {
                log.debug("{} event {}: a reply waits for the send limits; answering now, the replies follow"
                        + " through the queue", event.platform(), event.id());
                messages.subList(i, messages.size()).forEach(protocol::send);
                return false;
            }
            if (!awaitAll(List.of(now.get()), until, event, budget)) {
                messages.subList(i + 1, messages.size()).forEach(protocol::send);
                return false;
            }
        }
        return true;
    }

    /**
     * The host could not write the answer that carried {@code last} (or, with nothing to say, the
     * acknowledgement): the platform never got it, so it goes through the API. Leaving the event
     * unconfirmed instead would run the handler a second time on the redelivery, and would lose the
     * reply when the redelivery came (and was dropped as a copy) before the write failed.
     */
    private CompletableFuture<Void> undelivered(Handled handled, Optional<Outbound> last, IOException cause) {
        InboundEvent event = handled.event();
        log.warn("The answer to {} event {} could not be written ({}); sending {} through the API instead",
                event.platform(), event.id(), cause.getMessage(), last.isPresent() ? "its reply" : "its acknowledgement");
        CompletableFuture<Void> sent = last.isPresent() ? protocol.send(last.get()) : protocol.acknowledge(handled);
        // The adapter reports a send it gave up; the host only waits for the outcome.
        return sent.handle((ok, failure) -> null);
    }

    /** Waits for {@code futures} until {@code until}; false when the time ran out first. */
    private boolean awaitAll(List<CompletableFuture<Void>> futures, long until, InboundEvent event,
            Duration budget) {
        for (CompletableFuture<Void> future : futures) {
            try {
                future.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // the adapter reported why it gave up
            } catch (TimeoutException e) {
                log.warn("Sending the answers to {} event {} took longer than {}; they continue in the background",
                        event.platform(), event.id(), budget);
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
