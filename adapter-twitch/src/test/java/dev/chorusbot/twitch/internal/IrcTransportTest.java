package dev.chorusbot.twitch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import dev.chorusbot.testkit.twitch.TestCertificate;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IrcTransportTest {
    private static final IrcTransport.Listener IGNORE = new IrcTransport.Listener() {
        @Override
        public void onLine(String line) {}

        @Override
        public void onClosed(IOException cause) {}
    };

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 10 s waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ircs", "wss"})
    void refusesATrustedCertificateIssuedForAnotherHost(String kind) {
        TestCertificate elsewhere = TestCertificate.generate("chat.example.org");
        try (FakeTwitchIrcServer twitch = (kind.equals("ircs") ? FakeTwitchIrcServer.builder().tls(elsewhere)
                : FakeTwitchIrcServer.builder().secureWebSocket(elsewhere)).start()) {

            assertThatThrownBy(() -> IrcTransport.open(twitch.uri(), Optional.of(elsewhere.clientContext()),
                    Duration.ofSeconds(5), IGNORE))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("No subject alternative DNS name matching localhost");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"irc", "ws"})
    void deliversLinesAndReportsTheServerClosing(String kind) throws Exception {
        try (FakeTwitchIrcServer twitch = (kind.equals("irc") ? FakeTwitchIrcServer.builder().tcp() : FakeTwitchIrcServer.builder().webSocket()).start()) {
            List<String> lines = new CopyOnWriteArrayList<>();
            List<IOException> closes = new CopyOnWriteArrayList<>();
            IrcTransport transport = IrcTransport.open(twitch.uri(), Optional.empty(), Duration.ofSeconds(5),
                    new IrcTransport.Listener() {
                        @Override
                        public void onLine(String line) {
                            lines.add(line);
                        }

                        @Override
                        public void onClosed(IOException cause) {
                            closes.add(cause);
                        }
                    });
            transport.send("PING :hello");
            twitch.awaitReceived(line -> line.equals("PING :hello"));

            twitch.sendFrame("first\r\nsecond\r\n");
            awaitTrue(() -> lines.contains("second"), "the line \"second\"");
            twitch.dropConnections();

            awaitTrue(() -> !closes.isEmpty(), "the transport to report its close");
            assertThat(lines).contains("first", "second");
            assertThat(closes).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"irc", "ws"})
    void skipsALineLongerThanTheLimitAndKeepsReading(String kind) throws Exception {
        try (FakeTwitchIrcServer twitch = (kind.equals("irc") ? FakeTwitchIrcServer.builder().tcp() : FakeTwitchIrcServer.builder().webSocket()).start()) {
            List<String> lines = new CopyOnWriteArrayList<>();
            IrcTransport transport = IrcTransport.open(twitch.uri(), Optional.empty(), Duration.ofSeconds(5),
                    new IrcTransport.Listener() {
                        @Override
                        public void onLine(String line) {
                            lines.add(line);
                        }

                        @Override
                        public void onClosed(IOException cause) {}
                    });
            transport.send("PING :hello");
            twitch.awaitReceived(line -> line.equals("PING :hello"));

            twitch.sendFrame("x".repeat(IrcTransport.MAX_LINE_BYTES + 1) + "\r\nafter\r\n");
            awaitTrue(() -> lines.contains("after"), "the line \"after\"");

            assertThat(lines).contains("after").allMatch(line -> line.length() <= IrcTransport.MAX_LINE_BYTES);
            transport.close();
        }
    }
}
