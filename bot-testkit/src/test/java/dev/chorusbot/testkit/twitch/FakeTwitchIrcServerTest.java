package dev.chorusbot.testkit.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.testkit.ManualScheduler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake server seen from a bare IRC client: the exact lines Twitch sends. */
class FakeTwitchIrcServerTest {
    private final ManualScheduler time = new ManualScheduler();
    private FakeTwitchIrcServer twitch;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    @BeforeEach
    void connect() throws IOException {
        twitch = FakeTwitchIrcServer.builder().tcp().clock(time.clock()).start();
        socket = new Socket("localhost", twitch.uri().getPort());
        socket.setSoTimeout(5000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    @AfterEach
    void close() throws IOException {
        socket.close();
        twitch.close();
    }

    private void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private List<String> read(int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(in.readLine());
        }
        return lines;
    }

    /** Reads until the server goes quiet for a moment; a quiet gap is how absence shows on a socket. */
    private List<String> readUntilQuiet() throws IOException {
        List<String> lines = new ArrayList<>();
        socket.setSoTimeout(300);
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (SocketTimeoutException quiet) {
            // nothing more
        } finally {
            socket.setSoTimeout(5000);
        }
        return lines;
    }

    private void logIn() throws IOException {
        send("CAP REQ :twitch.tv/tags twitch.tv/commands");
        send("PASS oauth:abc");
        send("NICK chorus_bot");
        read(9);
    }

    @Test
    void answersALoginAsTwitchDoes() throws IOException {
        send("CAP REQ :twitch.tv/tags twitch.tv/commands");
        send("PASS oauth:abc");
        send("NICK chorus_bot");

        assertThat(read(9)).containsExactly(
                ":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands",
                ":tmi.twitch.tv 001 chorus_bot :Welcome, GLHF!",
                ":tmi.twitch.tv 002 chorus_bot :Your host is tmi.twitch.tv",
                ":tmi.twitch.tv 003 chorus_bot :This server is rather new",
                ":tmi.twitch.tv 004 chorus_bot :-",
                ":tmi.twitch.tv 375 chorus_bot :-",
                ":tmi.twitch.tv 372 chorus_bot :You are in a maze of twisty passages, all alike.",
                ":tmi.twitch.tv 376 chorus_bot :>",
                "@badge-info=;badges=;color=;display-name=chorus_bot;emote-sets=0,300374282;user-id=424242;user-type="
                        + " :tmi.twitch.tv GLOBALUSERSTATE");
    }

    @Test
    void keepsAPassReadWhileSilentSoTheLoginAfterwardsIsAnswered() throws IOException {
        twitch.silent(true);
        send("CAP REQ :twitch.tv/tags twitch.tv/commands");
        send("PASS oauth:abc");
        twitch.awaitReceived(line -> line.equals("PASS oauth:abc"));
        assertThat(readUntilQuiet()).as("silent").isEmpty();
        twitch.silent(false);

        send("NICK chorus_bot");

        assertThat(in.readLine()).isEqualTo(":tmi.twitch.tv 001 chorus_bot :Welcome, GLHF!");
        assertThat(read(7).get(6)).as("the capability requested while silent holds")
                .startsWith("@badge-info=;").endsWith(":tmi.twitch.tv GLOBALUSERSTATE");
    }

    @Test
    void refusesAnUnknownTokenAndCloses() throws IOException {
        twitch.acceptTokens("the-right-one");
        send("PASS oauth:wrong");
        send("NICK chorus_bot");

        assertThat(in.readLine()).isEqualTo(":tmi.twitch.tv NOTICE * :Login authentication failed");
        assertThat(in.readLine()).as("closed").isNull();
    }

    @Test
    void refusesAPassWithoutOauthPrefixAndCloses() throws IOException {
        send("PASS abc");
        send("NICK chorus_bot");

        assertThat(in.readLine()).isEqualTo(":tmi.twitch.tv NOTICE * :Improperly formatted auth");
        assertThat(in.readLine()).isNull();
    }

    @Test
    void answersAJoinWithEchoNamesUserstateAndRoomstate() throws IOException {
        logIn();

        send("JOIN #Chorus");

        List<String> lines = read(5);
        assertThat(lines.subList(0, 3)).containsExactly(
                ":chorus_bot!chorus_bot@chorus_bot.tmi.twitch.tv JOIN #chorus",
                ":chorus_bot.tmi.twitch.tv 353 chorus_bot = #chorus :chorus_bot",
                ":chorus_bot.tmi.twitch.tv 366 chorus_bot #chorus :End of /NAMES list");
        assertThat(lines.get(3)).endsWith(" :tmi.twitch.tv USERSTATE #chorus").contains("badges=;");
        assertThat(lines.get(4)).endsWith(" :tmi.twitch.tv ROOMSTATE #chorus").contains("followers-only=-1");
    }

    @Test
    void answersPingWithPong() throws IOException {
        logIn();

        send("PING :tmi.twitch.tv");

        assertThat(in.readLine()).isEqualTo(":tmi.twitch.tv PONG tmi.twitch.tv :tmi.twitch.tv");
    }

    @Test
    void dropsMessagesOverFiveHundredCharactersWithoutAWord() throws IOException {
        logIn();
        send("JOIN #chorus");
        read(5);

        send("PRIVMSG #chorus :" + "\uD83C\uDFB5".repeat(501));

        assertThat(readUntilQuiet()).isEmpty();
        assertThat(twitch.accepted()).isEmpty();
        send("PRIVMSG #chorus :" + "\uD83C\uDFB5".repeat(500));
        assertThat(in.readLine()).contains("USERSTATE #chorus");
    }

    @Test
    void refusesTheTwentyFirstMessageInThirtySeconds() throws IOException {
        logIn();
        send("JOIN #chorus");
        read(5);
        for (int i = 0; i < 20; i++) {
            send("PRIVMSG #chorus :message " + i);
        }
        assertThat(read(20)).allMatch(line -> line.contains("USERSTATE #chorus"));

        send("PRIVMSG #chorus :one too many");

        assertThat(in.readLine()).isEqualTo("@msg-id=msg_ratelimit :tmi.twitch.tv NOTICE #chorus"
                + " :Your message was not sent because you are sending messages too quickly.");
        time.advance(Duration.ofSeconds(30));
        send("PRIVMSG #chorus :one too many");
        assertThat(in.readLine()).contains("USERSTATE #chorus");
    }

    @Test
    void allowsOneHundredWhereTheBotIsModerator() throws IOException {
        twitch.moderatorIn("chorus");
        logIn();
        send("JOIN #chorus");
        assertThat(read(5).get(3)).contains("badges=moderator/1;").contains("mod=1");
        for (int i = 0; i < 100; i++) {
            send("PRIVMSG #chorus :message " + i);
        }
        assertThat(read(100)).allMatch(line -> line.contains("USERSTATE #chorus"));

        send("PRIVMSG #chorus :one too many");

        assertThat(in.readLine()).contains("msg_ratelimit");
    }

    @Test
    void refusesAnIdenticalMessageWithinThirtySeconds() throws IOException {
        logIn();
        send("JOIN #chorus");
        read(5);
        send("PRIVMSG #chorus :same");
        read(1);

        send("PRIVMSG #chorus :same");

        assertThat(in.readLine()).isEqualTo("@msg-id=msg_duplicate :tmi.twitch.tv NOTICE #chorus"
                + " :Your message is identical to the one you sent within the last 30 seconds.");
    }

    @Test
    void dropsAConnectionThatJoinsMoreThanTwentyChannelsInTenSeconds() throws IOException {
        logIn();
        for (int i = 0; i < 21; i++) {
            send("JOIN #channel" + i);
        }

        List<String> lines = readUntilQuiet();

        assertThat(lines).filteredOn(line -> line.contains(" JOIN #")).hasSize(20);
        assertThat(in.readLine()).as("closed").isNull();
    }

    @Test
    void sendsInjectedChatWithTwitchsTags() throws IOException {
        logIn();
        send("JOIN #chorus");
        read(5);

        String id = twitch.chat("chorus", "Viktor", "Vik Tor", "subscriber/12", "!hello");

        String line = in.readLine();
        assertThat(line).startsWith("@badge-info=;badges=subscriber/12;color=#1E90FF;display-name=Vik\\sTor;")
                .contains(";id=" + id + ";")
                .contains(";subscriber=1;")
                .endsWith(" :viktor!viktor@viktor.tmi.twitch.tv PRIVMSG #chorus :!hello");
        assertThat(twitch.received()).contains("PASS oauth:abc", "JOIN #chorus");
    }

    @Test
    void failsAJoinWaitThatTimesOutNamingTheChannel() {
        assertThatThrownBy(() -> twitch.awaitJoined("#Nowhere", Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("timed out after 20 ms waiting for a client to join #nowhere; saw joined []; received: []");
    }
}
