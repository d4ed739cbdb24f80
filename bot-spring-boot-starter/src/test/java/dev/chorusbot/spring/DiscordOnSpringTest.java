package dev.chorusbot.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.InteractionReply;
import dev.chorusbot.testkit.discord.InteractionSender;
import dev.chorusbot.testkit.discord.RegisteredCommand;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Discord interactions on the application's own server: the {@code chorus.discord.*} properties
 * switch the interactions adapter on, the REST API is played by {@link FakeDiscordApi}, and the
 * testkit's {@link InteractionSender} signs interactions with the key the properties name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = DiscordOnSpringTest.App.class)
class DiscordOnSpringTest {
    private static final FakeDiscordApi discord = FakeDiscordApi.start();
    private static final InteractionSender sender = InteractionSender.create(discord.applicationId());

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Command hello() {
            return Command.named("hello").description("Say hello")
                    .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("chorus.discord.token", discord::token);
        registry.add("chorus.discord.application-id", discord::applicationId);
        registry.add("chorus.discord.public-key", sender::publicKey);
        registry.add("chorus.discord.api-url", () -> discord.apiUrl().toString());
        registry.add("chorus.discord.webhook-path", () -> "/hooks/discord");
        registry.add("chorus.discord.register-commands", () -> "true");
        registry.add("chorus.discord.command-guild-id", () -> "300000000000000001");
    }

    @AfterAll
    static void stopFake() {
        discord.close();
    }

    @LocalServerPort
    int port;

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + port + "/hooks/discord");
    }

    @Test
    void answersPingAndHelloOnTheApplicationsPort() {
        assertThat(sender.send(endpoint(), sender.ping()).body()).isEqualTo("{\"type\":1}");

        InteractionReply reply = sender.send(endpoint(), sender.command("hello").nick("Vik"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(4);
        assertThat(reply.content()).isEqualTo("hello Vik!");
    }

    @Test
    void refusesAForgedInteractionWith401() {
        byte[] body = sender.command("hello").json().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        InteractionReply reply = sender.post(endpoint(), body, timestamp,
                InteractionSender.create().sign(timestamp, body));

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void registersTheCommandsInTheConfiguredGuildInTheBackground() {
        discord.awaitCalls(1, Duration.ofSeconds(30));
        dev.chorusbot.testkit.internal.Await.until("the registration", Duration.ofSeconds(30),
                () -> discord.guildCommands("300000000000000001"), l -> !l.isEmpty(), Object::toString);

        assertThat(discord.guildCommands("300000000000000001")).extracting(RegisteredCommand::name)
                .contains("hello", "help");
    }
}
