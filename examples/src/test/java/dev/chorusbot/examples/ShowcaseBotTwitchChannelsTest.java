package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A moderator moves the showcase bot between Twitch channels with !join and !part. */
class ShowcaseBotTwitchChannelsTest {
    @Test
    void aModeratorJoinsAndPartsChannelsAndOthersMayNot() {
        try (FakeTwitchIrcServer twitch = FakeTwitchIrcServer.start()) {
            Bot bot = ShowcaseBot.build(Map.of(
                    "TWITCH_USERNAME", "chorus_bot",
                    "TWITCH_OAUTH_TOKEN", "abc123",
                    "TWITCH_CHANNELS", "chorus",
                    "TWITCH_IRC_URL", twitch.uri().toString()));
            bot.start();
            try {
                twitch.awaitJoined("chorus");

                twitch.chat("chorus", "viktor", "Viktor", "!join friend");
                twitch.awaitReceived(line -> line.endsWith("PRIVMSG #chorus :Sorry, !join is only for moderators."));
                twitch.chat("chorus", "mod", "Mod", "moderator/1", "!join #Friend");
                twitch.awaitReceived(line -> line.endsWith("PRIVMSG #chorus :Joining #friend."));
                twitch.awaitJoined("friend");

                twitch.chat("chorus", "mod", "Mod", "moderator/1", "!part friend");
                twitch.awaitReceived(line -> line.equals("PART #friend"));
                twitch.awaitReceived(line -> line.endsWith("PRIVMSG #chorus :Left #friend."));
                assertThat(twitch.received()).filteredOn(line -> line.equals("JOIN #friend")).hasSize(1);
            } finally {
                bot.stop();
            }
        }
    }
}
