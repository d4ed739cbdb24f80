package dev.chorusbot.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.core.webhook.MalformedWebhookException;
import dev.chorusbot.core.webhook.WebhookDelivery;
import dev.chorusbot.core.webhook.WebhookOutcome;
import dev.chorusbot.core.webhook.WebhookProtocol;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.discord.Discord;
import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.discord.DiscordInteraction;
import dev.chorusbot.json.JsonTrees;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's Interactions endpoint as a side of core's webhook dispatch (Receiving and Responding).
 *
 * <p>Every request must carry {@code X-Signature-Ed25519} and {@code X-Signature-Timestamp}, and
 * the signature must be the application's over the timestamp and the raw body; else 401, as
 * Discord requires (it sends bad signatures on purpose to check). A timestamp further than the
 * configured window from the bot's clock is refused with 401 too, so a captured request cannot be
 * replayed later. Then, by interaction type:
 * <ul>
 *   <li>PING (1): {@code {"type":1}} at once;</li>
 *   <li>APPLICATION_COMMAND (2) and MESSAGE_COMPONENT (3): handed to the bot;</li>
 *   <li>any other type: 400, logged, since the application registered something Chorus does not
 *       answer (autocomplete, modals).</li>
 * </ul>
 * An interaction whose id arrived before is a replay, answered 409 without reaching the bot. Its id
 * is remembered for twice the timestamp window, as long as a copy signed with its timestamp can
 * pass the timestamp check.
 *
 * <p>Answers. Discord wants the initial response within 3 seconds; the dispatch waits for the bot
 * up to the configured deadline (2 s by default), then:
 * <ul>
 *   <li>one message: it is the HTTP answer, {@code {"type":4,"data":{…}}}, or
 *       {@code {"type":7,…}} (UPDATE_MESSAGE) when a button press answers with an edit of the
 *       pressed message;</li>
 *   <li>several messages: the first goes to {@code POST /interactions/{id}/{token}/callback}, the
 *       others follow as follow-up messages ({@code POST /webhooks/{application}/{token}}), in order,
 *       and the HTTP answer is 202 with no body, as Discord asks of an interaction answered through
 *       the callback;</li>
 *   <li>no message: a press is acknowledged with {@code {"type":6}} (or an ephemeral message with
 *       its notice), a command with an ephemeral deferral whose placeholder is deleted at once;</li>
 *   <li>past the deadline: a deferral goes to the callback ({@code 5} for a command, {@code 6} for
 *       a press), the HTTP answer is 202, and the replies follow once ready: the first replaces the
 *       placeholder ({@code PATCH /webhooks/{application}/{token}/messages/@original}), the others
 *       are follow-ups. A cloud function keeps running for them ({@link #lateRepliesWithin()}).</li>
 * </ul>
 * An ephemeral message carries flag 64. Interaction routes are outside the bot's global limit.
 */
public final class InteractionsWebhook implements WebhookProtocol {
    private static final Logger log = LoggerFactory.getLogger(InteractionsWebhook.class);
    static final String SIGNATURE = "X-Signature-Ed25519";
    static final String TIMESTAMP = "X-Signature-Timestamp";
    /** Interaction tokens are valid for 15 minutes: what is kept about a deferred interaction lives as long. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    /**
     * How long an interaction answered in time is kept after its answer: long enough for a host
     * that could not write the answer to send it through the callback instead.
     */
    static final Duration ANSWERED_GRACE = Duration.ofMinutes(1);
    /** Message flag EPHEMERAL (1 &lt;&lt; 6): only the user the message answers sees it. */
    static final int EPHEMERAL = 1 << 6;
    static final int PONG = 1;
    static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
    static final int DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
    static final int DEFERRED_UPDATE_MESSAGE = 6;
    static final int UPDATE_MESSAGE = 7;
    private static final byte[] PONG_BODY = "{\"type\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final DiscordConfig config;
    private final InteractionSignature signature;
    private final Duration timestampWindow;
    private final MessageRenderer renderer = new MessageRenderer();
    /** Interactions handed to the bot, by id, until their token expires. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** The bot's messages answering an interaction, by identity: the dispatch hands back the very objects. */
    private final Map<Outbound, Pending> answering = Collections.synchronizedMap(new IdentityHashMap<>());
    /**
     * Interactions to forget, each queue in the order they expire (each adds a fixed time to now):
     * swept when an interaction arrives, so nothing is kept without bound and no timer is needed.
     */
    private final java.util.Queue<Pending> answered = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Queue<Pending> deferred = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /**
     * Ids of the interactions received, each until a copy of it could no longer pass the timestamp
     * check: Discord signs an interaction at most the window before it arrives by the bot's clock,
     * and a copy is refused once the window has passed its timestamp, so twice the window after its
     * arrival. Only the id is kept so long; the interaction itself is forgotten with its answer.
     */
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final java.util.Queue<Received> receivedOrder = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile DiscordRest rest;
    private volatile EventSink sink;
    private volatile Scheduler scheduler = Scheduler.system();

    /**
     * The endpoint's side for {@code config}.
     *
     * @param config the public key, the application and the windows
     * @param timestampWindow how far {@code X-Signature-Timestamp} may be from the bot's clock
     */
    public InteractionsWebhook(DiscordConfig config, Duration timestampWindow) {
        this.config = config;
        this.signature = new InteractionSignature(config.publicKey().orElseThrow(
                () -> new IllegalArgumentException("interactions need the application's public key")));
        this.timestampWindow = timestampWindow;
    }

    /**
     * Starts answering for the bot of {@code eventSink} through {@code client}.
     *
     * @param eventSink the bot: its commands, clock and timers
     * @param client the REST client callbacks and follow-ups go through
     */
    public void start(EventSink eventSink, DiscordRest client) {
        this.scheduler = eventSink.scheduler();
        this.rest = client;
        this.sink = eventSink;
    }

    /** Runs the signature check once, for a function's initialisation phase ({@link InteractionSignature#prime()}). */
    public void prime() {
        signature.prime();
    }

    @Override
    public Platform platform() {
        return Discord.PLATFORM;
    }

    @Override
    public Optional<WebhookResponse> authenticate(WebhookRequest request) {
        Optional<String> given = request.header(SIGNATURE).filter(s -> !s.isBlank());
        Optional<String> timestamp = request.header(TIMESTAMP).filter(s -> !s.isBlank());
        if (given.isEmpty() || timestamp.isEmpty()) {
            log.debug("Refused an interaction without {}", given.isEmpty() ? SIGNATURE : TIMESTAMP);
            return unauthorized("missing " + (given.isEmpty() ? SIGNATURE : TIMESTAMP));
        }
        if (!signature.verify(timestamp.get(), request.body(), given.get().strip())) {
            log.debug("Refused an interaction whose signature does not match");
            return unauthorized("the " + SIGNATURE + " does not match the body");
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return unauthorized(TIMESTAMP + " is not a Unix time in seconds");
        }
        long now = scheduler.now().getEpochSecond();
        if (Math.abs(now - sent) > timestampWindow.toSeconds()) {
            log.debug("Refused an interaction signed at {}, {} s from the bot's clock", sent, now - sent);
            return unauthorized(TIMESTAMP + " is more than " + timestampWindow.toSeconds()
                    + " seconds from the bot's clock");
        }
        return Optional.empty();
    }

    private static Optional<WebhookResponse> unauthorized(String reason) {
        return Optional.of(WebhookResponse.text(401, "Unauthorized: " + reason));
    }

    @Override
    public WebhookDelivery read(WebhookRequest request) throws MalformedWebhookException {
        JsonNode root;
        try {
            root = JsonTrees.read(request.body());
        } catch (IOException e) {
            throw new MalformedWebhookException("the body is not JSON: " + e.getClass().getSimpleName());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException("the body is not an interaction object");
        }
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.canConvertToInt()) {
            throw new MalformedWebhookException("the interaction has no \"type\"");
        }
        int type = typeNode.asInt();
        if (type == DiscordInteraction.PING) {
            return WebhookDelivery.answer(WebhookResponse.json(PONG_BODY));
        }
        if (type != DiscordInteraction.APPLICATION_COMMAND && type != DiscordInteraction.MESSAGE_COMPONENT) {
            log.warn("Refused a Discord interaction of type {} ({}): Chorus answers slash commands (2) and button"
                    + " presses (3) only", type, typeName(type));
            return WebhookDelivery.answer(WebhookResponse.text(400, "Bad Request: interaction type " + type + " ("
                    + typeName(type) + ") is not handled; Chorus answers types 1, 2 and 3"));
        }
        DiscordInteraction interaction = InteractionReader.interaction(root, type);
        InboundEvent event;
        if (type == DiscordInteraction.APPLICATION_COMMAND) {
            EventSink current = sink;
            List<Command> commands = current == null ? List.of() : current.commands();
            try {
                event = InteractionReader.command(interaction, commands);
            } catch (InteractionReader.OptionGapException e) {
                return WebhookDelivery.answer(response(CHANNEL_MESSAGE_WITH_SOURCE,
                        JsonTrees.object().put("content", e.getMessage()).put("flags", EPHEMERAL)));
            }
        } else {
            event = InteractionReader.press(interaction);
        }
        if (!remember(interaction, event)) {
            // Discord sends each interaction once: a second request with its id is a replay of a
            // signed request within the signature window. Handed to the bot, it would be dropped
            // as seen and then acknowledged through the callback, as a command that said nothing.
            log.debug("Refused interaction {}: it was received already", interaction.id());
            return WebhookDelivery.answer(WebhookResponse.text(409, "Conflict: interaction " + interaction.id()
                    + " was received already"));
        }
        return WebhookDelivery.dispatch(event);
    }

    private static String typeName(int type) {
        return switch (type) {
            case 4 -> "APPLICATION_COMMAND_AUTOCOMPLETE";
            case 5 -> "MODAL_SUBMIT";
            default -> "unknown";
        };
    }

    /** Keeps {@code interaction} until its token expires; false when it was received before. */
    private boolean remember(DiscordInteraction interaction, InboundEvent event) {
        long now = scheduler.nanoTime();
        sweep(answered, now);
        sweep(deferred, now);
        for (Received head = receivedOrder.peek(); head != null && head.forgetAt - now <= 0;
                head = receivedOrder.peek()) {
            if (receivedOrder.remove(head)) {
                received.remove(head.id);
            }
        }
        if (!received.add(interaction.id())) {
            return false;
        }
        receivedOrder.add(new Received(interaction.id(), now + timestampWindow.multipliedBy(2).toNanos()));
        Optional<String> pressed = event instanceof ButtonPress press ? press.messageId() : Optional.empty();
        return pending.putIfAbsent(interaction.id(), new Pending(interaction, pressed)) == null;
    }

    /** An interaction's id and when it may be forgotten, by the scheduler's nanoTime. */
    private record Received(String id, long forgetAt) {}

    /** Forgets {@code p} after {@code keep}; once is enough, the first expiry asked for wins. */
    private void expire(Pending p, java.util.Queue<Pending> queue, Duration keep) {
        synchronized (p) {
            if (p.expiresAt != 0) {
                return;
            }
            p.expiresAt = scheduler.nanoTime() + keep.toNanos();
        }
        queue.add(p);
    }

    private void sweep(java.util.Queue<Pending> queue, long now) {
        for (Pending head = queue.peek(); head != null && head.expiresAt - now <= 0; head = queue.peek()) {
            if (queue.remove(head)) {
                pending.remove(head.interaction.id(), head);
                head.messages.forEach(answering::remove);
            }
        }
    }

    /** The messages of {@code handled} answer its interaction, whatever way they go out. */
    private Optional<Pending> claim(Handled handled) {
        Pending p = pending.get(handled.event().id());
        if (p != null) {
            for (Outbound m : handled.outbound()) {
                answering.put(m, p);
                p.messages.add(m);
            }
        }
        return Optional.ofNullable(p);
    }

    /**
     * Registers the messages, which go out in order through {@link #send}: nothing to acknowledge
     * apart. Called without messages only when the host could not write the answer that
     * acknowledged a press ({@code {"type":6}} or its notice): then that goes through the callback.
     */
    @Override
    public CompletableFuture<Void> acknowledge(Handled handled) {
        Optional<Pending> p = claim(handled);
        if (!handled.outbound().isEmpty() || p.isEmpty() || !p.get().isPress()) {
            return CompletableFuture.completedFuture(null);
        }
        Pending press = p.get();
        return press.then(() -> {
            if (press.responded) {
                return CompletableFuture.completedFuture(null);
            }
            press.responded = true;
            return callback(press, handled.notice().isPresent()
                    ? JsonTrees.object().put("type", CHANNEL_MESSAGE_WITH_SOURCE).set("data", notice(handled))
                    : JsonTrees.object().put("type", DEFERRED_UPDATE_MESSAGE));
        });
    }

    /**
     * The deadline passed: the interaction is deferred through the callback, so the replies may
     * follow for 15 minutes. A press defers without a placeholder (6), a command with one (5).
     */
    @Override
    public CompletableFuture<Void> acknowledge(InboundEvent event) {
        Pending p = pending.get(event.id());
        if (p == null) {
            return CompletableFuture.completedFuture(null);
        }
        return p.then(() -> {
            if (p.responded) {
                return CompletableFuture.completedFuture(null);
            }
            p.responded = true;
            p.deferred = true;
            return callback(p, JsonTrees.object().put("type",
                    p.isPress() ? DEFERRED_UPDATE_MESSAGE : DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE));
        });
    }

    @Override
    public CompletableFuture<Void> sendLate(Handled handled) {
        Optional<Pending> p = claim(handled);
        if (p.isPresent() && handled.outbound().isEmpty()) {
            Pending interaction = p.get();
            if (interaction.isPress() && handled.notice().isPresent()) {
                return interaction.then(() -> followUp(interaction, notice(handled)));
            }
            // A command's placeholder ("… is thinking") would stay until the token expires.
            return interaction.isPress() ? CompletableFuture.completedFuture(null)
                    : interaction.then(() -> deleteOriginal(interaction));
        }
        return WebhookProtocol.super.sendLate(handled);
    }

    /** Replies stay possible while the token is valid; a function waits for them at most this long. */
    @Override
    public Duration lateRepliesWithin() {
        return TOKEN_LIFETIME.minusMinutes(1);
    }

    @Override
    public CompletableFuture<Void> send(Outbound message) {
        Pending p = answering.remove(message);
        DiscordRest client = rest;
        if (client == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the Discord adapter is not started"));
        }
        if (p == null) {
            return client.send(message).thenApply(sent -> null);
        }
        return p.then(() -> answer(p, message));
    }

    /** One message answering {@code p}, after the ones before it. */
    private CompletableFuture<Void> answer(Pending p, Outbound message) {
        boolean editsPressed = p.pressed.isPresent() && message.editId().equals(p.pressed);
        if (!p.responded) {
            p.responded = true;
            return callback(p, responseBody(p, message));
        }
        if (p.deferred && !p.placeholderUsed) {
            p.placeholderUsed = true;
            if (p.isPress()) {
                // After a deferred update, @original is the message the button is on.
                return editsPressed ? editOriginal(p, data(message)) : followUp(p, data(message));
            }
            if (message.ephemeral()) {
                // The placeholder was made public; a message's ephemeral state cannot change.
                return deleteOriginal(p).thenCompose(x -> followUp(p, data(message)));
            }
            return editOriginal(p, data(message));
        }
        if (message.editId().isPresent()) {
            return rest.send(message).thenApply(sent -> null);
        }
        return followUp(p, data(message));
    }

    @Override
    public Optional<WebhookResponse> inline(Handled handled, Optional<Outbound> last) {
        Pending p = pending.get(handled.event().id());
        if (p == null) {
            return Optional.empty();
        }
        synchronized (p) {
            if (p.responded) {
                return Optional.empty(); // the earlier messages answered through the callback
            }
        }
        if (last.isPresent()) {
            expire(p, answered, ANSWERED_GRACE);
            return Optional.of(response(responseBody(p, last.get())));
        }
        if (p.isPress()) {
            expire(p, answered, ANSWERED_GRACE);
            return Optional.of(handled.notice().isPresent()
                    ? response(CHANNEL_MESSAGE_WITH_SOURCE, notice(handled))
                    : response(JsonTrees.object().put("type", DEFERRED_UPDATE_MESSAGE)));
        }
        return Optional.empty(); // a command that answered nothing: see answer()
    }

    @Override
    public WebhookResponse answer(WebhookOutcome outcome) {
        if (outcome instanceof WebhookOutcome.NotTaken) {
            // Discord does not deliver an interaction again: the user sees it failed and may retry.
            pending.remove(outcome.event().id());
            return WebhookProtocol.super.answer(outcome);
        }
        Pending p = pending.get(outcome.event().id());
        if (p == null) {
            return WebhookProtocol.super.answer(outcome);
        }
        // A deferred interaction's replies may follow for the token's lifetime; the others are done.
        expire(p, outcome instanceof WebhookOutcome.TimedOut ? deferred : answered,
                outcome instanceof WebhookOutcome.TimedOut ? TOKEN_LIFETIME : ANSWERED_GRACE);
        if (outcome instanceof WebhookOutcome.Failed) {
            return WebhookResponse.text(500, "Internal Server Error: the bot failed to handle the interaction");
        }
        if (outcome instanceof WebhookOutcome.Handled handled && handled.outbound().isEmpty() && !p.isPress()) {
            // Discord needs an initial response; a command that says nothing gets an ephemeral
            // placeholder, deleted at once, so the user sees no "interaction failed".
            CompletableFuture<Void> done = p.then(() -> {
                if (p.responded) {
                    return CompletableFuture.completedFuture(null);
                }
                p.responded = true;
                p.deferred = true;
                p.placeholderUsed = true;
                return callback(p, JsonTrees.object().put("type", DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE)
                        .set("data", JsonTrees.object().put("flags", EPHEMERAL)))
                        .thenCompose(x -> deleteOriginal(p));
            });
            await(done, config.requestTimeout());
        } else if (outcome instanceof WebhookOutcome.TimedOut) {
            // The deferral goes through the callback; Discord wants it before the 202.
            await(p.tail(), Duration.ofSeconds(1));
        }
        return accepted();
    }

    /** Discord: after answering through the callback, "respond to the original HTTP request with a 202 and no body". */
    private static WebhookResponse accepted() {
        return new WebhookResponse(202, Map.of(), new byte[0]);
    }

    private static void await(CompletableFuture<Void> future, Duration timeout) {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the REST client logged a failure; a slow call goes on in the background
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The interaction response carrying {@code message}: UPDATE_MESSAGE for an edit of the pressed message. */
    private ObjectNode responseBody(Pending p, Outbound message) {
        boolean update = p.pressed.isPresent() && message.editId().equals(p.pressed);
        return JsonTrees.object().put("type", update ? UPDATE_MESSAGE : CHANNEL_MESSAGE_WITH_SOURCE)
                .set("data", data(message));
    }

    private static WebhookResponse response(int type, ObjectNode data) {
        return response(JsonTrees.object().put("type", type).set("data", data));
    }

    private static WebhookResponse response(ObjectNode body) {
        return WebhookResponse.json(JsonTrees.write(body));
    }

    /**
     * A message as interaction response data: the Create Message fields without a reply reference
     * (the answer is tied to the command already) or a nonce, with flag 64 when ephemeral.
     */
    ObjectNode data(Outbound message) {
        Outbound plain = new Outbound(message.chat(), message.text(), message.format(), message.buttons(),
                Optional.empty(), Optional.empty(), message.editId(), message.question(), message.ephemeral());
        // The core renderer split the text at Discord's 2000 characters, so this is one body.
        ObjectNode body = renderer.render(plain).get(0);
        if (message.ephemeral()) {
            body.put("flags", EPHEMERAL);
        }
        return body;
    }

    private static ObjectNode notice(Handled handled) {
        return JsonTrees.object().put("content", handled.notice().orElseThrow().text()).put("flags", EPHEMERAL);
    }

    private CompletableFuture<Void> callback(Pending p, ObjectNode body) {
        return rest.requestMessage(Route.of("POST", "/interactions/{interaction.id}/{interaction.token}/callback",
                p.interaction.id(), p.interaction.token()), body).thenApply(x -> null);
    }

    private CompletableFuture<Void> followUp(Pending p, ObjectNode data) {
        return rest.requestMessage(Route.of("POST", "/webhooks/{application.id}/{interaction.token}", application(p),
                p.interaction.token()), data).thenApply(x -> null);
    }

    private CompletableFuture<Void> editOriginal(Pending p, ObjectNode data) {
        data.remove("flags");
        return rest.requestMessage(Route.of("PATCH", "/webhooks/{application.id}/{interaction.token}/messages/@original",
                application(p), p.interaction.token()), data).thenApply(x -> null);
    }

    private CompletableFuture<Void> deleteOriginal(Pending p) {
        return rest.request(Route.of("DELETE", "/webhooks/{application.id}/{interaction.token}/messages/@original",
                application(p), p.interaction.token()), null).thenApply(x -> null);
    }

    private String application(Pending p) {
        return p.interaction.applicationId().isEmpty() ? config.applicationId().orElse("")
                : p.interaction.applicationId();
    }

    /**
     * An interaction handed to the bot: whether its initial response was made and how, and the
     * chain its answers go out on, one after another.
     */
    private static final class Pending {
        final DiscordInteraction interaction;
        /** The message whose button was pressed; empty for a command. */
        final Optional<String> pressed;
        /** Guarded by this: whether the initial response went out (through the callback). */
        boolean responded;
        /** Whether that response was a deferral (5 or 6). */
        boolean deferred;
        /** Whether the first reply after a deferral took the placeholder's place. */
        boolean placeholderUsed;
        /** When it is forgotten, by the scheduler's nanoTime; 0 while its answer is open. */
        volatile long expiresAt;
        /** The bot's messages answering it, for forgetting them with it. */
        final List<Outbound> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

        Pending(DiscordInteraction interaction, Optional<String> pressed) {
            this.interaction = interaction;
            this.pressed = pressed;
        }

        boolean isPress() {
            return interaction.type() == DiscordInteraction.MESSAGE_COMPONENT;
        }

        /** Runs {@code step} once every earlier step finished, whether it succeeded or not. */
        synchronized CompletableFuture<Void> then(java.util.function.Supplier<CompletableFuture<Void>> step) {
            CompletableFuture<Void> next = tail.handle((ok, failure) -> null).thenCompose(x -> {
                synchronized (this) {
                    return step.get();
                }
            });
            tail = next;
            return next;
        }

        synchronized CompletableFuture<Void> tail() {
            return tail;
        }
    }
}
