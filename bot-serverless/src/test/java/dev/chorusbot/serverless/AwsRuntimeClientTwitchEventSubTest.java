package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.serverless.EntryPointContract.Answer;
import dev.chorusbot.testkit.lambda.FakeLambdaRuntime;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi.SentChatMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Twitch EventSub under the real AWS Lambda runtime interface client (one child JVM for the whole
 * class): the testkit's {@link FakeEventSubSender} delivers signed messages as Twitch does to a
 * function URL ({@link FunctionUrlService}), the function answers through the testkit's {@link
 * FakeHelixApi}. The same function serves Telegram at {@code /telegram}, as the hello bot's
 * function does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsRuntimeClientTwitchEventSubTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTSUB_SECRET = "chorus-eventsub-s3cret-0123456789";
    private static final String TELEGRAM_SECRET = "s3cr3t-webhook-token_0123456789";
    private static final String BOT_USER_ID = "900000001";
    private static final AtomicLong CHATTER_IDS = new AtomicLong(700_000_000L);

    private FakeTelegramServer telegram;
    private FakeHelixApi helix;
    private FakeLambdaRuntime runtime;
    private LambdaProcess lambda;
    private FunctionUrlService<List<SentChatMessage>> functionUrl;

    @BeforeAll
    void startFunction() throws Exception {
        telegram = FakeTelegramServer.start();
        helix = FakeHelixApi.start();
        runtime = FakeLambdaRuntime.start();
        lambda = LambdaProcess.start(runtime.address(), Map.ofEntries(
                Map.entry(BotFactory.ENVIRONMENT_VARIABLE, TelegramAndTwitchTestBotFactory.class.getName()),
                Map.entry("TELEGRAM_BOT_TOKEN", telegram.token()),
                Map.entry("TELEGRAM_API_URL", telegram.apiUrl().toString()),
                Map.entry("TELEGRAM_MODE", "webhook"),
                Map.entry("TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET),
                Map.entry("TELEGRAM_BOT_USERNAME", "chorus_hello_bot"),
                Map.entry("TWITCH_CLIENT_ID", helix.clientId()),
                Map.entry("TWITCH_CLIENT_SECRET", helix.clientSecret()),
                Map.entry("TWITCH_EVENTSUB_SECRET", EVENTSUB_SECRET),
                Map.entry("TWITCH_BOT_USER_ID", BOT_USER_ID),
                Map.entry("TWITCH_API_URL", helix.baseUrl().toString()),
                Map.entry("TWITCH_AUTH_URL", helix.baseUrl().toString())));
        functionUrl = new FunctionUrlService<>(runtime, helix::sentMessages);
    }

    @AfterAll
    void stopFunction() throws Exception {
        try {
            functionUrl.close();
            lambda.close();
        } finally {
            runtime.close();
            helix.close();
            telegram.close();
        }
    }

    private FakeEventSubSender twitch(String secret) {
        // One attempt: a refused delivery is not retried, so each test sees exactly its own invocation.
        return FakeEventSubSender.builder().callback(functionUrl.url().resolve("/twitch"))
                .secret(secret).botUserId(BOT_USER_ID).maxAttempts(1).start();
    }

    /** A chatter of their own per test, so each test reads only its own replies. */
    private static ChatMessageNotification helloFromNewChatter() {
        return ChatMessageNotification.builder()
                .chatter(Long.toString(CHATTER_IDS.incrementAndGet()), "anna", "Anna").text("!hello");
    }

    private static List<SentChatMessage> repliesTo(List<SentChatMessage> sent, ChatMessageNotification message) {
        return sent.stream().filter(m -> m.replyParentMessageId().equals(Optional.of(message.messageId()))).toList();
    }

    @Test
    void answersASignedChatMessageThroughHelixBeforeTheInvocationFinishes() {
        ChatMessageNotification hello = helloFromNewChatter();

        FakeEventSubSender.Delivery delivery = twitch(EVENTSUB_SECRET).chatMessage(hello);

        assertThat(delivery.accepted()).as("status %s", delivery.status()).isTrue();
        FunctionUrlService.Invocation<List<SentChatMessage>> invocation = functionUrl.last();
        assertThat(invocation.path()).isEqualTo("/twitch");
        assertThat(repliesTo(invocation.observedAtCompletion(), hello)).as("sent before the function answered")
                .containsExactly(new SentChatMessage("141981764", BOT_USER_ID, "hello Anna!",
                        Optional.of(hello.messageId()), true));
    }

    @Test
    void refusesAWrongSignatureWith403AndSendsNothing() {
        ChatMessageNotification hello = helloFromNewChatter();

        FakeEventSubSender.Delivery forged = twitch("not-the-eventsub-secret").chatMessage(hello);

        assertThat(forged.status()).isEqualTo(403);
        assertThat(functionUrl.last().answer().status()).isEqualTo(403);
        assertThat(repliesTo(helix.sentMessages(), hello)).isEmpty();
    }

    @Test
    void answersTheVerificationChallengeWithTheRawChallengeAsPlainText() {
        FakeEventSubSender.Delivery verification = twitch(EVENTSUB_SECRET)
                .verifyChatSubscription("141981764", BOT_USER_ID);

        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.responseBody()).isEqualTo(verification.challenge());
        Answer answer = functionUrl.last().answer();
        assertThat(answer.header("Content-Type")).startsWith("text/plain");
        assertThat(answer.body()).isEqualTo(verification.challenge());
    }

    @Test
    void answersARedeliveredMessageOnlyOnce() {
        ChatMessageNotification hello = helloFromNewChatter();
        FakeEventSubSender sender = twitch(EVENTSUB_SECRET);

        FakeEventSubSender.Delivery first = sender.chatMessage(hello);
        FakeEventSubSender.Delivery again = sender.redeliver(first);

        assertThat(first.accepted()).isTrue();
        assertThat(again.accepted()).isTrue();
        assertThat(repliesTo(helix.sentMessages(), hello)).hasSize(1);
    }

    @Test
    void servesTelegramAtTelegramFromTheSameFunction() throws Exception {
        FakeUser viktor = FakeUser.of(CHATTER_IDS.incrementAndGet(), "Viktor", "Petrov", "viktor");

        WebhookDelivery delivery = telegram.deliver(functionUrl.url().resolve("/telegram"),
                Optional.of(TELEGRAM_SECRET), telegram.message(FakeChat.privateWith(viktor), viktor, "/hello")
                        .toString().getBytes(StandardCharsets.UTF_8));

        assertThat(delivery.status()).isEqualTo(200);
        JsonNode reply = JSON.readTree(functionUrl.last().answer().body());
        assertThat(reply.path("method").asText()).isEqualTo("sendMessage");
        assertThat(reply.path("text").asText()).isEqualTo("hello Viktor Petrov!");
    }

    @Test
    void keepsTheTwitchSecretsAndTokensOutOfTheFunctionsLog() throws Exception {
        twitch(EVENTSUB_SECRET).chatMessage(helloFromNewChatter());
        twitch("not-the-eventsub-secret").chatMessage(helloFromNewChatter());

        String output = lambda.output();
        assertThat(output).contains("Bot started for serverless use");
        assertThat(output).doesNotContain(EVENTSUB_SECRET).doesNotContain(helix.clientSecret())
                .doesNotContain(telegram.token());
    }
}
