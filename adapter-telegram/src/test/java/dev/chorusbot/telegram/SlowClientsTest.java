package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle a request at one byte a second, as an attacker does, must not delay a real
 * update: the embedded host reads them without a serving thread. With the JDK's server, four such
 * clients held all four serving threads and {@code /hello} waited 28–30 s.
 */
class SlowClientsTest {
    private static final int TRICKLERS = 50;
    /** Far below the 28–30 s a real update waited behind trickling clients; generous for a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private FakeTelegramServer telegram;
    private Bot bot;
    private URI webhook;
    private int port;
    private final List<Trickler> tricklers = new ArrayList<>();
    private final ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trickle");
        t.setDaemon(true);
        return t;
    });

    @BeforeEach
    void start() throws Exception {
        telegram = FakeTelegramServer.start();
        TelegramConfig config = TelegramConfig.builder().token(telegram.token()).apiUrl(telegram.apiUrl())
                .webhookSecret(WebhookTest.SECRET).build();
        WebhookServer server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        bot = Bot.builder().command(WebhookTest.hello()).adapter(new TelegramAdapter(config)).webhookServer(server)
                .build();
        bot.start();
        port = server.port();
        webhook = URI.create("http://127.0.0.1:" + port + "/telegram");
    }

    @AfterEach
    void stop() {
        drip.shutdownNow();
        tricklers.forEach(Trickler::close);
        bot.stop();
        telegram.close();
    }

    @Test
    void helloIsAnsweredAtOnceWhileFiftyClientsTrickleTheirHeadsAndBodies() throws Exception {
        assertThat(hello(0)).isLessThan(BOUND.toMillis()); // the first update of a fresh JVM, before any trickler
        for (int i = 0; i < TRICKLERS; i++) {
            tricklers.add(new Trickler(i % 2 == 0
                    // the head, one byte a second: never complete
                    ? "POST /telegram HTTP/1.1\r\nHost: bot\r\nX-Padding: " + "p".repeat(200)
                    // a whole head, then the body one byte a second
                    : "POST /telegram HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"
                            + "X-Telegram-Bot-Api-Secret-Token: " + WebhookTest.SECRET + "\r\nContent-Length: 400\r\n\r\n"
                            + "{" + "\"x\":0,".repeat(60), i % 2 == 0 ? 0 : 120));
        }
        // Two rounds: every trickler is connected and has sent part of its request.
        CountDownLatch rounds = new CountDownLatch(2);
        drip.scheduleAtFixedRate(() -> {
            tricklers.forEach(Trickler::drip);
            rounds.countDown();
        }, 0, 1, TimeUnit.SECONDS);
        assertThat(rounds.await(30, TimeUnit.SECONDS)).isTrue();

        long[] millis = new long[5];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = hello(i + 1);
        }
        System.out.println("/hello with " + TRICKLERS + " trickling clients answered in " + Arrays.toString(millis)
                + " ms");

        assertThat(Duration.ofMillis(Arrays.stream(millis).max().orElseThrow())).isLessThan(BOUND);
    }

    /** Delivers {@code /hello} in a private chat of its own (no chat's send limit applies); the milliseconds to its answer. */
    private long hello(int n) {
        FakeUser anna = telegram.user("Anna", "Smith", "anna" + n);
        long start = System.nanoTime();
        WebhookDelivery delivery = telegram.deliver(webhook, Optional.of(WebhookTest.SECRET),
                telegram.message(FakeChat.privateWith(anna), anna, "/hello").json().getBytes(StandardCharsets.UTF_8));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.body()).contains("\"method\":\"sendMessage\"").contains("hello Anna Smith!");
        return millis;
    }

    /** One client sending {@code request} one byte a second after its first {@code burst} bytes; reconnects when closed. */
    private final class Trickler {
        private final byte[] request;
        private final int burst;
        private Socket socket;
        private int sent;

        Trickler(String request, int burst) {
            this.request = request.getBytes(StandardCharsets.US_ASCII);
            this.burst = burst;
        }

        void drip() {
            try {
                if (socket == null || sent >= request.length) {
                    close();
                    socket = new Socket(InetAddress.getLoopbackAddress(), port);
                    sent = 0;
                }
                OutputStream out = socket.getOutputStream();
                int n = sent == 0 ? Math.max(1, burst) : 1;
                out.write(request, sent, Math.min(n, request.length - sent));
                out.flush();
                sent += n;
            } catch (IOException closed) {
                close(); // the server closed it: reconnect on the next drip, as an attacker does
            }
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }
}
