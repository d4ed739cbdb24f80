package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.testkit.discord.DiscordAuthor;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.FakeDiscordGateway;
import dev.chorusbot.testkit.discord.SentDiscordMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hello bot on Discord's Gateway, configured as in production through the environment (only
 * DISCORD_BOT_TOKEN and the fakes' URLs), against the fake REST API and Gateway.
 */
class HelloBotDiscordGatewayTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GUILD = "400000000000000000";
    private static final String CHANNEL = "500000000000000000";

    @Test
    void answersHelloWithTheServerNicknameAsAReply() {
        try (FakeDiscordGateway gateway = FakeDiscordGateway.start();
                FakeDiscordApi discord = FakeDiscordApi.builder().gateway(gateway.url(), 1, 1).start()) {
            Bot bot = HelloBot.build(Map.of(
                    "DISCORD_BOT_TOKEN", discord.token(),
                    "DISCORD_API_URL", discord.apiUrl().toString()));
            bot.start();
            try {
                gateway.awaitSessions(1, WAIT);
                gateway.guildCreate(GUILD, "Chorus", "200000000000000009", Map.of(GUILD, 0L));

                String bang = gateway.messageCreate(GUILD, CHANNEL,
                        DiscordAuthor.of("200000000000000002", "viktor").withGlobalName("Viktor").withNick("Vik"),
                        "!hello");
                String direct = gateway.messageCreate(null, "600000000000000000",
                        DiscordAuthor.of("200000000000000003", "anna").withGlobalName("Anna"), "!hello");

                List<SentDiscordMessage> sent = discord.awaitMessages(2, WAIT);
                assertThat(sent).extracting(m -> m.channelId() + " " + m.content() + " " + m.replyToId().orElse(""))
                        .containsExactlyInAnyOrder(CHANNEL + " hello Vik! " + bang,
                                "600000000000000000 hello Anna! " + direct);
                assertThat(discord.rateLimitViolations()).isZero();
            } finally {
                bot.stop();
            }
        }
    }
}
