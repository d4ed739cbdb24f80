package dev.chorusbot.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly or stop in the middle of a request cost the server a connection, never
 * a serving thread, and are cut off at the header or body deadline; a complete request is answered
 * however long its endpoint takes. Each server here has a single serving thread, so a request held
 * by a slow client would block every other.
 */
class StalledRequestTest {
    private static final String REQUEST = "POST /hook HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello";

    private final List<AutoCloseable> open = new ArrayList<>();
    private WebhookServer server;

    private WebhookServer start(WebhookServer.Builder builder, WebhookEndpoint endpoint) throws Exception {
        server = builder.address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).threads(1).build();
        server.routes().add("/hook", endpoint);
        return server.start();
    }

    private static WebhookResponse counting(WebhookRequest request) {
        return WebhookResponse.text(200, "got " + request.body().length + " bytes");
    }

    private RawHttp connect() throws Exception {
        RawHttp client = new RawHttp(server.port());
        open.add(client);
        return client;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : open) {
            client.close();
        }
        server.close();
    }

    @Test
    void aClientStallingInTheBodyHoldsNoServingThreadAndIsCutOffAtTheBodyDeadline() throws Exception {
        start(WebhookServer.builder().bodyTimeout(Duration.ofSeconds(1)), StalledRequestTest::counting);
        RawHttp stalled = connect().send("POST /hook HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n0123456789");

        // While 90 bytes are missing, the only serving thread answers another client.
        RawHttp.Answer next = connect().send(REQUEST).read();

        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("got 5 bytes");
        assertThat(stalled.closedByServer()).as("closed at the body deadline").isTrue();
    }

    @Test
    void aClientTricklingItsHeadIsClosedAtTheHeaderDeadlineWhichIsShorterThanTheBodyDeadline() throws Exception {
        start(WebhookServer.builder().headerTimeout(Duration.ofMillis(300)).bodyTimeout(Duration.ofSeconds(60))
                .idleTimeout(Duration.ofSeconds(60)), StalledRequestTest::counting);
        RawHttp trickling = connect().send("POST /hook HTTP/1.1\r\nHost: loc");
        long sent = System.nanoTime();

        assertThat(trickling.closedByServer()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(30));
        assertThat(connect().send(REQUEST).read().status()).isEqualTo(200);
    }

    @Test
    void aBodyIsGivenTheBodyDeadlineNotTheHeaderDeadline() throws Exception {
        start(WebhookServer.builder().headerTimeout(Duration.ofMillis(200)).bodyTimeout(Duration.ofSeconds(60)),
                StalledRequestTest::counting);
        RawHttp slowBody = connect().send("POST /hook HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhe");
        // A client that sends no head is closed at the header deadline: that much time has passed.
        assertThat(connect().closedByServer()).isTrue();

        RawHttp.Answer answer = slowBody.send("llo").read();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("got 5 bytes");
    }

    @Test
    void aCompleteRequestIsAnsweredHoweverLongItsEndpointTakes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(WebhookServer.builder().headerTimeout(Duration.ofMillis(200)).bodyTimeout(Duration.ofMillis(200))
                .idleTimeout(Duration.ofMillis(200)), request -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return counting(request);
                });
        RawHttp waiting = connect().send(REQUEST);
        // Every deadline of the host passes while the endpoint works.
        assertThat(connect().closedByServer()).isTrue();
        release.countDown();

        assertThat(waiting.read().status()).isEqualTo(200);
    }

    @Test
    void connectionsPastTheCapAreClosedAtOnceAndTheOthersAreServed() throws Exception {
        start(WebhookServer.builder().maxConnections(2), StalledRequestTest::counting);
        RawHttp first = connect();
        RawHttp second = connect();
        assertThat(first.send(REQUEST).read().status()).isEqualTo(200); // both accepted and counted
        assertThat(second.send(REQUEST).read().status()).isEqualTo(200);

        RawHttp third = connect();
        third.socket.setSoTimeout(10_000);
        assertThat(third.closedByServer()).as("the third connection is closed before anything is read").isTrue();
        assertThat(first.send(REQUEST).read().status()).isEqualTo(200);

        second.close();
        assertThat(answeredOnANewConnectionWithin(Duration.ofSeconds(20))).isTrue();
    }

    private boolean answeredOnANewConnectionWithin(Duration wait) throws Exception {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            try (RawHttp client = new RawHttp(server.port())) {
                if (client.send(REQUEST).read().status() == 200) {
                    return true;
                }
            } catch (java.io.IOException closedAtTheCap) {
                // the server has not yet seen the other close; try again
            }
        }
        return false;
    }
}
