package dev.chorusbot.testkit.discord;

import dev.chorusbot.core.Api;
import dev.chorusbot.testkit.internal.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A fake of Discord's REST API (v10) on loopback. Its {@link #apiUrl()} is the base a bot is
 * configured with ({@code DISCORD_API_URL}); it answers:
 * <ul>
 *   <li>{@code POST /channels/{id}/messages} and {@code PATCH /channels/{id}/messages/{id}}: records
 *       the message or edit and returns a message object; a {@code nonce} with {@code enforce_nonce}
 *       seen before returns the message already created;</li>
 *   <li>{@code GET /users/@me}: the bot's user ({@link #applicationId()}, bot name {@code Chorus});</li>
 *   <li>{@code GET /gateway/bot}: the {@link Builder#gateway(URI, int, int) gateway URL}, shard count and
 *       {@code session_start_limit} with {@code max_concurrency};</li>
 *   <li>{@code PUT}/{@code GET /applications/{app}/commands} and the guild variant: the set replaces
 *       the old one, a command named again keeps its id;</li>
 *   <li>{@code POST /webhooks/{app}/{token}} (follow-ups), {@code PATCH
 *       /webhooks/{app}/{token}/messages/@original}, and {@code POST
 *       /interactions/{id}/{token}/callback} (answered 204; a second answer to one interaction is
 *       Discord's 400, code 40060).</li>
 * </ul>
 *
 * <p>As Discord does: calls outside the interaction routes need {@code Authorization: Bot <token>}
 * (else 401 {@code {"message": "401: Unauthorized", "code": 0}}) and count against the global limit
 * of 50 a second (a 429 with {@code "global": true} and {@code X-RateLimit-Global} when exceeded);
 * message creates and edits of a channel share a bucket ({@link Builder#bucket}, by default 5 per
 * 5 s) announced in {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset}, {@code
 * -Reset-After} and {@code -Bucket}, and a call past it is a 429 with {@code retry_after}; an empty
 * message is 50006, content over 2000 characters or a {@code custom_id} not of 1 to 100 characters
 * a 50035 form error. Every 429 the fake had to give is counted ({@link #rateLimitViolations()}),
 * so a test can show a client never ran into a limit.
 *
 * <p>Like every fake of the testkit: {@link #start()}, {@link #builder()}, {@link #close()}, recorded
 * calls as records, and {@code await…} methods that fail naming what they waited for.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class FakeDiscordApi implements AutoCloseable {
    /** A well-formed bot token for tests; its first part is the application id in base64. */
    public static final String DEFAULT_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.GChrus.FakeTokenForChorusDiscordTests_0123";
    /** The application (and bot user) id of {@link #DEFAULT_TOKEN}. */
    public static final String DEFAULT_APPLICATION_ID = "100000000000000001";

    private final Builder settings;
    private final DiscordApiServer server;

    private FakeDiscordApi(Builder settings) throws IOException {
        this.settings = settings;
        this.server = new DiscordApiServer(settings);
    }

    /**
     * Starts a fake with the defaults: {@link #DEFAULT_TOKEN}, buckets of 5 messages per 5 s.
     *
     * @return the running fake, on a free loopback port; close it after the test
     * @throws UncheckedIOException when no loopback port can be bound
     */
    public static FakeDiscordApi start() {
        return builder().start();
    }

    /**
     * A builder, for another token, other limits or a gateway URL.
     *
     * @return a builder with the defaults; finish with {@link Builder#start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URL to configure as the REST API ({@code DISCORD_API_URL}).
     *
     * @return {@code http://127.0.0.1:port/api/v10}
     */
    public URI apiUrl() {
        return server.url();
    }

    /**
     * The bot token the fake accepts.
     *
     * @return the token; calls with another get 401
     */
    public String token() {
        return settings.token;
    }

    /**
     * The application id the fake accepts command registrations for; also the bot user's id.
     *
     * @return the snowflake
     */
    public String applicationId() {
        return settings.applicationId;
    }

    // ---- what the bot did ------------------------------------------------------------------

    /**
     * Every call received, in order.
     *
     * @return a snapshot
     */
    public List<DiscordCall> calls() {
        return snapshot(s -> s.calls);
    }

    /**
     * The messages created in channels, in order.
     *
     * @return a snapshot
     */
    public List<SentDiscordMessage> messages() {
        return snapshot(s -> s.messages);
    }

    /**
     * The edits of channel messages, in order.
     *
     * @return a snapshot
     */
    public List<SentDiscordMessage> edits() {
        return snapshot(s -> s.edits);
    }

    /**
     * The follow-up messages ({@code POST /webhooks/{app}/{token}}), in order.
     *
     * @return a snapshot
     */
    public List<SentDiscordMessage> followUps() {
        return snapshot(s -> s.followUps);
    }

    /**
     * The edits of interactions' original answers ({@code PATCH …/messages/@original}), in order.
     *
     * @return a snapshot
     */
    public List<SentDiscordMessage> originalEdits() {
        return snapshot(s -> s.originalEdits);
    }

    /**
     * The interaction tokens whose original answer was deleted ({@code DELETE …/messages/@original}),
     * in order.
     *
     * @return a snapshot
     */
    public List<String> originalDeletes() {
        return snapshot(s -> s.originalDeletes);
    }

    /**
     * Waits until {@code count} interaction callbacks were sent by REST.
     *
     * @param count how many
     * @param timeout how long to wait
     * @return the callbacks so far, at least {@code count}
     * @throws AssertionError naming the count and what was seen when the timeout passes
     */
    public List<InteractionCallback> awaitInteractionCallbacks(int count, Duration timeout) {
        return Await.until(count + " interaction callbacks", timeout, this::interactionCallbacks,
                l -> l.size() >= count, l -> l.size() + ": " + l.stream().map(InteractionCallback::type).toList());
    }

    /**
     * The interaction callbacks sent by REST, in order.
     *
     * @return a snapshot
     */
    public List<InteractionCallback> interactionCallbacks() {
        return snapshot(s -> s.callbacks);
    }

    /**
     * The global commands as last registered.
     *
     * @return the commands of the last {@code PUT /applications/{app}/commands}, empty before one
     */
    public List<RegisteredCommand> commands() {
        return server.commands(Optional.empty());
    }

    /**
     * A guild's commands as last registered.
     *
     * @param guildId the guild's id
     * @return the commands of the last {@code PUT …/guilds/{guildId}/commands}, empty before one
     */
    public List<RegisteredCommand> guildCommands(String guildId) {
        return server.commands(Optional.of(Objects.requireNonNull(guildId, "guildId")));
    }

    /**
     * The 429s the fake gave because a bucket or the global limit ran out (injected ones not
     * counted): zero for a client that keeps the limits.
     *
     * @return the count
     */
    public int rateLimitViolations() {
        synchronized (server) {
            return server.rateLimitViolations + server.globalLimitViolations;
        }
    }

    /**
     * The 429s the fake gave because the global limit ran out.
     *
     * @return the count
     */
    public int globalLimitViolations() {
        synchronized (server) {
            return server.globalLimitViolations;
        }
    }

    /**
     * Waits until {@code count} channel messages were created.
     *
     * @param count how many
     * @param timeout how long to wait
     * @return the messages so far, at least {@code count}
     * @throws AssertionError naming the count and what was seen when the timeout passes
     */
    public List<SentDiscordMessage> awaitMessages(int count, Duration timeout) {
        return Await.until(count + " Discord messages", timeout, this::messages, l -> l.size() >= count,
                l -> l.size() + ": " + l.stream().map(SentDiscordMessage::content).toList());
    }

    /**
     * Waits until {@code count} follow-up messages were sent.
     *
     * @param count how many
     * @param timeout how long to wait
     * @return the follow-ups so far, at least {@code count}
     * @throws AssertionError naming the count and what was seen when the timeout passes
     */
    public List<SentDiscordMessage> awaitFollowUps(int count, Duration timeout) {
        return Await.until(count + " follow-up messages", timeout, this::followUps, l -> l.size() >= count,
                l -> l.size() + ": " + l.stream().map(SentDiscordMessage::content).toList());
    }

    /**
     * Waits until {@code count} edits of original answers were sent.
     *
     * @param count how many
     * @param timeout how long to wait
     * @return the edits so far, at least {@code count}
     * @throws AssertionError naming the count and what was seen when the timeout passes
     */
    public List<SentDiscordMessage> awaitOriginalEdits(int count, Duration timeout) {
        return Await.until(count + " edits of @original", timeout, this::originalEdits, l -> l.size() >= count,
                l -> l.size() + ": " + l.stream().map(SentDiscordMessage::content).toList());
    }

    /**
     * Waits until {@code count} calls were received.
     *
     * @param count how many
     * @param timeout how long to wait
     * @return the calls so far, at least {@code count}
     * @throws AssertionError naming the count and what was seen when the timeout passes
     */
    public List<DiscordCall> awaitCalls(int count, Duration timeout) {
        return Await.until(count + " REST calls", timeout, this::calls, l -> l.size() >= count,
                l -> l.size() + ": " + l.stream().map(c -> c.method() + " " + c.path() + " " + c.status()).toList());
    }

    // ---- failures ----------------------------------------------------------------------------

    /**
     * Answers the next {@code times} calls with a 429: {@code {"message": "You are being rate
     * limited.", "retry_after": …, "global": …}} with {@code Retry-After}, {@code X-RateLimit-Scope}
     * and, when global, {@code X-RateLimit-Global: true}.
     *
     * @param times how many calls
     * @param retryAfter the {@code retry_after} to give
     * @param global whether it is the global limit
     */
    public void rateLimitNext(int times, Duration retryAfter, boolean global) {
        server.fail(new DiscordApiServer.Failure.RateLimited(Objects.requireNonNull(retryAfter, "retryAfter"), global),
                times);
    }

    /**
     * Answers the next call with Discord's error body {@code {"message": …, "code": …}}.
     *
     * @param status the HTTP status, such as 403 or 404
     * @param code Discord's JSON error code, such as 50013 or 10003
     * @param message Discord's message, such as {@code Missing Permissions} or {@code Unknown Channel}
     */
    public void errorNext(int status, int code, String message) {
        server.fail(new DiscordApiServer.Failure.ApiError(status, code, Objects.requireNonNull(message, "message")), 1);
    }

    /**
     * Answers the next {@code times} calls with {@code status} and an HTML page, as a proxy in front
     * of Discord does (502, 503).
     *
     * @param times how many calls
     * @param status the status, 500 to 599
     */
    public void serverErrorNext(int times, int status) {
        server.fail(new DiscordApiServer.Failure.ServerError(status), times);
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    private <T> List<T> snapshot(Function<DiscordApiServer, List<T>> list) {
        synchronized (server) {
            return List.copyOf(list.apply(server));
        }
    }

    /** Options of a {@link FakeDiscordApi}. */
    public static final class Builder {
        String token = DEFAULT_TOKEN;
        String applicationId = DEFAULT_APPLICATION_ID;
        String botName = "Chorus";
        int bucketLimit = 5;
        Duration bucketWindow = Duration.ofSeconds(5);
        int globalLimit = 50;
        URI gatewayUrl = URI.create("wss://gateway.discord.gg");
        int shards = 1;
        int maxConcurrency = 1;
        int sessionsTotal = 1000;
        int sessionsRemaining = 999;
        Duration sessionsResetAfter = Duration.ofMillis(14_400_000);

        private Builder() {}

        /**
         * The token and application id the fake accepts.
         *
         * @param botToken the bot token
         * @param appId the application's id, digits
         * @return this builder
         */
        public Builder token(String botToken, String appId) {
            this.token = Objects.requireNonNull(botToken, "botToken");
            this.applicationId = Objects.requireNonNull(appId, "appId");
            return this;
        }

        /**
         * The bucket of each channel's message creates (and, separately, edits): {@code limit} calls
         * per {@code window}, from the first call of a window; default 5 per 5 s as Discord gives.
         *
         * @param limit calls per window, at least 1
         * @param window the window
         * @return this builder
         */
        public Builder bucket(int limit, Duration window) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, was " + limit);
            }
            this.bucketLimit = limit;
            this.bucketWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * The global limit per second; default 50.
         *
         * @param perSecond calls per second, at least 1
         * @return this builder
         */
        public Builder globalLimit(int perSecond) {
            if (perSecond < 1) {
                throw new IllegalArgumentException("perSecond must be at least 1, was " + perSecond);
            }
            this.globalLimit = perSecond;
            return this;
        }

        /**
         * What {@code GET /gateway/bot} answers.
         *
         * @param url the gateway's URL, such as a {@code FakeDiscordGateway}'s
         * @param shardCount the recommended shard count
         * @param concurrency {@code session_start_limit.max_concurrency}
         * @return this builder
         */
        public Builder gateway(URI url, int shardCount, int concurrency) {
            this.gatewayUrl = Objects.requireNonNull(url, "url");
            this.shards = shardCount;
            this.maxConcurrency = concurrency;
            return this;
        }

        /**
         * What {@code GET /gateway/bot} says of {@code session_start_limit}; default 1000 in total,
         * 999 remaining, reset after 4 hours.
         *
         * @param total {@code total}: session starts allowed a day
         * @param remaining {@code remaining}: starts left now
         * @param resetAfter {@code reset_after}: when {@code remaining} is back at {@code total}
         * @return this builder
         */
        public Builder sessionStartLimit(int total, int remaining, Duration resetAfter) {
            this.sessionsTotal = total;
            this.sessionsRemaining = remaining;
            this.sessionsResetAfter = Objects.requireNonNull(resetAfter, "resetAfter");
            return this;
        }

        /**
         * Starts the fake.
         *
         * @return the running fake; close it after the test
         * @throws UncheckedIOException when no loopback port can be bound
         */
        public FakeDiscordApi start() {
            try {
                return new FakeDiscordApi(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
