package dev.chorusbot.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chorusbot.testkit.internal.TestkitUris;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Telegram Bot API server on loopback. It answers {@code POST /bot<token>/<method>} with
 * the real envelope ({@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":…,
 * "description":…,"parameters":…}}) and the real error descriptions, records every call, queues
 * updates for getUpdates (offset, timeout, one poller at a time), delivers updates to a webhook
 * the way Telegram does, and can be told to fail.
 *
 * <p>Implemented methods: getMe, sendMessage, editMessageText, answerCallbackQuery, setWebhook,
 * deleteWebhook, getWebhookInfo, getUpdates, setMyCommands, getMyCommands,
 * getChatAdministrators. Others answer 404 "Not Found", as Telegram does.
 *
 * <p>Checks as Telegram makes them: a wrong token is 401 "Unauthorized"; an unknown chat is
 * "Bad Request: chat not found"; empty text "Bad Request: message text is empty"; text over 4096
 * UTF-16 units "Bad Request: message is too long"; callback_data over 64 bytes
 * "Bad Request: BUTTON_DATA_INVALID"; a blocked user "Forbidden: bot was blocked by the user"; a
 * migrated group "Bad Request: group chat was upgraded to a supergroup chat" with
 * {@code migrate_to_chat_id}; getUpdates while a webhook is set, or while another getUpdates
 * waits, 409 with Telegram's two Conflict sentences.
 */
public final class FakeTelegramServer implements AutoCloseable {
    /** A well-formed token for tests; the bot id is 7000000001. */
    public static final String DEFAULT_TOKEN = "7000000001:AAFakeTokenForChorusTests_0123456789abc";

