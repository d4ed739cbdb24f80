package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.chorusbot.core.PlatformException;
import dev.chorusbot.testkit.telegram.Failure;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.MenuCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Bot API client against the fake: methods, the envelope, and errors as typed exceptions. */
class BotApiTest {
    final FakeTelegramServer telegram = FakeTelegramServer.start();
    final TelegramBotApi api = new TelegramBotApi(telegram.apiUrl(), telegram.token(), Duration.ofSeconds(5));

    @AfterEach
    void close() {
        telegram.close();
    }

    static <T> T get(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    @Test
    void readsGetMe() throws Exception {
        TelegramUser me = get(api.getMe());

        assertThat(me.id()).isEqualTo(7000000001L);
        assertThat(me.isBot()).isTrue();
        assertThat(me.username()).contains("chorus_test_bot");
    }

    @Test
    void sendsAndEditsAMessage() throws Exception {
        FakeUser anna = telegram.user("Anna", null, "anna");
        telegram.addChat(FakeChat.privateWith(anna));

        TelegramMessage sent = get(api.sendMessage(anna.id(), "draft"));
        JsonNode edited = get(api.editMessageText(anna.id(), sent.messageId(), "final"));

        assertThat(sent.text()).isEqualTo("draft");
        assertThat(sent.chat().id()).isEqualTo(anna.id());
        assertThat(edited.path("text").asText()).isEqualTo("final");
        assertThat(telegram.calls("editMessageText").get(0).longParam("message_id"))
                .isEqualTo(sent.messageId());
    }

    @Test
    void managesTheWebhook() throws Exception {
        get(api.setWebhook(URI.create("https://bot.example.org/hook"), Optional.of("s3cret"),
                List.of("message", "callback_query")));
        assertThat(get(api.getWebhookInfo()).path("url").asText()).isEqualTo("https://bot.example.org/hook");
        assertThat(telegram.calls("setWebhook").get(0).paramJson("allowed_updates"))
                .isEqualTo("[\"message\",\"callback_query\"]");

        get(api.deleteWebhook(true));

        assertThat(get(api.getWebhookInfo()).path("url").asText()).isEmpty();
        assertThat(telegram.calls("deleteWebhook").get(0).param("drop_pending_updates").equals("true")).isTrue();
    }

    @Test
    void publishesCommandsAndReadsAdministrators() throws Exception {
        FakeChat group = FakeChat.supergroup(-100777, "G");
        FakeUser olga = telegram.user("Olga", null, "olga");
        FakeUser adam = telegram.user("Adam", "Ant", null);
        telegram.administrators(group, olga, adam);

        get(api.setMyCommands(List.of(Map.entry("hello", "Say hello"))));
        List<TelegramChatMember> admins = get(api.getChatAdministrators(group.id()));

        assertThat(telegram.myCommands()).containsExactly(new MenuCommand("hello", "Say hello"));
        assertThat(admins).extracting(TelegramChatMember::status).containsExactly("creator", "administrator");
        assertThat(admins.get(1).user().displayName()).isEqualTo("Adam Ant");
    }

    @Test
    void turnsAnErrorEnvelopeIntoATypedException() {
        telegram.failNext("getMe", Failure.tooManyRequests(12));

        assertThatThrownBy(() -> get(api.getMe())).cause()
                .isInstanceOfSatisfying(TelegramApiException.class, e -> {
                    assertThat(e.method()).isEqualTo("getMe");
                    assertThat(e.errorCode()).isEqualTo(429);
                    assertThat(e.description()).isEqualTo("Too Many Requests: retry after 12");
                    assertThat(e.retryAfter()).hasValue(12);
                    assertThat(e.migrateToChatId()).isEmpty();
                    PlatformException failure = e;
                    assertThat(failure.platform()).isEqualTo(TelegramAdapter.PLATFORM);
                    assertThat(failure.code()).isEqualTo("429");
                    assertThat(failure.reason()).isEqualTo("Too Many Requests: retry after 12");
                    assertThat(e.toString()).doesNotContain(telegram.token());
                })
                .hasMessage("getMe failed: 429 Too Many Requests: retry after 12");
    }

    @Test
    void aTypedExceptionSurvivesSerializationWithItsParameters() throws Exception {
        TelegramApiException error = new TelegramApiException("sendMessage", 400,
                "Bad Request: group chat was upgraded to a supergroup chat", OptionalInt.empty(),
                Optional.of(-1001234567890L));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(error);
        }
        TelegramApiException copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (TelegramApiException) in.readObject();
        }

        assertThat(copy.errorCode()).isEqualTo(400);
        assertThat(copy.retryAfter()).isEmpty();
        assertThat(copy.migrateToChatId()).contains(-1001234567890L);
        assertThat(copy).hasMessage(error.getMessage());
    }

    @Test
    void reportsAnAnswerThatIsNotABotApiEnvelope() throws Exception {
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] page = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        proxy.start();
        try {
            TelegramBotApi behindProxy = new TelegramBotApi(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()),
                    telegram.token(), Duration.ofSeconds(5));

            assertThatThrownBy(() -> get(behindProxy.getMe())).cause()
                    .isInstanceOfSatisfying(TelegramNetworkException.class, e -> {
                        assertThat(e.platform()).isEqualTo(TelegramAdapter.PLATFORM);
                        assertThat(e.code()).isEmpty();
                        assertThat(e.reason()).isEqualTo("HTTP 502 without a Bot API answer in the body");
                        assertThat(e.toString()).doesNotContain(telegram.token());
                    })
                    .hasMessage("getMe failed: HTTP 502 without a Bot API answer in the body");
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void callsAnyOtherMethodByName() throws Exception {
        assertThatThrownBy(() -> get(api.call("sendDice", TelegramBotApi.params().put("chat_id", 1)))).cause()
                .hasMessage("sendDice failed: 404 Not Found");
    }
}
