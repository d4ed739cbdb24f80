package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.testkit.telegram.Failure;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.SentMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every entry point must do with a Telegram webhook update, whatever the cloud. The bot is
 * the real Telegram adapter against the testkit's {@link FakeTelegramServer}; each subclass
 * delivers the update the way its cloud does (an event JSON, a runtime, an HTTP server) and reads
 * the answer back from the cloud's response shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EntryPointContract {
    static final String SECRET = "s3cr3t-webhook-token_0123456789";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    static final String MALFORMED = "{\"update_id\": 9, \"message\": {";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong USER_IDS = new AtomicLong(5_000_000_000L);

    /** An HTTP answer as the caller (Telegram) would receive it. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    protected FakeTelegramServer telegram;

    /** Starts the function whose bot is configured by {@code environment} (the TELEGRAM_* variables). */
    protected abstract void startFunction(Map<String, String> environment) throws Exception;

    /** Stops what {@link #startFunction} started. */
    protected abstract void stopFunction() throws Exception;

    /** Delivers a POST with {@code body} and {@code headers} the way the cloud does. */
    protected abstract Answer post(String body, Map<String, String> headers) throws Exception;

    /** Invokes the function the way the cloud's scheduler does, which runs the due jobs. */
    protected abstract void runScheduledTrigger() throws Exception;

    @BeforeAll
    void startAll() throws Exception {
        telegram = FakeTelegramServer.start();
        startFunction(environment());
    }

    @AfterAll
    void stopAll() throws Exception {
        try {
            stopFunction();
        } finally {
            telegram.close();
        }
    }

    /** The variables a deployed function would have. */
    protected Map<String, String> environment() {
        return Map.of(
                "TELEGRAM_BOT_TOKEN", telegram.token(),
                "TELEGRAM_API_URL", telegram.apiUrl().toString(),
                "TELEGRAM_MODE", "webhook",
                "TELEGRAM_WEBHOOK_SECRET", SECRET);
    }

    protected static Map<String, String> withSecret(String secret) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (secret != null) {
            headers.put(SECRET_HEADER, secret);
        }
        return headers;
    }

    /** A user of their own per test, so each test reads only its own chat's messages. */
    protected static FakeUser newUser() {
        return FakeUser.of(USER_IDS.incrementAndGet(), "Viktor", "Petrov", "viktor");
    }

    protected String message(FakeUser from, String text) {
        return telegram.message(FakeChat.privateWith(from), from, text).toString();
    }

    protected List<SentMessage> sentTo(FakeUser user) {
        return telegram.sentMessages().stream().filter(m -> m.chatId() == user.id()).toList();
    }

    @Test
    void rejectsAnUpdateWithoutTheSecretHeaderWith401() throws Exception {
        FakeUser user = newUser();

        Answer answer = post(message(user, "/hello"), withSecret(null));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("Unauthorized: missing or wrong X-Telegram-Bot-Api-Secret-Token");
        assertThat(sentTo(user)).isEmpty();
    }

    @Test
    void rejectsAnUpdateWithAWrongSecretWith401() throws Exception {
        FakeUser user = newUser();

        Answer answer = post(message(user, "/hello"), withSecret("not-the-secret"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(sentTo(user)).isEmpty();
    }

    @Test
    void acceptsTheSecretHeaderInAnyCase() throws Exception {
        Map<String, String> headers = Map.of(
                "content-type", "application/json",
                SECRET_HEADER.toUpperCase(Locale.ROOT), SECRET);

        Answer answer = post(message(newUser(), "/hello"), headers);

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void answersHelloInsideTheWebhookResponse() throws Exception {
        FakeUser user = newUser();

        Answer answer = post(message(user, "/hello"), withSecret(SECRET));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode reply = JSON.readTree(answer.body());
        assertThat(reply.path("method").asText()).isEqualTo("sendMessage");
        assertThat(reply.path("chat_id").asLong()).isEqualTo(user.id());
        assertThat(reply.path("text").asText()).isEqualTo("hello Viktor Petrov!");
        assertThat(sentTo(user)).as("nothing went through the Bot API").isEmpty();
    }

    @Test
    void acceptsAnUnknownUpdateKindWith200AndIgnoresIt() throws Exception {
        String update = telegram.update("some_kind_telegram_adds_later", "{\"id\":\"5\",\"question\":\"?\"}").json();

        Answer answer = post(update, withSecret(SECRET));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void rejectsMalformedJsonWith400() throws Exception {
        Answer answer = post(MALFORMED, withSecret(SECRET));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).startsWith("Bad Request: ");
    }

    @Test
    void answersARedeliveredUpdateOnlyOnce() throws Exception {
        FakeUser user = newUser();
        String update = message(user, "/hello");

        Answer first = post(update, withSecret(SECRET));
        Answer again = post(update, withSecret(SECRET));

        assertThat(JSON.readTree(first.body()).path("text").asText()).isEqualTo("hello Viktor Petrov!");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void finishesEveryApiSendBeforeTheInvocationReturns() throws Exception {
        FakeUser user = newUser();
        telegram.failNext("sendMessage", Failure.slow(Duration.ofMillis(300)));

        Answer answer = post(message(user, "/twice"), withSecret(SECRET));

        // Read right after the answer, without waiting: whatever went through the Bot API (the slow
        // first message, and the second too when the chat's 1 message/s limit kept it out of the
        // response) is already delivered, in order, before whatever rides in the response.
        List<String> delivered = new ArrayList<>(sentTo(user).stream().map(SentMessage::text).toList());
        assertThat(sentTo(user)).noneMatch(SentMessage::viaWebhookResponse);
        if (!answer.body().isEmpty()) {
            delivered.add(JSON.readTree(answer.body()).path("text").asText());
        }
        assertThat(answer.status()).isEqualTo(200);
        assertThat(delivered).containsExactly("one", "two");
    }

    @Test
    void refusesABodyOverOneMebibyteWith413() throws Exception {
        String huge = "{\"update_id\":1,\"pad\":\"" + "x".repeat(1 << 20) + "\"}";

        Answer answer = post(huge, withSecret(SECRET));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo("Payload Too Large: the limit is 1048576 bytes");
    }

    @Test
    void aQuestionAskedInOneInvocationIsAnsweredInTheNext() throws Exception {
        FakeUser user = newUser();
        FakeUser other = newUser();
        FakeChat group = FakeChat.supergroup(-1000000000000L - user.id(), "Quiz");

        Answer question = post(telegram.message(group, user, "/quiz").toString(), withSecret(SECRET));
        Answer notAsked = post(telegram.message(group, other, "42").toString(), withSecret(SECRET));
        Answer answer = post(telegram.message(group, user, "42").toString(), withSecret(SECRET));

        JsonNode asked = JSON.readTree(question.body());
        assertThat(asked.path("text").asText()).isEqualTo("What is 6 times 7?");
        assertThat(asked.path("reply_markup").path("force_reply").asBoolean()).isTrue();
        assertThat(notAsked.body()).isEmpty();
        assertThat(JSON.readTree(answer.body()).path("text").asText()).isEqualTo("correct!");
    }

    @Test
    void theScheduledTriggerRunsTheDueJobsOnce() throws Exception {
        FakeUser user = newUser();
        post(message(user, "/remind drink water"), withSecret(SECRET));

        runScheduledTrigger();
        runScheduledTrigger();

        assertThat(sentTo(user)).extracting(SentMessage::text).containsExactly("reminder: drink water");
    }
}
