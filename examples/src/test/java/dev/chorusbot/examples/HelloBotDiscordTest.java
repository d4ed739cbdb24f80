package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.InteractionReply;
import dev.chorusbot.testkit.discord.InteractionSender;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hello bot on Discord interactions, built by {@link HelloBot#build} from environment variables
 * alone: {@code DISCORD_BOT_TOKEN}, {@code DISCORD_APPLICATION_ID} and {@code DISCORD_PUBLIC_KEY}
 * switch the interactions adapter on, at {@code /discord} of the embedded server on {@code
 * CHORUS_WEBHOOK_PORT}; Discord is played by the testkit's signing {@link InteractionSender}.
 */
class HelloBotDiscordTest {
    private final FakeDiscordApi discord = FakeDiscordApi.start();
    private final InteractionSender sender = InteractionSender.create(discord.applicationId());
    private Bot bot;

    @AfterEach
    void stop() {
        try {
            if (bot != null) {
                bot.stop();
            }
        } finally {
            discord.close();
        }
    }

    private URI start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        bot = HelloBot.build(Map.of("DISCORD_BOT_TOKEN", discord.token(),
                "DISCORD_APPLICATION_ID", discord.applicationId(),
                "DISCORD_PUBLIC_KEY", sender.publicKey(),
                "DISCORD_API_URL", discord.apiUrl().toString(),
                "CHORUS_WEBHOOK_PORT", Integer.toString(port)));
        bot.start();
        return URI.create("http://127.0.0.1:" + port + "/discord");
    }

    @Test
    void answersSlashHelloWithTheMembersName() throws IOException {
        URI endpoint = start();

        InteractionReply pong = sender.send(endpoint, sender.ping());
        InteractionReply hello = sender.send(endpoint, sender.command("hello").from("210000000000000001", "anna_k",
                "Anna"));

        assertThat(pong.body()).isEqualTo("{\"type\":1}");
        assertThat(hello.status()).isEqualTo(200);
        assertThat(hello.type()).isEqualTo(4);
        assertThat(hello.content()).isEqualTo("hello Anna!");
    }

    @Test
    void refusesAnInteractionNotSignedWithTheApplicationsKey() throws IOException {
        URI endpoint = start();
        byte[] body = sender.command("hello").json().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        InteractionReply forged = sender.post(endpoint, body, timestamp, InteractionSender.create().sign(timestamp, body));

        assertThat(forged.status()).isEqualTo(401);
        assertThat(discord.calls()).isEmpty();
    }
}
