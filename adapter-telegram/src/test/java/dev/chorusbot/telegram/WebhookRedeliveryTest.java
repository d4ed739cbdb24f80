package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.EventNotTakenException;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Handled;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUpdate;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.SentMessage;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redeliveries go through the bot's one de-duplication (the {@code StateStore}), not a set in the
 * adapter: copies of an update are answered once, and an update the bot did not take is not
 * remembered, so Telegram's next delivery of it is handled.
 */
class WebhookRedeliveryTest {
    static final String SECRET = "s3cret-Token_1";

    FakeTelegramServer telegram;
    FakeUser anna;
    WebhookServer server;
    Bot bot;
    final AtomicInteger handled = new AtomicInteger();

    @BeforeEach
    void startFake() {
        telegram = FakeTelegramServer.start();
        anna = telegram.user("Anna", "Smith", "anna");
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
        if (server != null) {
            server.close();
        }
        telegram.close();
    }

    /** A bot whose hello counts its runs, served on loopback; the adapter is started by the caller. */
    TelegramAdapter adapter() throws Exception {
        TelegramAdapter adapter = new TelegramAdapter(TelegramConfig.builder().token(telegram.token())
                .apiUrl(telegram.apiUrl()).webhookSecret(SECRET).build());
        bot = Bot.builder().adapter(adapter).command(dev.chorusbot.core.Command.named("hello").handler(ctx -> {
            handled.incrementAndGet();
            return dev.chorusbot.core.Reply.text("hello " + ctx.sender().displayName() + "!");
        }).build()).build();
        bot.hostWebhooks();   // served below, on a server of the test's own
        server = WebhookServer.builder().address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        server.routes().add(adapter.webhookPath(), adapter.endpoint());
        server.start();
        return adapter;
    }

    URI webhook() {
        return URI.create("http://127.0.0.1:" + server.port() + "/telegram");
    }

    @Test
    void answersTwentyConcurrentCopiesOfOneUpdateWithOneReply() throws Exception {
        adapter();
        bot.start();
        byte[] update = telegram.message(FakeChat.privateWith(anna), anna, "/hello").toString()
                .getBytes(StandardCharsets.UTF_8);
        ExecutorService telegramSide = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<WebhookDelivery>> copies = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                copies.add(telegramSide.submit(() -> {
                    go.await();
                    return telegram.deliver(webhook(), Optional.of(SECRET), update);
                }));
            }
            go.countDown();
            for (Future<WebhookDelivery> copy : copies) {
                assertThat(copy.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            telegramSide.shutdownNow();
        }

        assertThat(handled).hasValue(1);
        assertThat(telegram.sentMessages()).extracting(SentMessage::text).containsExactly("hello Anna Smith!");
    }

    @Test
    void handlesTheRedeliveryOfAnUpdateTheStoppingBotDidNotTake() throws Exception {
        TelegramAdapter adapter = adapter();
        AtomicInteger refusals = new AtomicInteger(1);
        // The bot's own sink, except that the first dispatch finds it stopping.
        adapter.start(new EventSink() {
            @Override
            public CompletableFuture<Handled> dispatch(InboundEvent event) {
                return refusals.getAndDecrement() > 0
                        ? CompletableFuture.failedFuture(new EventNotTakenException("the bot is stopping"))
                        : bot.dispatch(event);
            }

            @Override
            public void stopped(Adapter stopped, Throwable failure) {}
        });
        telegram.redelivery(2, Duration.ofMillis(1));
        FakeUpdate update = telegram.message(FakeChat.privateWith(anna), anna, "/hello");

        WebhookDelivery delivery = telegram.deliver(webhook(), Optional.of(SECRET),
                update.json().getBytes(StandardCharsets.UTF_8));

        assertThat(delivery.attempts()).isEqualTo(2); // 503, then 200
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(handled).hasValue(1);
        assertThat(telegram.sentMessages()).extracting(SentMessage::text).containsExactly("hello Anna Smith!");
    }

    @Test
    void sendsTheInlineReplyThroughTheApiWhenTelegramClosedTheConnectionBeforeReadingTheAnswer() throws Exception {
        adapter();
        bot.start();
        FakeUpdate update = telegram.message(FakeChat.privateWith(anna), anna, "/hello");
        byte[] body = update.json().getBytes(StandardCharsets.UTF_8);

        // Telegram's side gives up on the connection before it reads the answer.
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "X-Telegram-Bot-Api-Secret-Token: " + SECRET + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }
        SentMessage reply = telegram.awaitSentMessages(1, Duration.ofSeconds(10)).get(0);
        // Then it delivers the update again: a copy, so the bot does not run the handler again.
        WebhookDelivery redelivery = telegram.deliver(webhook(), Optional.of(SECRET), body);

        assertThat(reply.text()).isEqualTo("hello Anna Smith!");
        assertThat(reply.viaWebhookResponse()).isFalse();
        assertThat(redelivery.status()).isEqualTo(200);
        assertThat(redelivery.body()).isEmpty();
        assertThat(handled).hasValue(1);
        assertThat(telegram.sentMessages()).extracting(SentMessage::text).containsExactly("hello Anna Smith!");
    }
}
