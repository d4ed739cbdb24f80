package dev.chorusbot.bench.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeSubscription;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.InteractionSender;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The deployable artifact itself, {@code examples/target/hello-bot-lambda.jar}, answers a Telegram
 * {@code /hello} under the real AWS Lambda runtime interface client, cold and then warm: the shade
 * configuration, the merged service file and the bundled Lambda API are what AWS would run. (The
 * reactor packages examples before this module's tests run.)
 */
class LambdaArtifactTest {
    private static final Path JAR = Path.of("../examples/target/hello-bot-lambda.jar");
    private static final Path RUNTIME = Path.of("target/lambda-runtime");

    @Test
    void theHelloBotLambdaJarAnswersHelloUnderTheRuntimeClient() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "build the examples first: mvn -B verify from the root");

        try (FakeTelegramServer telegram = FakeTelegramServer.start()) {
            LambdaColdStart.Run run = LambdaColdStart.run(LambdaColdStart.classPath(JAR, RUNTIME),
                    LambdaColdStart.HANDLER, List.of("-XX:TieredStopAtLevel=1"), telegram, false);

            // run(...) checks both answers are the inline "hello Viktor!"; only sanity-check the times.
            assertThat(run.initMillis()).isPositive().isLessThanOrEqualTo(run.coldMillis());
            assertThat(run.warmMillis()).isPositive();
        }
    }

    /**
     * The jar leaves out Java-WebSocket (a function never runs Twitch IRC): loaded alone, with
     * nothing of the test class path, it still builds the EventSub bot and answers a signed chat
     * message through Helix.
     */
    @Test
    void theHelloBotLambdaJarServesTwitchEventSubOnItsOwn() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "build the examples first: mvn -B verify from the root");

        try (FakeHelixApi helix = FakeHelixApi.start();
                URLClassLoader jar = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
            Map<String, String> env = Map.of(
                    "TWITCH_CLIENT_ID", helix.clientId(),
                    "TWITCH_CLIENT_SECRET", helix.clientSecret(),
                    "TWITCH_EVENTSUB_SECRET", "artifact-test-secret",
                    "TWITCH_BOT_USER_ID", "900000001",
                    "TWITCH_API_URL", helix.baseUrl().toString(),
                    "TWITCH_AUTH_URL", helix.baseUrl().toString());
            YandexFunction function = YandexFunction.load(jar, env);
            try {
                ChatMessageNotification hello = ChatMessageNotification.builder()
                        .chatter("129546453", "anna", "Anna").text("!hello");

                Map<String, Object> answer = function.apply(signed(hello, "artifact-test-secret"));

                assertThat(answer.get("statusCode")).isEqualTo(200);
                assertThat(helix.sentMessages()).extracting(FakeHelixApi.SentChatMessage::message)
                        .containsExactly("hello Anna!");
                assertThatNoClassOf(jar, "org.java_websocket.client.WebSocketClient");
            } finally {
                function.stop();
            }
        }
    }

    /**
     * The jar holds the Discord adapter without Java-WebSocket (a function never runs the Gateway):
     * loaded alone, it builds the interactions bot from the DISCORD_* variables and answers a signed
     * {@code /hello} inside the function's answer, here through the Yandex entry point.
     */
    @Test
    void theHelloBotLambdaJarServesDiscordInteractionsOnItsOwn() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "build the examples first: mvn -B verify from the root");
        InteractionSender discord = InteractionSender.create();

        try (URLClassLoader jar = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Map<String, String> env = Map.of(
                    "DISCORD_BOT_TOKEN", FakeDiscordApi.DEFAULT_TOKEN,
                    "DISCORD_APPLICATION_ID", discord.applicationId(),
                    "DISCORD_PUBLIC_KEY", discord.publicKey(),
                    // Never called: the answer travels in the function's response.
                    "DISCORD_API_URL", "http://127.0.0.1:9/api/v10");
            YandexFunction function = YandexFunction.load(jar, env);
            try {
                String body = discord.command("hello").json();
                String timestamp = Long.toString(Instant.now().getEpochSecond());
                Map<String, Object> event = new HashMap<>();
                event.put("httpMethod", "POST");
                event.put("headers", Map.of("Content-Type", "application/json",
                        "X-Signature-Timestamp", timestamp,
                        "X-Signature-Ed25519", discord.sign(timestamp, body.getBytes(StandardCharsets.UTF_8))));
                event.put("multiValueHeaders", Map.of());
                event.put("body", body);
                event.put("isBase64Encoded", false);

                Map<String, Object> answer = function.apply(event);

                assertThat(answer.get("statusCode")).isEqualTo(200);
                assertThat(String.valueOf(answer.get("body"))).contains("\"type\":4")
                        .contains("\"content\":\"hello Viktor!\"");
                assertThatNoClassOf(jar, "org.java_websocket.client.WebSocketClient");
            } finally {
                function.stop();
            }
        }
    }

    /** The jar's hello bot, built from {@code env} by its factory, behind the Yandex entry point. */
    private record YandexFunction(Object bot, Function<Map<String, Object>, Map<String, Object>> handler) {
        @SuppressWarnings("unchecked")
        static YandexFunction load(ClassLoader jar, Map<String, String> env) throws Exception {
            Object factory = jar.loadClass("dev.chorusbot.examples.HelloBotFactory")
                    .getConstructor(Map.class).newInstance(env);
            Class<?> serverlessBot = jar.loadClass("dev.chorusbot.serverless.ServerlessBot");
            Object bot = serverlessBot.getMethod("of", jar.loadClass("dev.chorusbot.serverless.BotFactory"))
                    .invoke(null, factory);
            return new YandexFunction(bot, (Function<Map<String, Object>, Map<String, Object>>) jar
                    .loadClass("dev.chorusbot.serverless.YandexFunctionHandler")
                    .getConstructor(serverlessBot).newInstance(bot));
        }

        Map<String, Object> apply(Map<String, Object> event) {
            return handler.apply(event);
        }

        void stop() throws Exception {
            bot.getClass().getMethod("stop").invoke(bot);
        }
    }

    private static void assertThatNoClassOf(ClassLoader loader, String name) {
        assertThat(loader.getResource(name.replace('.', '/') + ".class")).as(name).isNull();
    }

    /** A Yandex HTTP invocation carrying a {@code channel.chat.message} notification signed as Twitch signs. */
    private static Map<String, Object> signed(ChatMessageNotification message, String secret) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode body = json.createObjectNode();
        body.set("subscription", json.readTree(FakeSubscription.of(UUID.randomUUID().toString(), "enabled",
                "channel.chat.message", Map.of("broadcaster_user_id", message.broadcasterId(), "user_id", "900000001"),
                "https://example.com/twitch", Instant.now()).toJson()));
        body.set("event", json.readTree(message.toEventJson()));
        String text = body.toString();
        String id = UUID.randomUUID().toString();
        String timestamp = Instant.now().toString();
        Map<String, Object> event = new HashMap<>();
        event.put("httpMethod", "POST");
        event.put("headers", Map.of(
                "Content-Type", "application/json",
                "Twitch-Eventsub-Message-Id", id,
                "Twitch-Eventsub-Message-Retry", "0",
                "Twitch-Eventsub-Message-Type", "notification",
                "Twitch-Eventsub-Message-Timestamp", timestamp,
                "Twitch-Eventsub-Message-Signature",
                        FakeEventSubSender.sign(secret, id, timestamp, text.getBytes(StandardCharsets.UTF_8)),
                "Twitch-Eventsub-Subscription-Type", "channel.chat.message",
                "Twitch-Eventsub-Subscription-Version", "1"));
        event.put("multiValueHeaders", Map.of());
        event.put("body", text);
        event.put("isBase64Encoded", false);
        return event;
    }
}
