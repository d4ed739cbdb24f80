package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.InMemoryStateStore;
import dev.chorusbot.testkit.discord.DiscordButton;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.InteractionReply;
import dev.chorusbot.testkit.discord.InteractionSender;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The showcase bot on Discord interactions: its buttons are Discord buttons whose {@code custom_id}
 * is the command line, and pressing one runs it: "Roll again" edits the roll in place (an
 * UPDATE_MESSAGE answer), "+1" answers with a new message.
 */
class ShowcaseBotDiscordTest {
    private static final String MESSAGE_ID = "1300000000000000042";

    private final FakeDiscordApi discord = FakeDiscordApi.start();
    private final InteractionSender sender = InteractionSender.create(discord.applicationId());
    private Bot bot;
    private URI endpoint;

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        bot = ShowcaseBot.build(Map.of("DISCORD_BOT_TOKEN", discord.token(),
                "DISCORD_APPLICATION_ID", discord.applicationId(),
                "DISCORD_PUBLIC_KEY", sender.publicKey(),
                "DISCORD_API_URL", discord.apiUrl().toString(),
                "CHORUS_WEBHOOK_PORT", Integer.toString(port)), new InMemoryStateStore());
        bot.start();
        endpoint = URI.create("http://127.0.0.1:" + port + "/discord");
    }

    @AfterEach
    void stop() {
        try {
            bot.stop();
        } finally {
            discord.close();
        }
    }

    @Test
    void rollAnswersWithARollAgainButtonWhosePressEditsTheRollInPlace() {
        InteractionReply rolled = sender.send(endpoint, sender.command("roll").option("dice", "2d6"));

        assertThat(rolled.type()).isEqualTo(4);
        assertThat(rolled.content()).startsWith("Viktor rolls 2d6: ");
        assertThat(rolled.buttons()).containsExactly(List.of(new DiscordButton("Roll again", "roll 2d6", 2)));

        InteractionReply again = sender.send(endpoint, sender.press("roll 2d6", MESSAGE_ID)
                .from("210000000000000002", "anna_k", "Anna"));

        assertThat(again.type()).isEqualTo(7); // UPDATE_MESSAGE: the pressed message shows the new roll
        assertThat(again.content()).startsWith("Anna rolls 2d6: ");
        assertThat(again.buttons()).containsExactly(List.of(new DiscordButton("Roll again", "roll 2d6", 2)));
    }

    @Test
    void theCounterCountsOnPressesAndOnlyModeratorsReset() {
        assertThat(sender.send(endpoint, sender.command("count")).content()).isEqualTo("Counter: 1");
        assertThat(sender.send(endpoint, sender.press("count", MESSAGE_ID)).content()).isEqualTo("Counter: 2");

        InteractionReply refused = sender.send(endpoint, sender.press("reset", MESSAGE_ID));
        InteractionReply reset = sender.send(endpoint, sender.press("reset", MESSAGE_ID).permissions(1L << 13));

        assertThat(refused.content()).contains("only for moderators");
        assertThat(reset.content()).isEqualTo("Counter reset by Viktor.");
        assertThat(sender.send(endpoint, sender.command("count")).content()).isEqualTo("Counter: 1");
    }
}
