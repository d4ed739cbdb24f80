package dev.chorusbot.twitch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chorusbot.twitch.IrcMessage;
import dev.chorusbot.twitch.IrcTags;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The IRC transport and line codec against a server nobody here wrote: InspIRCd (Debian's
 * {@code inspircd} package) with its cap, ircv3, message-tags (ircv3_ctctags), msgid and
 * server-time modules, started on loopback for this test and stopped by its process id. Where
 * InspIRCd is not installed the test is reported as skipped, with the reason.
 */
class InspircdInteropTest {
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/inspircd"), Path.of("/usr/bin/inspircd"));

    private static Process server;
    private static Path dir;
    private static int port;

    @BeforeAll
    static void startInspircd() throws Exception {
        Optional<Path> binary = CANDIDATES.stream().filter(Files::isExecutable).findFirst();
        assumeTrue(binary.isPresent(), "InspIRCd is not installed (apt-get install inspircd): the interop test with a"
                + " real IRCv3 server cannot run here");
        dir = Files.createTempDirectory("chorus-inspircd");
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Files.writeString(dir.resolve("motd"), "Chorus interop test\n");
        Files.writeString(dir.resolve("inspircd.conf"), String.join("\n",
                "<server name=\"irc.chorus.test\" description=\"Chorus interop test\" network=\"ChorusTest\">",
                "<admin name=\"Chorus\" nick=\"chorus\" email=\"chorus@localhost\">",
                "<bind address=\"127.0.0.1\" port=\"" + port + "\" type=\"clients\">",
                "<connect allow=\"*\" timeout=\"30\" pingfreq=\"120\" recvq=\"8192\" hardsendq=\"262144\""
                        + " softsendq=\"65536\" localmax=\"50\" globalmax=\"50\" threshold=\"100\" commandrate=\"100000\""
                        + " resolvehostnames=\"no\" useident=\"no\">",
                "<files motd=\"" + dir.resolve("motd") + "\">",
                "<pid file=\"" + dir.resolve("inspircd.pid") + "\">",
                "<log method=\"file\" type=\"* -USERINPUT -USEROUTPUT\" level=\"default\" target=\"" + dir.resolve("ircd.log") + "\">",
                "<module name=\"cap\">",
                "<module name=\"ircv3\">",
                "<module name=\"ircv3_ctctags\">",
                "<module name=\"ircv3_msgid\">",
                "<module name=\"ircv3_servertime\">",
                ""));
        List<String> command = new java.util.ArrayList<>(List.of(binary.get().toString(), "--nofork",
                "--config=" + dir.resolve("inspircd.conf")));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--runasroot"); // InspIRCd refuses root otherwise; CI containers run as root
        }
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                new Socket("127.0.0.1", port).close();
                break;
            } catch (IOException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("InspIRCd did not start: " + Files.readString(dir.resolve("stdout.log")));
                }
                Thread.sleep(20); // polling a port that is not listening yet
            }
        }
    }

    @AfterAll
    static void stopInspircd() throws Exception {
        if (server != null) {
            server.destroy(); // SIGTERM to the process we started, by its pid
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** One registered client: lines arrive in a queue and are parsed with the codec under test. */
    private static final class Client implements AutoCloseable {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final IrcTransport transport;
        private final String nick;

        Client(String nick) throws IOException {
            this.nick = nick;
            this.transport = IrcTransport.open(URI.create("irc://127.0.0.1:" + port), Optional.empty(),
                    Duration.ofSeconds(5), new IrcTransport.Listener() {
                        @Override
                        public void onLine(String line) {
                            lines.add(line);
                        }

                        @Override
                        public void onClosed(IOException cause) {}
                    });
        }

        void send(IrcMessage message) throws IOException {
            transport.send(message.toLine());
        }

        IrcMessage await(Predicate<IrcMessage> test) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                IrcMessage message = IrcMessage.parse(line);
                if (message.command().equals("PING")) {
                    send(new IrcMessage(IrcTags.none(), "", "PONG", message.params()));
                } else if (test.test(message)) {
                    return message;
                }
            }
            throw new AssertionError(nick + ": no matching line within 10 s");
        }

        void register() throws Exception {
            send(IrcMessage.of("CAP", "REQ", "message-tags server-time"));
            send(IrcMessage.of("NICK", nick));
            send(IrcMessage.of("USER", nick, "0", "*", "Chorus " + nick));
            IrcMessage ack = await(m -> m.command().equals("CAP"));
            assertThat(ack.param(1)).isEqualTo("ACK");
            send(IrcMessage.of("CAP", "END"));
            await(m -> m.command().equals("001"));
            send(IrcMessage.of("JOIN", "#chorus"));
            await(m -> m.command().equals("366"));
        }

        @Override
        public void close() {
            transport.close();
        }
    }

    @Test
    void exchangesTaggedPrivmsgsWithARealIrcv3Server() throws Exception {
        try (Client alice = new Client("alice"); Client bob = new Client("bob")) {
            alice.register();
            bob.register();
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("+chorus/note", "semi;colon space back\\slash");
            String text = "hello bob: caf\u00e9 \uD83C\uDFB5 :not a prefix";

            alice.send(new IrcMessage(IrcTags.of(tags), "", "PRIVMSG", List.of("#chorus", text)));

            IrcMessage received = bob.await(m -> m.command().equals("PRIVMSG"));
            assertThat(received.nick()).isEqualTo("alice");
            assertThat(received.params()).containsExactly("#chorus", text);
            assertThat(received.tags().get("+chorus/note")).contains("semi;colon space back\\slash");
            String msgid = received.tags().get("msgid").orElseThrow();
            assertThat(msgid).isNotBlank();
            assertThat(received.tags().get("time")).hasValueSatisfying(time -> assertThat(time).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));

            bob.send(new IrcMessage(IrcTags.of("+draft/reply", msgid), "", "PRIVMSG", List.of("#chorus", "hi alice")));

            IrcMessage reply = alice.await(m -> m.command().equals("PRIVMSG"));
            assertThat(reply.nick()).isEqualTo("bob");
            assertThat(reply.trailing()).isEqualTo("hi alice");
            assertThat(reply.tags().get("+draft/reply")).contains(msgid);
        }
    }
}
