package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import dev.chorusbot.testkit.twitch.TestCertificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ircs:// and wss:// with a certificate made at test time; the host name is checked. */
class TlsTransportTest {
    private static TestCertificate localhost;

    @BeforeAll
    static void certificates() {
        localhost = TestCertificate.generate("localhost", "127.0.0.1");
    }


    private static FakeTwitchIrcServer server(String kind, TestCertificate cert) {
        return (kind.equals("ircs") ? FakeTwitchIrcServer.builder().tls(cert) : FakeTwitchIrcServer.builder().secureWebSocket(cert)).start();
    }

    private static TwitchConfig config(FakeTwitchIrcServer server, TestCertificate trusted) {
        return TwitchConfig.builder().username("chorus_bot").token("tok3n").channels("chorus")
                .server(server.uri()).sslContext(trusted.clientContext())
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(100))
                .closeTimeout(Duration.ofSeconds(1))
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ircs", "wss"})
    void connectsOverTlsToAServerWhoseCertificateNamesTheHost(String kind) throws Exception {
        try (FakeTwitchIrcServer twitch = server(kind, localhost)) {
            assertThat(twitch.uri().getScheme()).isEqualTo(kind);
            RecordingSink sink = new RecordingSink();
            TwitchAdapter adapter = new TwitchAdapter(config(twitch, localhost));
            adapter.start(sink);
            try {
                twitch.awaitJoined("chorus");
                adapter.send(dev.chorusbot.core.Outbound.text(
                        dev.chorusbot.core.Chat.of("chorus", dev.chorusbot.core.Chat.Kind.GROUP, ""), "over tls"))
                        .get(10, TimeUnit.SECONDS);
                twitch.awaitReceived(line -> line.equals("PRIVMSG #chorus :over tls"));
            } finally {
                adapter.close();
            }
        }
    }
}
