package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.SentMessage;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hello bot on Telegram, wired from environment variables as in production, against the fake Bot API. */
class HelloBotTelegramTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    FakeTelegramServer telegram;
    Bot bot;
    FakeUser anna;
    FakeChat group = FakeChat.forum(-1001500000000L, "Hello club");

    @BeforeEach
    void start() {
        telegram = FakeTelegramServer.start();
        anna = telegram.user("Anna", "Smith", "anna");
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
        telegram.close();
    }

    @Test
    void answersHelloOverLongPollingInTheSameTopic() {
        bot = HelloBot.build(Map.of("TELEGRAM_BOT_TOKEN", telegram.token(),
                "TELEGRAM_API_URL", telegram.apiUrl().toString(), "TELEGRAM_MODE", "polling"));
        bot.start();

        telegram.enqueue(telegram.topicMessage(group, 3, anna, "/hello@OtherBot"));
        telegram.enqueue(telegram.topicMessage(group, 3, anna, "/hello@chorus_test_bot"));
        telegram.enqueue(telegram.topicMessage(group, 3, anna, "!hello"));

        List<SentMessage> sent = telegram.awaitSentMessages(2, WAIT);
        assertThat(sent).extracting(SentMessage::text).containsExactly("hello Anna Smith!", "hello Anna Smith!");
        assertThat(sent).allSatisfy(m -> {
            assertThat(m.chatId()).isEqualTo(group.id());
            assertThat(m.threadId()).contains(3L);
        });
        assertThat(telegram.calls("getMe")).hasSize(1);
    }

    @Test
    void answersHelloAndHelpThroughItsWebhook() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        bot = HelloBot.build(Map.of("TELEGRAM_BOT_TOKEN", telegram.token(),
                "TELEGRAM_API_URL", telegram.apiUrl().toString(), "TELEGRAM_WEBHOOK_PORT", Integer.toString(port),
                "TELEGRAM_WEBHOOK_SECRET", "hello-secret"));
        bot.start();
        URI webhook = URI.create("http://127.0.0.1:" + port + "/telegram");
        FakeChat chat = FakeChat.privateWith(anna);

        WebhookDelivery hello = telegram.deliver(webhook, java.util.Optional.of("hello-secret"),
                telegram.message(chat, anna, "/hello").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        WebhookDelivery help = telegram.deliver(webhook, java.util.Optional.of("hello-secret"),
                telegram.message(chat, anna, "/help").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(hello.status()).isEqualTo(200);
        assertThat(help.status()).isEqualTo(200);
        List<SentMessage> sent = telegram.awaitSentMessages(2, WAIT);
        assertThat(sent.get(0).text()).isEqualTo("hello Anna Smith!");
        assertThat(sent.get(1).text()).contains("hello").contains("Say hello");
    }
}
