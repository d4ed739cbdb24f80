package dev.chorusbot.twitch;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Reply;
import dev.chorusbot.testkit.Golden;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact IRC lines Chorus writes to Twitch, compared with golden files under
 * {@code src/test/resources/golden/twitch/} (https://dev.twitch.tv/docs/chat/irc/).
 */
class IrcWireFormatTest {
    FakeTwitchIrcServer twitch;
    Bot bot;

    @BeforeEach
    void start() {
        twitch = FakeTwitchIrcServer.start();
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
        twitch.close();
    }

    TwitchAdapter startBot(String... channels) {
        TwitchAdapter adapter = new TwitchAdapter(TwitchConfig.builder()
                .username("Chorus_Bot")
                .token("tok3n")
                .channels(channels)
                .server(twitch.uri())
                .closeTimeout(Duration.ofSeconds(2))
                .build());
        bot = Bot.builder().adapter(adapter).command(Command.named("hello")
                .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build()).build();
        bot.start();
        return adapter;
    }

    @Test
    void logsInWithCapabilitiesPassAndNickThenJoinsEveryChannel() {
        startBot("#Chorus", "twitchdev", "Viktor");

        twitch.awaitJoined("viktor");

        Golden.assertLines("golden/twitch/login-and-joins.txt", twitch.received());
    }

    @Test
    void answersACommandWithAPrivmsgThreadedUnderIt() {
        startBot("#Chorus");
        twitch.awaitJoined("chorus");

        String id = twitch.chat("chorus", "viktor", "Viktor", "!hello");
        twitch.awaitReceived(line -> line.contains("PRIVMSG"));

        List<String> sent = twitch.received().stream().filter(line -> line.contains("PRIVMSG")).toList();
        Golden.assertLines("golden/twitch/reply.txt",
                List.of(Golden.stable(String.join("\n", sent), Map.of(id, "{message-id}")).split("\n")));
    }

    @Test
    void sendsAMessageWithoutReplyTags() throws Exception {
        TwitchAdapter adapter = startBot("#Chorus");
        twitch.awaitJoined("chorus");

        adapter.send(Outbound.text(Chat.of("chorus", Chat.Kind.GROUP, "#chorus"), "good morning, chat"))
                .get(5, TimeUnit.SECONDS);
        twitch.awaitReceived(line -> line.contains("PRIVMSG"));

        Golden.assertLines("golden/twitch/message.txt",
                twitch.received().stream().filter(line -> line.contains("PRIVMSG")).toList());
    }
}
