package dev.chorusbot.testkit.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender's retries, as a webhook sees them. */
class FakeEventSubSenderTest {
    private HttpServer failingWebhook;

    @BeforeEach
    void start() throws Exception {
        failingWebhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        failingWebhook.createContext("/twitch", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        failingWebhook.start();
    }

    @AfterEach
    void stop() {
        failingWebhook.stop(0);
    }

    @Test
    void countsTheRetryHeaderOnAcrossARedeliveryOfTheSameMessage() {
        FakeEventSubSender twitch = FakeEventSubSender.builder()
                .callback(URI.create("http://127.0.0.1:" + failingWebhook.getAddress().getPort() + "/twitch"))
                .secret("secret-for-tests").maxAttempts(2).start();

        FakeEventSubSender.Delivery first = twitch.chatMessage(ChatMessageNotification.builder().text("!hello"));
        FakeEventSubSender.Delivery again = twitch.redeliver(first);

        assertThat(first.attempts()).extracting(a -> a.requestHeaders().get("Twitch-Eventsub-Message-Retry"))
                .containsExactly("0", "1");
        assertThat(again.attempts()).extracting(a -> a.requestHeaders().get("Twitch-Eventsub-Message-Retry"))
                .containsExactly("2", "3");
        assertThat(again.attempts()).allSatisfy(a -> assertThat(a.status()).isEqualTo(503));
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(twitch.deliveries()).containsExactly(first, again);
    }

    @Test
    void refusesToDeliverOnceClosed() {
        FakeEventSubSender twitch = FakeEventSubSender.start(URI.create("http://127.0.0.1:1/twitch"));

        twitch.close();

        assertThatThrownBy(() -> twitch.chatMessage(ChatMessageNotification.builder().text("!hello")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the fake EventSub sender was closed; start another to deliver");
    }

    @Test
    void failsAnAwaitThatTimesOutNamingWhatItSaw() {
        FakeEventSubSender twitch = FakeEventSubSender.start(URI.create("http://127.0.0.1:1/twitch"));

        assertThatThrownBy(() -> twitch.awaitDeliveries(1, Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("timed out after 20 ms waiting for 1 EventSub deliveries; saw 0: []");
    }
}