    static final String WEBHOOK_CONFLICT =
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
    static final String POLLING_CONFLICT =
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)/?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final FakeUser bot;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient webhookClient;
    private final AtomicLong updateIds = new AtomicLong(100_000);
    private final AtomicLong messageIds = new AtomicLong(1_000);
    private final Object lock = new Object();
    private final List<ApiCall> calls = new ArrayList<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final ArrayDeque<ObjectNode> updates = new ArrayDeque<>();
    private final Map<String, ArrayDeque<Failure>> failures = new HashMap<>();
    private final Map<Long, FakeChat> chats = new HashMap<>();
    private final Set<Long> blocked = new HashSet<>();
    private final Map<Long, Long> migrations = new HashMap<>();
    private final Map<Long, List<ObjectNode>> administrators = new HashMap<>();
    private JsonNode commands = JSON.createArrayNode();
    private String webhookUrl = "";
    private Optional<String> webhookSecret = Optional.empty();
    private long pollGeneration;
    private int waitingPolls;
    private int maxDeliveryAttempts = 3;
    private Duration redeliveryDelay = Duration.ofMillis(50);

    private FakeTelegramServer(String token, String botUsername) throws IOException {
        this.token = token;
        this.bot = new FakeUser(Long.parseLong(token.substring(0, token.indexOf(':'))), "Chorus", Optional.empty(),
                Optional.of(botUsername), true);
        // The JDK server writes headers and body separately; without TCP_NODELAY the body waits for
        // the client's delayed ACK (40 ms on Linux), so every Bot API call took 40 ms. The JDK reads
        // this once, when its first server starts: set it as the core's WebhookServer does, unless
        // it was set already.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-telegram");
            t.setDaemon(true);
            return t;
        });
        this.webhookClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * Starts a fake for {@link #DEFAULT_TOKEN}, whose bot is {@code @chorus_test_bot}.
     *
     * @return the running fake, on a free loopback port; close it after the test
     * @throws IllegalStateException when no loopback port can be bound
     */
    public static FakeTelegramServer start() {
        return start(DEFAULT_TOKEN, "chorus_test_bot");
    }

    /**
     * Starts a fake that accepts {@code token} and whose bot has {@code botUsername}.
     *
     * @param token the only token the fake accepts, {@code <bot id>:<secret>}; the digits before
     *     the colon become the bot's user id
     * @param botUsername the bot's username without {@code @}, as getMe returns it
     * @return the running fake, on a free loopback port; close it after the test
     * @throws IllegalStateException when no loopback port can be bound
     * @throws IllegalArgumentException when the token is not {@code <bot id>:<secret>}; the message
     *     does not repeat the token
     */
    public static FakeTelegramServer start(String token, String botUsername) {
        if (token == null || !token.matches("[0-9]{1,15}:[^\\s]+")) {
            throw new IllegalArgumentException("a Telegram bot token has the form <bot id>:<secret>, such as"
                    + " 123456:ABC-DEF1234ghIkl; the one given does not");
        }
        try {
            return new FakeTelegramServer(token, botUsername);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the fake Telegram server on loopback", e);
        }
    }

    /**
     * The base URL to configure as the Bot API server, such as {@code http://127.0.0.1:41234}.
     *
     * @return the loopback address and port, without a path or a trailing slash
     */
    public URI apiUrl() {
        return TestkitUris.http(server.getAddress());
    }

    /**
     * The token the fake accepts.
     *
     * @return the token given at start; every other token is answered 401 "Unauthorized"
     */
    public String token() {
        return token;
    }

    /**
     * The bot's own account, as getMe returns it.
     *
     * @return a bot user named "Chorus" with the id from the token and the username given at start
     */
    public FakeUser bot() {
        return bot;
    }

    // ---- the world -------------------------------------------------------------------------

    /**
     * A user with a fresh id above 2^32 (Telegram ids exceed 32 bits).
     *
     * @param firstName the first name
     * @param lastName the last name, or null for none
     * @param username the username without {@code @}, or null for none
     * @return a human user whose id no other user of this fake has
     */
    public FakeUser user(String firstName, String lastName, String username) {
        return FakeUser.of(5_000_000_000L + updateIds.incrementAndGet(), firstName, lastName, username);
    }

    /**
     * Makes {@code chat} known, so the bot may send to it. Chats in built updates are known
     * already.
     *
     * @param chat the chat; replaces a known chat with the same id
     * @return this fake, for chaining
     */
    public FakeTelegramServer addChat(FakeChat chat) {
        synchronized (lock) {
            chats.put(chat.id(), chat);
        }
        return this;
    }

    /**
     * {@code user} blocked the bot: sends to their private chat fail with 403.
     *
     * @param user the user who blocked the bot
     * @return this fake, for chaining
     */
    public FakeTelegramServer blockedBy(FakeUser user) {
        synchronized (lock) {
            blocked.add(user.id());
        }
        return this;
    }

    /**
     * The group {@code groupId} became the supergroup {@code supergroupId}: sends to the group fail
     * with 400 and {@code migrate_to_chat_id}, and the supergroup is known, with the group's title.
     *
     * @param groupId the id of the old basic group
     * @param supergroupId the id of the new supergroup, {@code -100…}
     * @return this fake, for chaining
     */
    public FakeTelegramServer migrate(long groupId, long supergroupId) {
        synchronized (lock) {
            migrations.put(groupId, supergroupId);
            FakeChat old = chats.get(groupId);
            chats.put(supergroupId, new FakeChat(supergroupId, "supergroup", old == null ? "" : old.title(), false));
        }
        return this;
    }

    /**
     * Sets the administrators getChatAdministrators returns for {@code chat}, and makes the chat
     * known.
     *
     * @param chat the group, supergroup or channel
     * @param creator the chat's owner, listed first with the status {@code creator}
     * @param admins the other administrators, listed in order with the status
     *     {@code administrator}; none for an owner alone
     * @return this fake, for chaining
     */
    public FakeTelegramServer administrators(FakeChat chat, FakeUser creator, FakeUser... admins) {
        List<ObjectNode> list = new ArrayList<>();
        list.add(JSON.createObjectNode().put("status", "creator").<ObjectNode>set("user", userJson(creator))
                .put("is_anonymous", false));
        for (FakeUser admin : admins) {
            list.add(JSON.createObjectNode().put("status", "administrator").<ObjectNode>set("user", userJson(admin))
                    .put("can_be_edited", false).put("is_anonymous", false));
        }
        synchronized (lock) {
            chats.put(chat.id(), chat);
            administrators.put(chat.id(), list);
        }
        return this;
    }

    // ---- building updates ------------------------------------------------------------------

    /**
     * A {@code message} update from {@code from} in {@code chat}. A text starting with a command
     * ({@code /hello}, {@code /hello@bot}) gets a {@code bot_command} entity, as Telegram adds.
     *
     * @param chat the chat the message is in; it becomes known to the fake
     * @param from the sender
     * @param text the message text
     * @return the update with a fresh {@code update_id} and {@code message_id}; queue it with
     *     {@link #enqueue} or send it with {@link #deliver(URI, ObjectNode)}
     */
    public ObjectNode message(FakeChat chat, FakeUser from, String text) {
        return update("message", messageJson(chat, Optional.of(from), text, Optional.empty()));
    }

    /**
     * A {@code message} update in a forum topic of {@code forum}.
     *
     * @param forum the supergroup with topics; it becomes known to the fake
     * @param threadId the topic's {@code message_thread_id}
     * @param from the sender
     * @param text the message text
     * @return the update, with {@code is_topic_message} set
     */
    public ObjectNode topicMessage(FakeChat forum, long threadId, FakeUser from, String text) {
        ObjectNode m = messageJson(forum, Optional.of(from), text, Optional.of(threadId));
        m.put("is_topic_message", true);
        return update("message", m);
    }

    /**
     * A {@code channel_post} update in {@code channel} (no {@code from}, as Telegram sends it).
     *
     * @param channel the channel; it becomes known and is the post's {@code sender_chat}
     * @param text the post's text
     * @return the update
     */
    public ObjectNode channelPost(FakeChat channel, String text) {
        ObjectNode m = messageJson(channel, Optional.empty(), text, Optional.empty());
        m.set("sender_chat", chatJson(channel));
        return update("channel_post", m);
    }

    /**
     * A {@code callback_query} update: {@code from} pressed a button with {@code data} under the
     * bot's message.
     *
     * @param chat the chat of the message with the button; it becomes known to the fake
     * @param from the user who pressed the button
     * @param messageId the id of the bot's message that carries the button
     * @param data the button's {@code callback_data}, 1 to 64 bytes on Telegram
     * @return the update, with a fresh callback query id
     */
    public ObjectNode callbackQuery(FakeChat chat, FakeUser from, long messageId, String data) {
        ObjectNode message = messageJson(chat, Optional.of(bot), "(a message with buttons)", Optional.empty());
        message.put("message_id", messageId);
        ObjectNode q = JSON.createObjectNode();
        q.put("id", Long.toString(4_000_000_000_000L + updateIds.incrementAndGet()));
        q.set("from", userJson(from));
        q.set("message", message);
        q.put("chat_instance", "-" + chat.id());
        q.put("data", data);
        return update("callback_query", q);
    }

    /**
     * An update of any {@code kind} ({@code my_chat_member}, {@code poll}, or one Telegram adds
     * later).
     *
     * @param kind the update's field name, such as {@code my_chat_member}
     * @param payload the object under that field, used as given
     * @return the update with a fresh {@code update_id}
     */
    public ObjectNode update(String kind, JsonNode payload) {
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", updateIds.incrementAndGet());
        u.set(kind, payload);
        return u;
    }

    private ObjectNode messageJson(FakeChat chat, Optional<FakeUser> from, String text, Optional<Long> thread) {
        addChat(chat);
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", messageIds.incrementAndGet());
        thread.ifPresent(t -> m.put("message_thread_id", t));
        from.ifPresent(f -> m.set("from", userJson(f)));
        m.set("chat", chatJson(chat));
        m.put("date", Instant.now().getEpochSecond());
        m.put("text", text);
        Matcher command = Pattern.compile("^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?").matcher(text);
        if (command.find()) {
            // MessageEntity offsets and lengths are UTF-16 code units, as Java string indexes.
            m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", command.end());
        }
        return m;
    }

    static ObjectNode userJson(FakeUser user) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", user.id());
        u.put("is_bot", user.isBot());
        u.put("first_name", user.firstName());
        user.lastName().ifPresent(l -> u.put("last_name", l));
        user.username().ifPresent(n -> u.put("username", n));
        if (!user.isBot()) {
            u.put("language_code", "en");
        }
        return u;
    }

    static ObjectNode chatJson(FakeChat chat) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", chat.id());
        c.put("type", chat.type());
        if (chat.type().equals("private")) {
            c.put("first_name", chat.title());
        } else {
            c.put("title", chat.title());
        }
        if (chat.isForum()) {
            c.put("is_forum", true);
        }
        return c;
    }

    // ---- feeding the bot ----------------------------------------------------------------------

    /**
     * Queues {@code update} for getUpdates, and wakes a waiting long poll.
     *
     * @param update the update, as built by {@link #message} and the other builders
     * @return this fake, for chaining
     */
    public FakeTelegramServer enqueue(ObjectNode update) {
        synchronized (lock) {
            updates.addLast(update);
            lock.notifyAll();
        }
        return this;
    }

    /**
     * Updates queued and not yet confirmed by a getUpdates offset.
     *
     * @return the number of queued updates, 0 when all were confirmed
     */
    public int pendingUpdates() {
        synchronized (lock) {
            return updates.size();
        }
    }

    /**
     * How many times a webhook delivery is tried, and the pause between tries; default 3 and 50 ms.
     *
     * @param attempts the most POSTs per delivery; 0 or less sends nothing
     * @param delay the pause after each attempt that was not answered 2xx
     * @return this fake, for chaining
     */
    public FakeTelegramServer redelivery(int attempts, Duration delay) {
        this.maxDeliveryAttempts = attempts;
        this.redeliveryDelay = delay;
        return this;
    }

    /**
     * POSTs {@code update} to {@code webhook} with the secret given to setWebhook, if any; see
     * {@link #deliver(URI, Optional, byte[])}.
     *
     * @param webhook the URL to POST to; any scheme the JDK client speaks, unlike setWebhook
     * @param update the update to send
     * @return how the delivery ended
     */
    public WebhookDelivery deliver(URI webhook, ObjectNode update) {
        Optional<String> secret;
        synchronized (lock) {
            secret = webhookSecret;
        }
        return deliver(webhook, secret, bytes(update));
    }

    /**
     * POSTs {@code body} to {@code webhook} as Telegram does: JSON, with
     * {@code X-Telegram-Bot-Api-Secret-Token} when {@code secret} is present, repeated while the
     * answer is not 2xx (up to the redelivery attempts). A {@code method} in a 2xx JSON answer is
     * executed as a Bot API call, as Telegram does with webhook replies.
     *
     * @param webhook the URL to POST to
     * @param secret the secret token header to send; empty to send none
     * @param body the request body, sent as given (it need not be valid JSON)
     * @return how the delivery ended; status 0 when the last attempt could not connect
     */
    public WebhookDelivery deliver(URI webhook, Optional<String> secret, byte[] body) {
        int status = 0;
        String answer = "";
        int attempt = 0;
        while (attempt < maxDeliveryAttempts) {
            attempt++;
            HttpRequest.Builder request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            secret.ifPresent(s -> request.header("X-Telegram-Bot-Api-Secret-Token", s));
            try {
                HttpResponse<String> response = webhookClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                answer = response.body();
            } catch (IOException e) {
                status = 0;
                answer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (status / 100 == 2) {
                executeWebhookReply(answer);
                break;
            }
            if (attempt == maxDeliveryAttempts) {
                break; // no pause after the last attempt: nothing follows it
            }
            try {
                Thread.sleep(redeliveryDelay.toMillis()); // Telegram's own pause between redeliveries
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new WebhookDelivery(status, answer, attempt);
    }

    private void executeWebhookReply(String answer) {
        if (answer.isBlank()) {
            return;
        }
        try {
            JsonNode call = JSON.readTree(answer);
            if (call.isObject() && call.hasNonNull("method")) {
                ObjectNode params = ((ObjectNode) call).deepCopy();
                String method = params.remove("method").asText();
                execute(method, params, true);
            }
        } catch (IOException e) {
            // Telegram ignores a webhook answer it cannot read
        }
    }

    // ---- failures ---------------------------------------------------------------------------

    /**
     * The next call of {@code method} fails as {@code failure}.
     *
     * @param method the Bot API method name, such as {@code sendMessage}; case-sensitive
     * @param failure how the call fails, from the factories of {@link Failure}
     * @return this fake, for chaining
     */
    public FakeTelegramServer failNext(String method, Failure failure) {
        return failNext(method, 1, failure);
    }

    /**
     * The next {@code times} calls of {@code method} fail as {@code failure}. Failures queue up
     * behind those already set for the method.
     *
     * @param method the Bot API method name, such as {@code sendMessage}; case-sensitive
     * @param times how many calls fail; 0 or less adds nothing
     * @param failure how the calls fail, from the factories of {@link Failure}
     * @return this fake, for chaining
     */
    public FakeTelegramServer failNext(String method, int times, Failure failure) {
        synchronized (lock) {
            ArrayDeque<Failure> queue = failures.computeIfAbsent(method, m -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.addLast(failure);
            }
        }
        return this;
    }

    // ---- what happened ---------------------------------------------------------------------

    /**
     * Every call so far, in order of arrival.
     *
     * @return a copy, including calls refused for a wrong token or an injected failure
     */
    public List<ApiCall> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /**
     * The calls of {@code method} so far.
     *
     * @param method the Bot API method name, such as {@code getUpdates}; case-sensitive
     * @return those calls in order of arrival; empty when there were none
     */
    public List<ApiCall> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }

    /**
     * Waits until at least {@code count} calls of {@code method} arrived, and returns them.
     *
     * @param method the Bot API method name; case-sensitive
     * @param count how many calls to wait for
     * @param timeout how long to wait at most
     * @return every call of {@code method} so far, at least {@code count}
     * @throws AssertionError when fewer calls arrived within {@code timeout}, or on interruption
     */
    public List<ApiCall> awaitCalls(String method, int count, Duration timeout) {
        return await(() -> calls(method), l -> l.size() >= count, timeout,
                () -> "expected " + count + " " + method + " calls, got " + calls(method).size());
    }

    /**
     * The messages accepted so far, through the API and through webhook responses.
     *
     * @return a copy, in order of acceptance; refused sends are not included
     */
    public List<SentMessage> sentMessages() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    /**
     * Waits until at least {@code count} messages were accepted, and returns them all.
     *
     * @param count how many accepted messages to wait for
     * @param timeout how long to wait at most
     * @return every message accepted so far, at least {@code count}
     * @throws AssertionError when fewer were accepted within {@code timeout}, or on interruption
     */
    public List<SentMessage> awaitSentMessages(int count, Duration timeout) {
        return await(this::sentMessages, l -> l.size() >= count, timeout,
                () -> "expected " + count + " sent messages, got " + sentMessages().size() + ": " + sentMessages());
    }

    private <T> T await(java.util.function.Supplier<T> read, Predicate<T> done, Duration timeout,
            java.util.function.Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                T value = read.get();
                if (done.test(value)) {
                    return value;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new AssertionError(failure.get());
                }
                try {
                    lock.wait(Math.min(left, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting: " + failure.get());
                }
            }
        }
    }

    /**
     * Waits until a getUpdates long poll is waiting for updates.
     *
     * @param timeout how long to wait at most
     * @throws AssertionError when no long poll waits within {@code timeout}, or on interruption
     */
    public void awaitWaitingPoll(Duration timeout) {
        await(() -> waitingPolls, n -> n > 0, timeout, () -> "no getUpdates long poll is waiting");
    }

    /**
     * The webhook URL set with setWebhook, or an empty string.
     *
     * @return the {@code https://} URL, or empty when none is set or it was deleted
     */
    public String webhookUrl() {
        synchronized (lock) {
            return webhookUrl;
        }
    }

    /**
     * The commands set with setMyCommands.
     *
     * @return the {@code commands} array as last accepted; an empty array before any call
     */
    public JsonNode myCommands() {
        synchronized (lock) {
            return commands;
        }
    }

    // ---- serving ----------------------------------------------------------------------------

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                write(exchange, 404, error(404, "Not Found", 0, null));
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            ObjectNode params = params(exchange, raw);
            String method = path.group(2);
            if (!path.group(1).equals(token)) {
                record(method, params, false, 401);
                write(exchange, 401, error(401, "Unauthorized", 0, null));
                return;
            }
            Failure failure;
            synchronized (lock) {
                ArrayDeque<Failure> queue = failures.get(method);
                failure = queue == null ? null : queue.pollFirst();
            }
            if (failure instanceof Failure.Drop) {
                record(method, params, false, 0);
                return; // closing the exchange unanswered drops the connection
            }
            if (failure instanceof Failure.Error e) {
                record(method, params, false, e.status());
                write(exchange, e.status(), error(e.status(), e.description(), e.retryAfter(), null));
                return;
            }
            if (failure instanceof Failure.Slow s) {
                sleep(s.delay());
            }
            Answer answer = execute(method, params, false);
            write(exchange, answer.status(), answer.body());
        }
    }

    private record Answer(int status, ObjectNode body) {}

    private Answer execute(String method, ObjectNode params, boolean viaWebhook) {
        Answer answer;
        try {
            answer = switch (method) {
                case "getMe" -> ok(userJson(bot).put("can_join_groups", true)
                        .put("can_read_all_group_messages", false).put("supports_inline_queries", false));
                case "sendMessage" -> sendMessage(params, viaWebhook);
                case "editMessageText" -> editMessageText(params);
                case "answerCallbackQuery" -> params.hasNonNull("callback_query_id")
                        ? ok(JSON.getNodeFactory().booleanNode(true))
                        : bad("Bad Request: query is too old and response timeout expired or query ID is invalid");
                case "setWebhook" -> setWebhook(params);
                case "deleteWebhook" -> deleteWebhook(params);
                case "getWebhookInfo" -> webhookInfo();
                case "getUpdates" -> null; // recorded and answered below: it may wait
                case "setMyCommands" -> setMyCommands(params);
                case "getMyCommands" -> ok(myCommands());
                case "getChatAdministrators" -> chatAdministrators(params);
                default -> new Answer(404, error(404, "Not Found", 0, null));
            };
        } catch (RuntimeException e) {
            answer = bad("Bad Request: " + e.getMessage());
        }
        if (answer == null) {
            return getUpdates(params);
        }
        record(method, params, viaWebhook, answer.status());
        return answer;
    }

    private Answer sendMessage(ObjectNode params, boolean viaWebhook) {
        long chatId = chatId(params);
        String text = params.path("text").asText("");
        synchronized (lock) {
            if (migrations.containsKey(chatId)) {
                ObjectNode body = error(400, "Bad Request: group chat was upgraded to a supergroup chat", 0,
                        migrations.get(chatId));
                return new Answer(400, body);
            }
            FakeChat chat = chats.get(chatId);
            if (chat == null) {
                return bad("Bad Request: chat not found");
            }
            if (blocked.contains(chatId)) {
                return new Answer(403, error(403, "Forbidden: bot was blocked by the user", 0, null));
            }
            if (text.isBlank()) {
                return bad("Bad Request: message text is empty");
            }
            if (text.length() > 4096) { // UTF-16 code units, as Telegram counts
                return bad("Bad Request: message is too long");
            }
            for (JsonNode row : params.path("reply_markup").path("inline_keyboard")) {
                for (JsonNode button : row) {
                    String data = button.path("callback_data").asText("");
                    if (button.has("callback_data")
                            && (data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64)) {
                        return bad("Bad Request: BUTTON_DATA_INVALID");
                    }
                }
            }
            long id = messageIds.incrementAndGet();
            Optional<Long> thread = params.hasNonNull("message_thread_id")
                    ? Optional.of(params.get("message_thread_id").asLong()) : Optional.empty();
            Optional<Long> replyTo = params.path("reply_parameters").hasNonNull("message_id")
                    ? Optional.of(params.path("reply_parameters").get("message_id").asLong()) : Optional.empty();
            Optional<String> parseMode = params.hasNonNull("parse_mode")
                    ? Optional.of(params.get("parse_mode").asText()) : Optional.empty();
            sent.add(new SentMessage(id, chatId, thread, text, parseMode, replyTo, params.path("reply_markup"),
                    viaWebhook));
            ObjectNode message = JSON.createObjectNode();
            message.put("message_id", id);
            thread.ifPresent(t -> message.put("message_thread_id", t));
            message.set("from", userJson(bot));
            message.set("chat", chatJson(chat));
            message.put("date", Instant.now().getEpochSecond());
            message.put("text", text);
            return ok(message);
        }
    }

    private Answer editMessageText(ObjectNode params) {
        long chatId = chatId(params);
        FakeChat chat;
        synchronized (lock) {
            chat = chats.get(chatId);
        }
        if (chat == null) {
            return bad("Bad Request: chat not found");
        }
        String text = params.path("text").asText("");
        if (text.isBlank()) {
            return bad("Bad Request: message text is empty");
        }
        if (text.length() > 4096) {
            return bad("Bad Request: MESSAGE_TOO_LONG");
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", params.path("message_id").asLong());
        message.set("chat", chatJson(chat));
        message.put("date", Instant.now().getEpochSecond());
        message.put("edit_date", Instant.now().getEpochSecond());
        message.put("text", text);
        return ok(message);
    }

    private Answer setWebhook(ObjectNode params) {
        String url = params.path("url").asText("");
        if (!url.isEmpty() && !url.startsWith("https://")) {
            return bad("Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }
        synchronized (lock) {
            webhookUrl = url;
            webhookSecret = params.hasNonNull("secret_token")
                    ? Optional.of(params.get("secret_token").asText()) : Optional.empty();
            lock.notifyAll(); // a waiting getUpdates is now in conflict
        }
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    private Answer deleteWebhook(ObjectNode params) {
        synchronized (lock) {
            webhookUrl = "";
            webhookSecret = Optional.empty();
            if (params.path("drop_pending_updates").asBoolean(false)) {
                updates.clear();
            }
        }
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    private Answer webhookInfo() {
        synchronized (lock) {
            ObjectNode info = JSON.createObjectNode();
            info.put("url", webhookUrl);
            info.put("has_custom_certificate", false);
            info.put("pending_update_count", updates.size());
            return ok(info);
        }
    }

    private Answer setMyCommands(ObjectNode params) {
        JsonNode list = params.path("commands");
        if (!list.isArray()) {
            return bad("Bad Request: can't parse commands JSON object");
        }
        for (JsonNode command : list) {
            if (!command.path("command").asText("").matches("[a-z0-9_]{1,32}")) {
                return bad("Bad Request: BOT_COMMAND_INVALID");
            }
            String description = command.path("description").asText("");
            if (description.isEmpty() || description.length() > 256) {
                return bad("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }
        synchronized (lock) {
            commands = list.deepCopy();
        }
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    private Answer chatAdministrators(ObjectNode params) {
        long chatId = chatId(params);
        synchronized (lock) {
            FakeChat chat = chats.get(chatId);
            if (chat == null) {
                return bad("Bad Request: chat not found");
            }
            if (chat.type().equals("private")) {
                return bad("Bad Request: there are no administrators in the private chat");
            }
            ArrayNode list = JSON.createArrayNode();
            administrators.getOrDefault(chatId, List.of()).forEach(list::add);
            return ok(list);
        }
    }

    private Answer getUpdates(ObjectNode params) {
        long offset = params.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        long timeout = Math.max(0, params.path("timeout").asLong(0));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        Answer answer;
        synchronized (lock) {
            long generation = ++pollGeneration;
            lock.notifyAll(); // an earlier getUpdates still waiting is terminated by this one
            while (true) {
                if (!webhookUrl.isEmpty()) {
                    answer = new Answer(409, error(409, WEBHOOK_CONFLICT, 0, null));
                    break;
                }
                if (generation != pollGeneration) {
                    answer = new Answer(409, error(409, POLLING_CONFLICT, 0, null));
                    break;
                }
                if (offset > 0) {
                    while (!updates.isEmpty() && updates.peekFirst().path("update_id").asLong() < offset) {
                        updates.pollFirst(); // confirmed: "all previous updates will be forgotten"
                    }
                }
                if (!updates.isEmpty() || System.nanoTime() >= deadline) {
                    ArrayNode result = JSON.createArrayNode();
                    for (ObjectNode update : updates) {
                        if (result.size() >= limit) {
                            break;
                        }
                        result.add(update);
                    }
                    answer = ok(result);
                    break;
                }
                waitingPolls++;
                lock.notifyAll();
                try {
                    lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer = ok(JSON.createArrayNode());
                    break;
                } finally {
                    waitingPolls--;
                }
            }
            record("getUpdates", params, false, answer.status());
        }
        return answer;
    }

    private static long chatId(ObjectNode params) {
        JsonNode id = params.get("chat_id");
        if (id == null || id.asText().isEmpty()) {
            throw new IllegalArgumentException("chat_id is empty");
        }
        if (id.isNumber()) {
            return id.asLong();
        }
        try {
            return Long.parseLong(id.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chat not found");
        }
    }

    private void record(String method, ObjectNode params, boolean viaWebhook, int status) {
        synchronized (lock) {
            calls.add(new ApiCall(method, params, viaWebhook, Instant.now(), status));
            lock.notifyAll();
        }
    }

    private static Answer ok(JsonNode result) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ok", true);
        body.set("result", result);
        return new Answer(200, body);
    }

    private static Answer bad(String description) {
        return new Answer(400, error(400, description, 0, null));
    }

    static ObjectNode error(int code, String description, int retryAfter, Long migrateTo) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ok", false);
        body.put("error_code", code);
        body.put("description", description);
        if (retryAfter > 0 || migrateTo != null) {
            ObjectNode parameters = body.putObject("parameters");
            if (retryAfter > 0) {
                parameters.put("retry_after", retryAfter);
            }
            if (migrateTo != null) {
                parameters.put("migrate_to_chat_id", migrateTo);
            }
        }
        return body;
    }

    private static ObjectNode params(HttpExchange exchange, byte[] raw) {
        ObjectNode params = JSON.createObjectNode();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            form(query, params);
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (raw.length > 0) {
            if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
                form(new String(raw, StandardCharsets.UTF_8), params);
            } else {
                try {
                    JsonNode body = JSON.readTree(raw);
                    if (body != null && body.isObject()) {
                        params.setAll((ObjectNode) body);
                    }
                } catch (IOException e) {
                    params.put("_malformed", true);
                }
            }
        }
        return params;
    }

    private static void form(String text, ObjectNode params) {
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                try {
                    JsonNode parsed = value.startsWith("{") || value.startsWith("[") ? JSON.readTree(value) : null;
                    if (parsed != null) {
                        params.set(name, parsed);
                        continue;
                    }
                } catch (IOException e) {
                    // not JSON: keep the text
                }
                params.put(name, value);
            }
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = bytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis()); // an injected slow answer: the delay is the point
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server and wakes any waiting getUpdates. */
    @Override
    public void close() {
        synchronized (lock) {
            pollGeneration++;
            lock.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeTelegramServer[" + apiUrl() + "]";
    }
}
