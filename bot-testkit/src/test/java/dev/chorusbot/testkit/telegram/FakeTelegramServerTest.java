package dev.chorusbot.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake answers as the Bot API does: envelopes, error descriptions, getUpdates and webhook delivery. */
class FakeTelegramServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final FakeTelegramServer telegram = FakeTelegramServer.start();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        telegram.close();
    }

    record Answer(int status, JsonNode body) {}

    Answer call(String token, String method, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(telegram.apiUrl() + "/bot" + token + "/" + method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    Answer call(String method, String json) throws Exception {
        return call(telegram.token(), method, json);
    }

    @Test
    void answersGetMeInTheOkEnvelope() throws Exception {
        Answer answer = call("getMe", "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("ok").asBoolean()).isTrue();
        assertThat(answer.body().path("result").path("username").asText()).isEqualTo("chorus_test_bot");
        assertThat(answer.body().path("result").path("is_bot").asBoolean()).isTrue();
        assertThat(answer.body().path("result").path("id").asLong()).isEqualTo(7000000001L);
    }

    @Test
    void refusesAWrongTokenWith401Unauthorized() throws Exception {
        Answer answer = call("7000000001:wrong", "getMe", "{}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().toString()).isEqualTo("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    }

    @Test
    void answersAnUnknownMethodWith404NotFound() throws Exception {
        assertThat(call("launchRocket", "{}").body().path("description").asText()).isEqualTo("Not Found");
    }

    @Test
    void enforcesTelegramsMessageLimitsWithItsDescriptions() throws Exception {
        FakeUser anna = telegram.user("Anna", null, "anna");
        telegram.addChat(FakeChat.privateWith(anna));
        String chat = "\"chat_id\":" + anna.id();

        assertThat(call("sendMessage", "{" + chat + ",\"text\":\"" + "x".repeat(4097) + "\"}").body()
                .path("description").asText()).isEqualTo("Bad Request: message is too long");
        assertThat(call("sendMessage", "{" + chat + ",\"text\":\"" + "😀".repeat(2048) + "\"}").status())
                .isEqualTo(200); // 4096 UTF-16 units
        assertThat(call("sendMessage", "{" + chat + ",\"text\":\"\"}").body().path("description").asText())
                .isEqualTo("Bad Request: message text is empty");
        assertThat(call("sendMessage", "{\"chat_id\":-999,\"text\":\"hi\"}").body().path("description").asText())
                .isEqualTo("Bad Request: chat not found");
        String keyboard = ",\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"b\",\"callback_data\":\""
                + "d".repeat(65) + "\"}]]}";
        assertThat(call("sendMessage", "{" + chat + ",\"text\":\"hi\"" + keyboard + "}").body()
                .path("description").asText()).isEqualTo("Bad Request: BUTTON_DATA_INVALID");
    }

    @Test
    void answersABlockedUserAndAMigratedGroupAsTelegramDoes() throws Exception {
        FakeUser anna = telegram.user("Anna", null, "anna");
        telegram.addChat(FakeChat.privateWith(anna)).blockedBy(anna);
        telegram.addChat(FakeChat.group(-77, "Old")).migrate(-77, -1000000000077L);

        Answer blocked = call("sendMessage", "{\"chat_id\":" + anna.id() + ",\"text\":\"hi\"}");
        Answer migrated = call("sendMessage", "{\"chat_id\":-77,\"text\":\"hi\"}");

        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.body().path("description").asText()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(migrated.body().toString()).isEqualTo("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request:"
                + " group chat was upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1000000000077}}");
    }

    @Test
    void injectsATooManyRequestsAnswerWithRetryAfter() throws Exception {
        telegram.failNext("getMe", Failure.tooManyRequests(7));

        Answer answer = call("getMe", "{}");

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.body().toString()).isEqualTo("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many"
                + " Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}");
        assertThat(call("getMe", "{}").status()).isEqualTo(200); // only the next call failed
    }

    @Test
    void dropsTheConnectionWhenTold() {
        telegram.failNext("getMe", Failure.dropConnection());

        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> call("getMe", "{}"));
        assertThat(telegram.calls("getMe")).hasSize(1);
    }

    @Test
    void forgetsUpdatesBeforeTheOffsetAndReturnsTheRest() throws Exception {
        FakeUser anna = telegram.user("Anna", null, "anna");
        FakeUpdate first = telegram.message(FakeChat.privateWith(anna), anna, "one");
        FakeUpdate second = telegram.message(FakeChat.privateWith(anna), anna, "two");
        telegram.enqueue(first).enqueue(second);

        assertThat(call("getUpdates", "{\"timeout\":0}").body().path("result")).hasSize(2);
        long offset = first.id() + 1;
        JsonNode rest = call("getUpdates", "{\"offset\":" + offset + ",\"timeout\":0}").body().path("result");

        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).path("message").path("text").asText()).isEqualTo("two");
        assertThat(telegram.pendingUpdates()).isEqualTo(1);
    }

    @Test
    void waitsForAnUpdateDuringALongPoll() throws Exception {
        FakeUser anna = telegram.user("Anna", null, "anna");
        CompletableFuture<Answer> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return call("getUpdates", "{\"timeout\":5}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        telegram.enqueue(telegram.message(FakeChat.privateWith(anna), anna, "late"));

        assertThat(poll.get().body().path("result").get(0).path("message").path("text").asText()).isEqualTo("late");
    }

    @Test
    void terminatesAnEarlierLongPollWhenAnotherArrives() throws Exception {
        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> {
            try {
                return call("getUpdates", "{\"timeout\":5}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        telegram.awaitWaitingPoll(Duration.ofSeconds(5));
        Answer second = call("getUpdates", "{\"timeout\":0}");

        assertThat(second.status()).isEqualTo(200);
        assertThat(first.get().status()).isEqualTo(409);
        assertThat(first.get().body().path("description").asText()).isEqualTo(
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    }

    @Test
    void refusesGetUpdatesWhileAWebhookIsSet() throws Exception {
        call("setWebhook", "{\"url\":\"https://bot.example.org/hook\",\"secret_token\":\"abc\"}");

        Answer answer = call("getUpdates", "{}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("description").asText()).isEqualTo("Conflict: can't use getUpdates method while"
                + " webhook is active; use deleteWebhook to delete the webhook first");
        assertThat(call("getWebhookInfo", "{}").body().path("result").path("url").asText())
                .isEqualTo("https://bot.example.org/hook");
        call("deleteWebhook", "{}");
        assertThat(call("getUpdates", "{}").status()).isEqualTo(200);
    }

    @Test
    void refusesATokenThatIsNotABotIdAndASecretWithoutRepeatingIt() {
        assertThatThrownBy(() -> FakeTelegramServer.builder().token("no-colon-secret-value").botUsername("x_bot").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Telegram bot token has the form <bot id>:<secret>, such as 123456:ABC-DEF1234ghIkl;"
                        + " the one given does not")
                .message().doesNotContain("no-colon-secret-value");
        assertThatThrownBy(() -> FakeTelegramServer.builder().token("bot12:secret").botUsername("x_bot").start())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doesNotPauseAfterTheLastFailedDeliveryAttempt() throws Exception {
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        hook.start();
        try {
            FakeUser anna = telegram.user("Anna", null, "anna");
            // A pause of an hour after the only attempt would hold the test until its deadline.
            WebhookDelivery delivery = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    telegram.redelivery(1, Duration.ofHours(1)).deliver(
                            URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook"),
                            telegram.message(FakeChat.privateWith(anna), anna, "ping")));

            assertThat(delivery.status()).isEqualTo(500);
            assertThat(delivery.attempts()).isEqualTo(1);
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void deliversToAWebhookWithTheSecretRetriesNon2xxAndExecutesTheMethodInTheAnswer() throws Exception {
        FakeUser anna = telegram.user("Anna", null, "anna");
        call("setWebhook", "{\"url\":\"https://bot.example.org/hook\",\"secret_token\":\"s3cret\"}");
        AtomicInteger hits = new AtomicInteger();
        List<String> secrets = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/hook", exchange -> {
            secrets.add(exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"method\":\"sendMessage\",\"chat_id\":" + anna.id() + ",\"text\":\"pong\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(hits.incrementAndGet() == 1 ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        hook.start();
        try {
            WebhookDelivery delivery = telegram.redelivery(3, Duration.ofMillis(1)).deliver(
                    URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook"),
                    telegram.message(FakeChat.privateWith(anna), anna, "ping"));

            assertThat(delivery.status()).isEqualTo(200);
            assertThat(delivery.attempts()).isEqualTo(2);
            assertThat(secrets).containsExactly("s3cret", "s3cret");
            assertThat(telegram.sentMessages()).singleElement().satisfies(m -> {
                assertThat(m.text()).isEqualTo("pong");
                assertThat(m.viaWebhookResponse()).isTrue();
            });
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void marksCommandsWithABotCommandEntityInUtf16Units() throws Exception {
        FakeUser anna = telegram.user("Anna", "Smith", "anna");

        JsonNode message = JSON.readTree(telegram.message(FakeChat.privateWith(anna), anna, "/hello@chorus_test_bot now").json())
                .path("message");

        assertThat(message.path("entities").toString())
                .isEqualTo("[{\"type\":\"bot_command\",\"offset\":0,\"length\":22}]");
        assertThat(message.path("from").path("id").asLong()).isGreaterThan(Integer.MAX_VALUE);
        assertThat(message.path("from").path("last_name").asText()).isEqualTo("Smith");
        assertThat(Optional.of(telegram.bot().username().orElseThrow())).contains("chorus_test_bot");
    }

    @Test
    void buildsAnEditedMessageWithItsEditDate() throws Exception {
        FakeUser anna = telegram.user("Anna", null, "anna");

        FakeUpdate edited = telegram.editedMessage(FakeChat.privateWith(anna), anna, 77, "fixed typo");

        JsonNode message = JSON.readTree(edited.json()).path("edited_message");
        assertThat(edited.kind()).isEqualTo("edited_message");
        assertThat(message.path("message_id").asLong()).isEqualTo(77);
        assertThat(message.path("edit_date").asLong()).isEqualTo(message.path("date").asLong());
        assertThat(message.path("text").asText()).isEqualTo("fixed typo");
    }

    @Test
    void buildsAChatMemberUpdateAsBotApiChatMemberUpdated() throws Exception {
        FakeUser admin = telegram.user("Adam", null, "adam");
        FakeChat group = FakeChat.supergroup(-1001234567890L, "Friends");

        FakeUpdate added = telegram.myChatMember(group, admin, "left", "member");

        JsonNode payload = JSON.readTree(added.json()).path("my_chat_member");
        assertThat(payload.path("chat").path("title").asText()).isEqualTo("Friends");
        assertThat(payload.path("from").path("id").asLong()).isEqualTo(admin.id());
        assertThat(payload.path("old_chat_member").path("status").asText()).isEqualTo("left");
        assertThat(payload.path("new_chat_member").path("status").asText()).isEqualTo("member");
        assertThat(payload.path("new_chat_member").path("user").path("id").asLong()).isEqualTo(7000000001L);
    }

    @Test
    void replacesTheCommandEntityWithTheEntitiesGiven() {
        FakeUser anna = telegram.user("Anna", null, "anna");

        FakeUpdate quoted = telegram.newMessage(FakeChat.privateWith(anna), anna).text("/hello")
                .entity("code", 0, 6).date(1_700_000_000L).build();

        assertThat(quoted.value("/message/entities/0/type")).isEqualTo("code");
        assertThat(quoted.value("/message/entities/1")).isEmpty();
        assertThat(quoted.value("/message/date")).isEqualTo("1700000000");
    }

    @Test
    void failsAWaitThatTimesOutNamingWhatItWaitedForAndSaw() throws Exception {
        call("getMe", "{}");

        assertThatThrownBy(() -> telegram.awaitCalls("sendMessage", 1, Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("timed out after 20 ms waiting for 1 sendMessage call(s); saw 0 sendMessage call(s);"
                        + " all calls: [getMe]");
    }
}
