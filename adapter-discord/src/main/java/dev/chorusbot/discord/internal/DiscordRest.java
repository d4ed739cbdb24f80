package dev.chorusbot.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.SendBudget;
import dev.chorusbot.core.StateUnavailableException;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.discord.Discord;
import dev.chorusbot.discord.DiscordApiException;
import dev.chorusbot.discord.DiscordConfig;
import dev.chorusbot.discord.DiscordException;
import dev.chorusbot.discord.DiscordNetworkException;
import dev.chorusbot.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's REST API on the JDK {@code HttpClient}: every call goes to the configured API URL with
 * {@code Authorization: Bot <token>} and the User-Agent Discord requires, within the rate limits,
 * and an error answer becomes a {@link DiscordApiException}.
 *
 * <p>Limits are kept before sending, not discovered by being refused (Rate Limits: "your app should
 * parse response headers to prevent hitting the limit"):
 * <ul>
 *   <li>calls of one {@link Route#laneKey() lane} (route and top-level resource) go one after
 *       another, in order, so a channel's messages arrive in the order they were sent;</li>
 *   <li>a lane waits while its bucket has no request left ({@code X-RateLimit-Remaining: 0}) until
 *       {@code X-RateLimit-Reset-After} has passed; routes that share an {@code X-RateLimit-Bucket}
 *       share it, per top-level resource;</li>
 *   <li>every call but the interaction routes takes a slot of the {@link GlobalLimit global limit},
 *       and one of the bot's {@link SendBudget}: with a store shared by instances (Redis), the 50 a
 *       second hold for all of them together;</li>
 *   <li>a 429 is waited out for its {@code retry_after} and sent again; a global one
 *       ({@code "global": true} or {@code X-RateLimit-Global}) pauses every call;</li>
 *   <li>5xx answers and network failures are tried again with a doubling backoff. A new message
 *       carries a {@code nonce} with {@code enforce_nonce}, so a retry after a lost answer never
 *       posts it twice.</li>
 * </ul>
 *
 * <p>The token is only ever in the Authorization header, and interaction tokens only in paths: no
 * request, URI or HTTP client message leaves this class, and exceptions name the route's template.
 */
public final class DiscordRest {
    private static final Logger log = LoggerFactory.getLogger(DiscordRest.class);
    /** Discord: "Clients using the HTTP API must provide a valid User Agent" of this form. */
    static final String USER_AGENT = "DiscordBot (https://github.com/chorusbot/chorus, " + version() + ")";
    /** How many 429s one call waits out before it fails: Discord answers more only when something is wrong. */
    private static final int MAX_RATE_LIMITED = 10;

    private final DiscordConfig config;
    private final Scheduler scheduler;
    private final String base;
    private final boolean https;
    private final GlobalLimit global;
    private final SendBudget budget;
    /** The global limit as the shared budget counts it, under the bot's id. */
    private final List<SendBudget.Limit> globalBudget;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    /** {@code X-RateLimit-Bucket} by method and template, once an answer named it. */
    private final Map<String, String> bucketIds = new ConcurrentHashMap<>();
    /** Shared buckets by {@code X-RateLimit-Bucket} and top-level resource. */
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** The results of the calls queued or in flight. */
    private final Set<CompletableFuture<JsonNode>> unfinished = ConcurrentHashMap.newKeySet();
    private final MessageRenderer renderer = new MessageRenderer();
    private volatile HttpClient client;
    private volatile BotObserver observer = BotObserver.NONE;
    private volatile boolean closed;

    /**
     * A client for the bot of {@code config}, whose waits run on {@code scheduler}.
     *
     * @param config the token, API URL, limits and retries
     * @param scheduler the bot's scheduler: every wait for a bucket, a 429 or a backoff is a task on it
     */
    public DiscordRest(DiscordConfig config, Scheduler scheduler) {
        this(config, scheduler, SendBudget.local());
    }

    /**
     * A client for the bot of {@code config} whose global limit also counts in {@code budget}, for
     * a bot whose instances share a state store.
     *
     * @param config the token, API URL, limits and retries
     * @param scheduler the bot's scheduler: every wait for a bucket, a 429 or a backoff is a task on it
     * @param budget the bot's send budget, from {@code EventSink.sendBudget()}
     */
    public DiscordRest(DiscordConfig config, Scheduler scheduler, SendBudget budget) {
        this.config = config;
        this.budget = budget;
        this.globalBudget = List.of(new SendBudget.Limit("discord:" + account(config) + ":global",
                config.globalLimit(), Duration.ofSeconds(1)));
        this.scheduler = scheduler;
        String root = config.apiUrl().toString();
        this.base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.https = "https".equals(config.apiUrl().getScheme());
        this.global = new GlobalLimit(config.globalLimit());
    }

    /**
     * The bot's user id, which a token's first part holds in base64; the application id, or a
     * digest of the token (never the token), when the token is not of that form.
     */
    static String account(DiscordConfig config) {
        String token = config.token();
        int dot = token.indexOf('.');
        if (dot > 0) {
            try {
                String id = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)),
                        java.nio.charset.StandardCharsets.US_ASCII);
                if (id.matches("[0-9]{1,20}")) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // not base64: fall through
            }
        }
        return config.applicationId().orElseGet(() -> Integer.toHexString(token.hashCode()));
    }

    private static String version() {
        try (InputStream in = DiscordRest.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "");
            return v.isEmpty() || v.startsWith("$") ? "dev" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    // Built on first call: the client and its TLS context cost a few hundred
                    // milliseconds that an interaction answered inline never needs to pay.
                    c = HttpClient.newBuilder()
                            .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                            .connectTimeout(config.requestTimeout())
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    /**
     * Sends {@code message} to its chat: one or more {@code POST /channels/{id}/messages} (text past
     * 2000 characters is split, the reply reference goes on the first part and the buttons on the
     * last), or a {@code PATCH} of the message it edits.
     *
     * @param message the rendered message; its chat id is the channel id
     * @return the message objects Discord created or edited, in order; fails with a
     *     {@link DiscordException}, or an {@link IllegalArgumentException} when Discord could not
     *     show the message at all (too many buttons)
     */
    public CompletableFuture<List<JsonNode>> send(Outbound message) {
        List<ObjectNode> bodies;
        try {
            bodies = renderer.render(message);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        String channel = message.chat().id();
        List<CompletableFuture<JsonNode>> sent = new ArrayList<>(bodies.size());
        for (ObjectNode body : bodies) {
            sent.add(message.editId().isPresent()
                    ? requestMessage(Route.of("PATCH", "/channels/{channel.id}/messages/{message.id}", channel,
                            message.editId().get()), body)
                    : createMessage(channel, body));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .thenApply(done -> sent.stream().map(CompletableFuture::join).toList());
    }

    /**
     * {@code POST /channels/{channel.id}/messages} with {@code body}, which gets a {@code nonce} and
     * {@code enforce_nonce} unless it has a nonce, so a retry never posts it twice.
     *
     * @param channelId the channel's id
     * @param body the message create fields, such as {@code content} and {@code components}
     * @return the created message object
     */
    public CompletableFuture<JsonNode> createMessage(String channelId, ObjectNode body) {
        if (!body.has("nonce")) {
            body.put("nonce", Nonces.next());
            body.put("enforce_nonce", true);
        }
        return requestMessage(Route.of("POST", "/channels/{channel.id}/messages", channelId), body);
    }

    /**
     * {@link #request} for a call that sends or edits a message (a follow-up, an edit of
     * {@code @original}): it is reported to the {@link #observe observer} as a message sent, its
     * wait and its retries.
     *
     * @param route the call
     * @param body the JSON body
     * @return the answer's JSON, as {@link #request}
     */
    public CompletableFuture<JsonNode> requestMessage(Route route, ObjectNode body) {
        return enqueue(new Call(route, JsonTrees.write(body), true, scheduler.nanoTime()));
    }

    /**
     * Reports messages sent, their waits for the limits and their retries to {@code observer} from
     * now on ({@link BotObserver#messageSent}, {@link BotObserver#sendWaited},
     * {@link BotObserver#sendRetried}).
     *
     * @param observer the bot's observer, from {@code EventSink.observer()}
     */
    public void observe(BotObserver observer) {
        this.observer = observer;
    }

    /**
     * Calls {@code route} within the limits, with {@code body} as JSON.
     *
     * @param route the call
     * @param body the JSON body, or null for none
     * @return the answer's JSON ({@link MissingNode} for 204 No Content); fails with a
     *     {@link DiscordApiException} for an error answer, a {@link DiscordNetworkException} when
     *     Discord could not be reached after the retries
     */
    public CompletableFuture<JsonNode> request(Route route, ObjectNode body) {
        return enqueue(new Call(route, body == null ? null : JsonTrees.write(body), false, scheduler.nanoTime()));
    }

    /**
     * Calls {@code route} within the limits with a JSON array as its body, such as the bulk
     * overwrite of application commands.
     *
     * @param route the call
     * @param body the JSON array
     * @return the answer's JSON, as {@link #request}
     */
    public CompletableFuture<JsonNode> requestArray(Route route, com.fasterxml.jackson.databind.node.ArrayNode body) {
        return enqueue(new Call(route, JsonTrees.write(body), false, scheduler.nanoTime()));
    }

    private CompletableFuture<JsonNode> enqueue(Call call) {
        Route route = call.route;
        if (closed) {
            return CompletableFuture.failedFuture(notSent(route));
        }
        unfinished.add(call.result);
        call.result.whenComplete((r, f) -> unfinished.remove(call.result));
        Lane lane;
        boolean start;
        while (true) {
            lane = lanes.computeIfAbsent(route.laneKey(), k -> new Lane(route));
            synchronized (lane) {
                if (lane.retired) {
                    continue; // forgotten meanwhile (retireIfIdle): its successor keeps the order
                }
                lane.queue.addLast(call);
                start = !lane.busy;
                lane.busy = true;
                break;
            }
        }
        if (start) {
            attempt(lane);
        }
        return call.result;
    }

    /**
     * The calls queued or in flight.
     *
     * @return the count, at least 0
     */
    public int pending() {
        return unfinished.size();
    }

    /** For tests: the lanes kept now. */
    int laneCount() {
        return lanes.size();
    }

    /**
     * Completes when every call queued or in flight now has finished, whether it succeeded or
     * failed: for an adapter's {@code close()}, which sends what is queued before it lets go.
     *
     * @return a future that never fails
     */
    public CompletableFuture<Void> drained() {
        return CompletableFuture.allOf(unfinished.toArray(CompletableFuture[]::new)).handle((r, f) -> null);
    }

    /** One call and how it went so far. */
    private static final class Call {
        final Route route;
        final byte[] body;
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        /** Whether it sends or edits a message: reported to the observer. */
        final boolean message;
        final long queuedNanos;
        /** When the latest attempt went out. */
        long sentNanos;
        int failures;
        int rateLimited;

        Call(Route route, byte[] body, boolean message, long queuedNanos) {
            this.route = route;
            this.body = body;
            this.message = message;
            this.queuedNanos = queuedNanos;
        }
    }

    /** The calls of one lane; {@code busy} while one of them is waiting or in flight. */
    private static final class Lane {
        final Route route;
        final Bucket own = new Bucket();
        final ArrayDeque<Call> queue = new ArrayDeque<>();
        boolean busy;
        /** Removed from the lanes: a call for its key makes a new lane. */
        boolean retired;

        Lane(Route route) {
            this.route = route;
        }
    }

    private Bucket bucketOf(Lane lane) {
        String id = bucketIds.get(lane.route.method() + " " + lane.route.template());
        return id == null ? lane.own : buckets.computeIfAbsent(id + " " + lane.route.major(), k -> new Bucket());
    }

    /**
     * Stops: calls queued or waiting for a limit fail with a {@link DiscordNetworkException} saying
     * they were not sent, calls in flight finish, and new calls fail at once. An adapter's close
     * waits for {@link #drained()} (with its own timeout) first, so nothing it queued is dropped
     * unless that wait ran out.
     */
    public void close() {
        closed = true;
        for (Lane lane : lanes.values()) {
            List<Call> dropped = new ArrayList<>();
            synchronized (lane) {
                // The head is in flight or waiting for a task, which ends it; the rest never start.
                while (lane.queue.size() > 1) {
                    dropped.add(lane.queue.pollLast());
                }
            }
            dropped.forEach(c -> c.result.completeExceptionally(notSent(c.route)));
        }
    }

    private static DiscordNetworkException notSent(Route route) {
        return new DiscordNetworkException(route.toString(), "not sent: the Discord client was closed");
    }

    /** Sends the lane's head call now, or schedules this again when a limit says wait. */
    private void attempt(Lane lane) {
        Call call;
        synchronized (lane) {
            call = lane.queue.peekFirst();
        }
        if (closed) {
            finish(lane, call, null, notSent(call.route));
            return;
        }
        long now = scheduler.nanoTime();
        Bucket bucket = bucketOf(lane);
        long wait = bucket.waitNanos(now);
        if (wait > 0 && log.isDebugEnabled()) {
            log.debug("{} waits {} ms for its rate-limit bucket to reset", call.route, wait / 1_000_000);
        }
        if (wait == 0 && call.route.global()) {
            wait = global.reserve(now);
        }
        if (wait == 0 && call.route.global()) {
            wait = shared(call);
            if (wait > 0) {
                global.cancel();
            }
        }
        if (wait > 0) {
            scheduler.schedule(Duration.ofNanos(wait), () -> attempt(lane));
            return;
        }
        bucket.take();
        call.sentNanos = now;
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = client().sendAsync(request(call), HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((response, failure) -> {
            if (call.route.global()) {
                global.release(scheduler.nanoTime());
            }
            try {
                answered(lane, call, response, failure);
            } catch (RuntimeException e) {
                finish(lane, call, null, e);
            }
        });
    }

    /** 0 when the shared budget took the call, else nanoseconds to wait; a budget that is away waits a second. */
    private long shared(Call call) {
        try {
            return budget.tryTake(globalBudget).toNanos();
        } catch (StateUnavailableException e) {
            log.warn("Holding {} for a second: the shared send budget is unavailable: {}", call.route, e.getMessage());
            return 1_000_000_000L;
        }
    }

    private HttpRequest request(Call call) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + call.route.path()))
                .timeout(config.requestTimeout())
                .header("User-Agent", USER_AGENT);
        if (call.route.global()) {
            // Interaction routes authenticate by the token in their path; without the bot's header
            // they stay outside the bot's global limit.
            b.header("Authorization", "Bot " + config.token());
        }
        if (call.body != null) {
            b.header("Content-Type", "application/json")
                    .method(call.route.method(), HttpRequest.BodyPublishers.ofByteArray(call.body));
        } else {
            b.method(call.route.method(), HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    private void answered(Lane lane, Call call, HttpResponse<byte[]> response, Throwable failure) {
        long now = scheduler.nanoTime();
        if (failure != null) {
            retryOrFail(lane, call, new DiscordNetworkException(call.route.toString(), describe(call, failure)),
                    BotObserver.RetryReason.NETWORK);
            return;
        }
        RateLimitHeaders headers = RateLimitHeaders.of(response.headers());
        headers.bucket().ifPresent(id -> bucketIds.put(lane.route.method() + " " + lane.route.template(), id));
        if (headers.remaining().isPresent() && headers.resetAfterNanos().isPresent()) {
            bucketOf(lane).update(headers.remaining().get(), headers.resetAfterNanos().get(), now);
        }
        int status = response.statusCode();
        if (status == 429) {
            rateLimited(lane, call, response, headers, now);
            return;
        }
        if (status >= 200 && status < 300) {
            finish(lane, call, read(response.body()).orElse(MissingNode.getInstance()), null);
            return;
        }
        DiscordException error = DiscordErrors.of(call.route.toString(), status, response.body());
        if (status >= 500) {
            retryOrFail(lane, call, error, BotObserver.RetryReason.SERVER_ERROR);
        } else {
            finish(lane, call, null, error);
        }
    }

    private void rateLimited(Lane lane, Call call, HttpResponse<byte[]> response, RateLimitHeaders headers, long now) {
        Optional<JsonNode> body = read(response.body());
        double seconds = body.map(b -> b.path("retry_after").asDouble(-1)).orElse(-1.0);
        if (seconds < 0) {
            seconds = headers.retryAfterSeconds().orElse(1.0);
        }
        long retry = (long) Math.ceil(seconds * 1_000_000_000L);
        boolean isGlobal = body.map(b -> b.path("global").asBoolean(false)).orElse(false) || headers.global();
        if (++call.rateLimited > MAX_RATE_LIMITED) {
            finish(lane, call, null, DiscordErrors.of(call.route.toString(), 429, response.body()));
            return;
        }
        String scope = headers.scope().orElse(isGlobal ? "global" : "user");
        if ("shared".equals(scope)) {
            // Rate Limits: a shared resource's 429 is not the bot's doing and not counted against it.
            log.debug("{} hit the shared limit of its resource; sending it again in {} ms", call.route,
                    retry / 1_000_000);
        } else {
            log.warn("Discord answered {} with 429 ({} limit); sending it again in {} ms", call.route, scope,
                    retry / 1_000_000);
        }
        if (call.message) {
            report(o -> o.sendRetried(Discord.PLATFORM, BotObserver.RetryReason.RATE_LIMITED));
        }
        if (isGlobal) {
            global.pause(now + retry);
        } else {
            bucketOf(lane).exhaust(retry, now);
        }
        // The same call goes again once the wait is over: attempt() finds the bucket or the global
        // pause and schedules itself for then.
        scheduler.schedule(Duration.ofNanos(retry), () -> attempt(lane));
    }

    private void retryOrFail(Lane lane, Call call, DiscordException error, BotObserver.RetryReason reason) {
        call.failures++;
        if (call.failures >= config.maxAttempts()) {
            finish(lane, call, null, error);
            return;
        }
        if (call.message) {
            report(o -> o.sendRetried(Discord.PLATFORM, reason));
        }
        long initial = config.initialBackoff().toNanos();
        long backoff = Math.min(config.maxBackoff().toNanos(), initial << Math.min(30, call.failures - 1));
        log.debug("{} failed ({}); attempt {} of {} in {} ms", call.route, error.getMessage(), call.failures + 1,
                config.maxAttempts(), backoff / 1_000_000);
        scheduler.schedule(Duration.ofNanos(backoff), () -> attempt(lane));
    }

    /** Completes the lane's head call and starts the next one. */
    private void finish(Lane lane, Call call, JsonNode result, Throwable error) {
        boolean more;
        synchronized (lane) {
            lane.queue.pollFirst();
            more = !lane.queue.isEmpty();
            lane.busy = more;
        }
        if (!more) {
            retireIfIdle(lane);
        }
        if (error != null) {
            call.result.completeExceptionally(error);
        } else {
            if (call.message) {
                // From queueing to the attempt Discord accepted: bucket and global waits, 429s, backoffs.
                report(o -> o.sendWaited(Discord.PLATFORM, Duration.ofNanos(call.sentNanos - call.queuedNanos)));
                report(o -> o.messageSent(Discord.PLATFORM));
            }
            call.result.complete(result);
        }
        if (more) {
            attempt(lane);
        }
    }

    /**
     * Forgets an idle lane of an interaction route once its limits let a call go again. Such a
     * lane's key holds an interaction's id or token, so there is one per interaction, and after 15
     * minutes the token is void: kept, they would add up for as long as the bot runs. Lanes of
     * channels and guilds stay, as many as the channels the bot talks in, with what their buckets
     * know.
     */
    private void retireIfIdle(Lane lane) {
        if (lane.route.global()) {
            return;
        }
        long now = scheduler.nanoTime();
        String bucketId = bucketIds.get(lane.route.method() + " " + lane.route.template());
        Bucket shared = bucketId == null ? null : buckets.get(bucketId + " " + lane.route.major());
        long wait = Math.max(lane.own.waitNanos(now), shared == null ? 0 : shared.waitNanos(now));
        if (wait > 0) {
            // Until the bucket resets, a call of this interaction must still wait for it.
            scheduler.schedule(Duration.ofNanos(wait), () -> retireIfIdle(lane));
            return;
        }
        synchronized (lane) {
            if (lane.busy || lane.retired) {
                return;
            }
            lane.retired = true;
            lanes.remove(lane.route.laneKey(), lane);
        }
        String major = lane.route.major();
        if (bucketId != null && lanes.values().stream().noneMatch(l -> l.route.major().equals(major))) {
            buckets.remove(bucketId + " " + major);
        }
    }

    /** Tells the observer; an observer that throws is logged, never the call's failure. */
    private void report(java.util.function.Consumer<BotObserver> event) {
        try {
            event.accept(observer);
        } catch (RuntimeException e) {
            log.warn("A bot observer failed", e);
        }
    }

    private static Optional<JsonNode> read(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JsonTrees.read(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The failure's type and message, without the token or the call's path (which may hold an interaction token). */
    private String describe(Call call, Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return config.mask(text.replace(call.route.path(), call.route.template()));
    }

    @Override
    public String toString() {
        return "DiscordRest[token=<hidden>]";
    }
}
