package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.telegram.TelegramAdapter;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUpdate;
import dev.chorusbot.testkit.telegram.FakeUser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In AWS Lambda every send finishes before the invocation returns, within the time Lambda says the
 * invocation has left: an update whose reply would wait longer for Telegram's send limits is not
 * taken but answered 503, so Telegram delivers it again, and the redelivery after the limit has
 * passed is answered. The bot's clock is manual.
 */
class AwsSendLimitTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cr3t-webhook-token_0123456789";

    private final ManualScheduler clock = new ManualScheduler();
    private final AtomicInteger handled = new AtomicInteger();
    private FakeTelegramServer telegram;
    private ServerlessBot bot;
    private AwsLambdaHandler handler;

    @BeforeEach
    void start() {
        telegram = FakeTelegramServer.start();
        // A 20 s webhook deadline, longer than the time left below: the time left is what decides.
        TelegramConfig config = TelegramConfig.builder().token(telegram.token()).apiUrl(telegram.apiUrl())
                .webhookSecret(SECRET).webhookTimeout(Duration.ofSeconds(20)).build();
        bot = ServerlessBot.of(() -> Bot.builder().scheduler(clock).adapter(new TelegramAdapter(config))
                .command(Command.named("hello").handler(ctx -> {
                    handled.incrementAndGet();
                    return Reply.text("hello " + ctx.sender().displayName() + "!");
                }).build())
                .build());
        handler = new AwsLambdaHandler(bot);
    }

    @AfterEach
    void stop() {
        bot.stop();
        telegram.close();
    }

    private JsonNode invoke(FakeUpdate update, Duration timeLeft) throws Exception {
        String event = AwsEvents.json(AwsEvents.event(AwsEvents.FUNCTION_URL, update.json(),
                Map.of("Content-Type", "application/json", "X-Telegram-Bot-Api-Secret-Token", SECRET), false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new InvocationContext(timeLeft));
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void answersAnUpdateWhoseReplyWouldWaitBeyondTheTimeLeftSoThatTelegramDeliversItAgain() throws Exception {
        FakeUser anna = telegram.user("Anna", "Smith", "anna");
        FakeChat group = FakeChat.group(-1001L, "Busy group");
        for (int i = 0; i < 20; i++) { // the group's 20 replies of this minute, one every two seconds
            assertThat(invoke(telegram.message(group, anna, "/hello"), Duration.ofSeconds(30)).path("body").asText())
                    .contains("sendMessage");
            clock.advance(Duration.ofSeconds(2));
        }
        clock.advance(Duration.ofSeconds(5)); // 45 s after the first reply: the next may go in 15 s
        FakeUpdate update = telegram.message(group, anna, "/hello");

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        JsonNode refused;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            refused = invoke(update, Duration.ofSeconds(10));
        } finally {
            System.setErr(stderr);
        }
        clock.advance(Duration.ofSeconds(15));
        JsonNode redelivered = invoke(update, Duration.ofSeconds(10));

        assertThat(refused.path("statusCode").asInt()).isEqualTo(503);
        assertThat(refused.path("body").asText()).isEqualTo("Service Unavailable: a reply would wait 15000 ms for"
                + " the send limits, longer than the 10000 ms the function has left");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("WARN dev.chorusbot.core.webhook.WebhookDispatch"
                + " - Not taking telegram event " + update.value("/message/message_id") + ": a reply to chat -1001"
                + " would wait 15000 ms for the send limits, longer than the 10000 ms the function has left;"
                + " answering so that the platform delivers it again");
        assertThat(redelivered.path("statusCode").asInt()).isEqualTo(200);
        assertThat(redelivered.path("body").asText()).contains("\"text\":\"hello Anna Smith!\"");
        assertThat(handled).hasValue(21); // the refused delivery did not run the handler
    }

    /** What Lambda passes to a handler; only the time left matters here. */
    private record InvocationContext(Duration timeLeft) implements Context {
        @Override
        public int getRemainingTimeInMillis() {
            return (int) timeLeft.toMillis();
        }

        @Override
        public String getAwsRequestId() {
            return "c6af9ac6-7b61-11e6-9a41-93e812345678";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/hello";
        }

        @Override
        public String getLogStreamName() {
            return "2026/12/07/[$LATEST]abcdef";
        }

        @Override
        public String getFunctionName() {
            return "hello";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-central-1:123456789012:function:hello";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}
