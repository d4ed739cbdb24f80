package dev.chorusbot.testkit.twitch.eventsub;

import com.sun.net.httpserver.HttpExchange;
import dev.chorusbot.core.Api;
import dev.chorusbot.testkit.internal.Await;
import dev.chorusbot.testkit.internal.LoopbackHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Twitch's Helix API and OAuth token endpoint on loopback, for testing EventSub bots without Twitch.
 * One base URL ({@link #baseUrl()}) serves both, so point {@code TWITCH_API_URL} and
 * {@code TWITCH_AUTH_URL} at it. It answers like api.twitch.tv and id.twitch.tv
 * (https://dev.twitch.tv/docs/api/reference/):
 * <ul>
 *   <li>{@code POST /oauth2/token} — the client credentials flow: {@code access_token},
 *       {@code expires_in}, {@code token_type: bearer}; {@code {"status":400,"message":"invalid client"}}
 *       and {@code {"status":403,"message":"invalid client secret"}} for bad credentials;</li>
 *   <li>{@code POST /helix/chat/messages} — Send Chat Message, recorded; {@code is_sent: false} with a
 *       {@code drop_reason} when told to ({@link #dropNextMessage});</li>
 *   <li>{@code GET /helix/users} — Get Users by {@code login} and {@code id};</li>
 *   <li>{@code GET}, {@code POST}, {@code DELETE /helix/eventsub/subscriptions} — a new webhook
 *       subscription is answered 202 and then verified through its callback by a
 *       {@link FakeEventSubSender}: {@code enabled} when the webhook echoes the challenge, else
 *       {@code webhook_callback_verification_failed}; an existing one is 409.</li>
 * </ul>
 * Every Helix answer carries {@code Ratelimit-Limit}, {@code Ratelimit-Remaining} and
 * {@code Ratelimit-Reset}; an empty bucket answers 429 until the reset. Tokens it issued can be
 * expired ({@link #expireTokens()}): Helix then answers 401 {@code Invalid OAuth token}. Time comes
 * from the {@link Builder#clock(Clock)}, so a test can move past a reset without sleeping.
 *
 * <p>Like every fake of the testkit: {@link #start()} for the defaults, {@link #builder()} for
 * options, {@link #close()} after the test, recorded requests as records ({@link #requests()}), and
 * {@code await…} methods that fail with an {@link AssertionError} naming what they waited for.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class FakeHelixApi implements AutoCloseable {
    private final Clock clock;
    private final TokenEndpoint tokens;
    private final RateLimit rateLimit;
    private final ChatEndpoints chat = new ChatEndpoints();
    private final SubscriptionStore subscriptions;
    private final LoopbackHttp server;
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> failures = new CopyOnWriteArrayList<>();

    private FakeHelixApi(Builder b) throws IOException {
        this.clock = b.clock;
        this.tokens = new TokenEndpoint(b.clientId, b.clientSecret, b.tokenLifetime.toSeconds());
        this.rateLimit = new RateLimit(b.clock, b.pointsPerMinute);
        this.subscriptions = new SubscriptionStore(b.clock);
        this.server = LoopbackHttp.start("fake-helix", 4, this::serve);
    }

    /**
     * A builder; by default client {@code fake-client-id} with secret {@code fake-client-secret}.
     *
     * @return a builder to finish with {@link Builder#start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A fake started with the defaults.
     *
     * @return the running fake, on a free loopback port; close it after the test
     * @throws IllegalStateException when no loopback port can be bound
     */
    public static FakeHelixApi start() {
        return builder().start();
    }

    /**
     * One Send Chat Message request Helix accepted, in order of arrival.
     *
     * @param broadcasterId the {@code broadcaster_id}: the channel's user id
     * @param senderId the {@code sender_id}: the bot's user id
     * @param message the message text, at most 500 characters
     * @param replyParentMessageId the {@code reply_parent_message_id}, if given
     * @param isSent false when the fake dropped it as told by {@link #dropNextMessage}
     */
    public record SentChatMessage(String broadcasterId, String senderId, String message,
            Optional<String> replyParentMessageId, boolean isSent) {}

    /**
     * One request as it arrived (the {@code Authorization} header included).
     *
     * @param method the HTTP method, such as {@code POST}
     * @param path the URL path, such as {@code /helix/chat/messages}
     * @param query the raw query string, or empty when there was none
     * @param headers the request headers with lower-case names; repeated values joined with commas
     * @param body the request body as UTF-8 text, exactly as sent, or empty
     */
    public record RecordedRequest(String method, String path, String query, Map<String, String> headers,
            String body) {}

    /**
     * The base URL of both the Helix API and the token endpoint, such as
     * {@code http://127.0.0.1:4711}.
     *
     * @return the base URL without a path or a trailing slash
     */
    public URI baseUrl() {
        return server.url();
    }

    /**
     * The client id the token endpoint accepts.
     *
     * @return the client id; Helix requests must send it as {@code Client-Id}
     */
    public String clientId() {
        return tokens.clientId();
    }

    /**
     * The client secret the token endpoint accepts.
     *
     * @return the client secret
     */
    public String clientSecret() {
        return tokens.clientSecret();
    }

    /**
     * Adds a Twitch user that Get Users can find.
     *
     * @param id the numeric user id, as text; replaces a user with the same id
     * @param login the login; stored in lower case
     * @param displayName the display name
     * @return this fake, for chaining
     */
    public FakeHelixApi addUser(String id, String login, String displayName) {
        chat.addUser(id, login, displayName);
        return this;
    }

    /** Makes every token issued so far invalid, as when an app access token expires. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /**
     * How many app access tokens the token endpoint issued.
     *
     * @return the number of tokens issued since start, counting expired ones
     */
    public int tokensIssued() {
        return tokens.issued();
    }

    /**
     * The next Send Chat Message is answered {@code is_sent: false} with this drop reason. Calls
     * queue up: each drops one more message.
     *
     * @param code the {@code drop_reason.code}, such as {@code msg_duplicate}
     * @param message the {@code drop_reason.message}, the text a user would read
     */
    public void dropNextMessage(String code, String message) {
        chat.dropNext(code, message);
    }

    /** Forgets the recorded requests and sent messages (a long-running load test keeps memory flat). */
    public void clearRecords() {
        chat.clear();
        requests.clear();
    }

    /**
     * The next Helix request (after authentication) is answered with {@code status} and no change.
     * Calls queue up; the failed request still spends a rate-limit point.
     *
     * @param status the HTTP status, such as 500 or 503, sent with Helix's error body
     */
    public void failNext(int status) {
        failures.add(status);
    }

    /**
     * Sets the points left in the current rate-limit window.
     *
     * @param points the points left; 0 or less makes every Helix request 429 until the reset
     */
    public void remainingPoints(int points) {
        rateLimit.remaining(points);
    }

    /**
     * The points left in the current rate-limit window.
     *
     * @return the points left, as the next {@code Ratelimit-Remaining} would count them
     */
    public int remainingPoints() {
        return rateLimit.remaining();
    }

    /**
     * How many subscriptions {@code GET /helix/eventsub/subscriptions} returns per page; default
     * 100.
     *
     * @param size the page size; smaller sizes let a test walk the {@code pagination} cursor
     */
    public void subscriptionPageSize(int size) {
        subscriptions.pageSize(size);
    }

    /**
     * Every chat message sent, in order.
     *
     * @return a copy, dropped messages included, since start or the last {@link #clearRecords()}
     */
    public List<SentChatMessage> sentMessages() {
        return chat.sent();
    }

    /**
     * How many chat messages were sent (without copying them).
     *
     * @return the number of Send Chat Message requests accepted, dropped ones included
     */
    public int sentMessageCount() {
        return chat.sentCount();
    }

    /**
     * Waits up to 10 seconds until at least {@code count} chat messages were sent.
     *
     * @param count how many Send Chat Message requests to wait for, dropped ones included
     * @return every chat message sent so far, at least {@code count}
     * @throws AssertionError naming the count and the messages seen, when fewer arrived in time
     */
    public List<SentChatMessage> awaitSentMessages(int count) {
        return awaitSentMessages(count, Await.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until at least {@code count} chat messages were sent, and returns them all.
     *
     * @param count how many Send Chat Message requests to wait for, dropped ones included
     * @param timeout how long to wait at most
     * @return every chat message sent so far, at least {@code count}
     * @throws AssertionError naming the count and the messages seen, when fewer arrived in time
     */
    public List<SentChatMessage> awaitSentMessages(int count, Duration timeout) {
        return Await.until(count + " sent chat message(s)", timeout, this::sentMessages, l -> l.size() >= count,
                l -> l.size() + ": " + l.stream().map(SentChatMessage::message).toList());
    }

    /**
     * Every request received, in order.
     *
     * @return a copy, refused requests included, since start or the last {@link #clearRecords()}
     */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /**
     * The requests matching {@code filter}.
     *
     * @param filter the condition a request must meet
     * @return the matching requests, in order of arrival
     */
    public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        return requests().stream().filter(filter).toList();
    }

    /**
     * The subscriptions, as {@code GET /helix/eventsub/subscriptions} shows them.
     *
     * @return the subscriptions, in order of creation
     */
    public List<FakeSubscription> subscriptions() {
        return subscriptions.all();
    }

    /**
     * Waits up to 10 seconds until the subscription {@code id} has {@code status}.
     *
     * @param id the subscription id
     * @param status the status to wait for, such as {@code enabled}
     * @return the subscription with that status
     * @throws AssertionError naming the id, the status awaited and the status seen (or that the
     *     subscription does not exist) when it is not reached in time
     */
    public FakeSubscription awaitSubscriptionStatus(String id, String status) {
        return awaitSubscriptionStatus(id, status, Await.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until the subscription {@code id} has {@code status}.
     *
     * @param id the subscription id
     * @param status the status to wait for, such as {@code enabled}
     * @param timeout how long to wait at most
     * @return the subscription with that status
     * @throws AssertionError naming the id, the status awaited and the status seen (or that the
     *     subscription does not exist) when it is not reached within {@code timeout}
     */
    public FakeSubscription awaitSubscriptionStatus(String id, String status, Duration timeout) {
        return Await.until("subscription " + id + " to be " + status, timeout,
                () -> subscriptions.all().stream().filter(s -> s.id().equals(id)).findFirst(),
                s -> s.isPresent() && s.get().status().equals(status),
                s -> s.map(found -> "status " + found.status()).orElse("no such subscription")).orElseThrow();
    }

    /**
     * Waits up to 10 seconds until there are at least {@code count} subscriptions.
     *
     * @param count how many subscriptions to wait for, whatever their status
     * @return the subscriptions, at least {@code count}, in order of creation
     * @throws AssertionError naming the count and the subscriptions seen when fewer exist in time
     */
    public List<FakeSubscription> awaitSubscriptions(int count) {
        return awaitSubscriptions(count, Await.DEFAULT_TIMEOUT);
    }

    /**
     * Waits until there are at least {@code count} subscriptions.
     *
     * @param count how many subscriptions to wait for, whatever their status
     * @param timeout how long to wait at most
     * @return the subscriptions, at least {@code count}, in order of creation
     * @throws AssertionError naming the count and the subscriptions seen when fewer exist in time
     */
    public List<FakeSubscription> awaitSubscriptions(int count, Duration timeout) {
        return Await.until(count + " subscription(s)", timeout, subscriptions::all, l -> l.size() >= count,
                l -> l.size() + ": " + l);
    }

    /**
     * Sets the status of a subscription (for example a revocation reason) without telling anyone.
     *
     * @param id the subscription id
     * @param status the new status, such as {@code authorization_revoked}
     * @throws IllegalArgumentException when there is no subscription {@code id}
     */
    public void setSubscriptionStatus(String id, String status) {
        subscriptions.status(id, status);
    }

    /**
     * When a test needs it: the current time of the fake's clock.
     *
     * @return the clock's current instant
     */
    public Instant now() {
        return clock.instant();
    }

    /** Stops serving and verifying. */
    @Override
    public void close() {
        server.stop();
        subscriptions.stop();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String query = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path, query, headers,
                    new String(body, StandardCharsets.UTF_8)));
            if (path.equals("/oauth2/token")) {
                tokens.serve(exchange, query, body);
            } else if (path.startsWith("/helix/")) {
                helix(exchange, path.substring("/helix/".length()), query, headers, body);
            } else {
                HelixHttp.send(exchange, 404, HelixHttp.error(404, "Not Found", "page not found"));
            }
        } catch (RuntimeException e) {
            HelixHttp.send(exchange, 500, HelixHttp.error(500, "Internal Server Error", e.toString()));
        }
    }

    private void helix(HttpExchange exchange, String endpoint, String query, Map<String, String> headers, byte[] body)
            throws IOException {
        String authorization = headers.getOrDefault("authorization", "");
        if (authorization.isEmpty()) {
            HelixHttp.send(exchange, 401, HelixHttp.error(401, "Unauthorized", "OAuth token is missing"));
            return;
        }
        if (!authorization.startsWith("Bearer ") || !tokens.valid(authorization.substring(7))) {
            HelixHttp.send(exchange, 401, HelixHttp.error(401, "Unauthorized", "Invalid OAuth token"));
            return;
        }
        if (!headers.getOrDefault("client-id", "").equals(tokens.clientId())) {
            HelixHttp.send(exchange, 401, HelixHttp.error(401, "Unauthorized", "Client ID and OAuth token do not match"));
            return;
        }
        if (!rateLimit.spend(exchange)) {
            HelixHttp.send(exchange, 429, HelixHttp.error(429, "Too Many Requests", "Too Many Requests"));
            return;
        }
        if (!failures.isEmpty()) {
            int status = failures.remove(0);
            HelixHttp.send(exchange, status, HelixHttp.error(status, HelixHttp.reasonPhrase(status), "failing as told"));
            return;
        }
        switch (exchange.getRequestMethod() + " " + endpoint) {
            case "POST chat/messages" -> chat.chatMessage(exchange, body);
            case "GET users" -> chat.users(exchange, query);
            case "POST eventsub/subscriptions" -> subscriptions.create(exchange, body);
            case "GET eventsub/subscriptions" -> subscriptions.list(exchange, query);
            case "DELETE eventsub/subscriptions" -> subscriptions.delete(exchange, query);
            default -> HelixHttp.send(exchange, 404, HelixHttp.error(404, "Not Found", "page not found"));
        }
    }

    /** Configures a {@link FakeHelixApi}. */
    public static final class Builder {
        private String clientId = "fake-client-id";
        private String clientSecret = "fake-client-secret";
        private Clock clock = Clock.systemUTC();
        private int pointsPerMinute = 800;
        private Duration tokenLifetime = Duration.ofSeconds(5011271);

        private Builder() {}

        /**
         * The client id and secret the token endpoint accepts.
         *
         * @param id the client id; not null
         * @param secret the client secret; not null
         * @return this builder, for chaining
         */
        public Builder client(String id, String secret) {
            this.clientId = Objects.requireNonNull(id, "id");
            this.clientSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * The clock for rate-limit windows and timestamps; default the system clock.
         *
         * @param value the clock; not null
         * @return this builder, for chaining
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The rate-limit bucket size per minute; default 800, as Twitch gives an app access token.
         *
         * @param points the points per one-minute window, at least 1; each Helix request costs one
         * @return this builder, for chaining
         * @throws IllegalArgumentException when {@code points} is less than 1
         */
        public Builder pointsPerMinute(int points) {
            if (points < 1) {
                throw new IllegalArgumentException("points must be positive, was " + points);
            }
            this.pointsPerMinute = points;
            return this;
        }

        /**
         * The {@code expires_in} of issued tokens. The fake only reports it: tokens stay valid
         * until {@link FakeHelixApi#expireTokens()}.
         *
         * @param value the lifetime, sent in whole seconds; not null
         * @return this builder, for chaining
         */
        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = Objects.requireNonNull(value, "tokenLifetime");
            return this;
        }

        /**
         * Starts the fake on a free loopback port.
         *
         * @return the running fake; close it after the test
         * @throws IllegalStateException when no loopback port can be bound
         */
        public FakeHelixApi start() {
            try {
                return new FakeHelixApi(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the fake Helix API: " + e.getMessage(), e);
            }
        }
    }
}
