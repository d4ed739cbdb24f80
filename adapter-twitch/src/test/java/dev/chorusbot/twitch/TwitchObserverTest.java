package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.Reply;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The Twitch IRC adapter reports messages written and reconnects to the bot's observers, for metrics. */
class TwitchObserverTest {

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    @Test
    void reportsMessagesSentAndReconnects() {
        List<String> heard = new CopyOnWriteArrayList<>();
        BotObserver observer = new BotObserver() {
            @Override
            public void messageSent(Platform platform) {
                heard.add("sent " + platform.id());
            }

            @Override
            public void reconnecting(Platform platform) {
                heard.add("reconnecting " + platform.id());
            }
        };
        try (FakeTwitchIrcServer twitch = FakeTwitchIrcServer.start()) {
            TwitchAdapter adapter = new TwitchAdapter(TwitchConfig.builder().username("chorus_bot")
                    .token("oauth:abcdefghijklmnopqrstuvwxyz0123").channels("twitchdev")
                    .server(twitch.uri()).build());
            Bot bot = Bot.builder().adapter(adapter).observer(observer)
                    .command(Command.named("hello").handler(ctx -> Reply.text("hello!")).build()).build();
            bot.start();
            try {
                twitch.awaitJoined("twitchdev");
                twitch.chat("twitchdev", "viewer", "Viewer", "!hello");
                twitch.awaitReceived(line -> line.endsWith("PRIVMSG #twitchdev :hello!"));
                await(() -> heard.contains("sent twitch"), "the message reported as sent");

                twitch.sendReconnect();
                await(() -> heard.contains("reconnecting twitch"), "the reconnect reported");
                twitch.awaitConnections(2);
            } finally {
                bot.stop();
            }
        }
    }
}
