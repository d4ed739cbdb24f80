package dev.chorusbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.InteractionReply;
import dev.chorusbot.testkit.discord.InteractionSender;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slash commands carry Discord's own prefix, {@code /}: they run, and {@code help} shows them as
 * {@code /name}, whatever prefixes the bot declared for Discord.
 */
class SlashCommandPrefixTest {
    private final FakeDiscordApi discord = FakeDiscordApi.start();
    private final InteractionSender sender = InteractionSender.create();
    private final WebhookServer server =
            WebhookServer.builder().address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
    private Bot bot;

    @AfterEach
    void close() {
        if (bot != null) {
            bot.stop();
        }
        discord.close();
    }

    private URI start(Bot.Builder builder) {
        bot = InteractionsHarness.commands(builder, new CountDownLatch(0))
                .adapter(new DiscordInteractionsAdapter(InteractionsHarness.config(discord, sender).build()))
                .webhookServer(server).build();
        bot.start();
        return URI.create("http://127.0.0.1:" + server.port() + "/discord");
    }

    @Test
    void aSlashCommandRunsWhenTheBotsPrefixesForDiscordLackSlash() {
        URI endpoint = start(Bot.builder().prefixes(Discord.PLATFORM, "!"));

        InteractionReply reply = sender.send(endpoint, sender.command("hello"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.content()).isEqualTo("hello Viktor!");
    }

    @Test
    void helpListsTheCommandsAsSlashCommands() {
        URI endpoint = start(Bot.builder().prefixes(Discord.PLATFORM, "!"));

        InteractionReply reply = sender.send(endpoint, sender.command("help"));

        assertThat(reply.content()).contains("\n/hello — Say hello").doesNotContain("!hello");
    }

    @Test
    void helpFromAButtonListsTheCommandsAsSlashCommands() {
        // The default prefixes, ! first: a button's data carries none, and Discord's own is shown.
        URI endpoint = start(Bot.builder());

        InteractionReply reply = sender.send(endpoint, sender.press("help", "1300000000000000077"));

        assertThat(reply.type()).isEqualTo(4);
        assertThat(reply.content()).contains("\n/hello — Say hello").doesNotContain("!hello");
    }
}
