package dev.chorusbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscordConfigTest {
    private static final String TOKEN = FakeDiscordApi.DEFAULT_TOKEN;
    private static final String KEY = "a".repeat(64);

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_BOT_TOKEN", TOKEN);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void readsEveryVariable() {
        DiscordConfig config = DiscordConfig.fromEnv(env("DISCORD_APPLICATION_ID", "100000000000000001",
                "DISCORD_PUBLIC_KEY", KEY.toUpperCase(), "DISCORD_MODE", "gateway",
                "DISCORD_API_URL", "http://127.0.0.1:9/api/v10", "DISCORD_GATEWAY_URL", "ws://127.0.0.1:9"));

        assertThat(config.token()).isEqualTo(TOKEN);
        assertThat(config.applicationId()).contains("100000000000000001");
        assertThat(config.publicKey()).contains(KEY);
        assertThat(config.mode()).isEqualTo(DiscordMode.GATEWAY);
        assertThat(config.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9/api/v10"));
        assertThat(config.gatewayUrl()).contains(URI.create("ws://127.0.0.1:9"));
    }

    @Test
    void defaultsToTheGatewayAndDiscordsApi() {
        DiscordConfig config = DiscordConfig.fromEnv(env());

        assertThat(config.mode()).isEqualTo(DiscordMode.GATEWAY);
        assertThat(config.apiUrl()).isEqualTo(URI.create("https://discord.com/api/v10"));
        assertThat(config.gatewayUrl()).isEmpty();
        assertThat(config.intents()).isEqualTo(DiscordConfig.DEFAULT_INTENTS).isEqualTo(1 | 1 << 9 | 1 << 12 | 1 << 15);
        assertThat(config.webhookPath()).isEqualTo("/discord");
        assertThat(config.globalLimit()).isEqualTo(50);
    }

    @Test
    void aPublicKeyMakesInteractionsTheDefault() {
        assertThat(DiscordConfig.fromEnv(env("DISCORD_PUBLIC_KEY", KEY)).mode()).isEqualTo(DiscordMode.INTERACTIONS);
    }

    @Test
    void readsTheShardCountAndTheGatewayMessageLimit() {
        DiscordConfig config = DiscordConfig.fromEnv(env("DISCORD_SHARDS", "4",
                "DISCORD_GATEWAY_MAX_MESSAGE_BYTES", "16777216"));

        assertThat(config.shards()).isEqualTo(4);
        assertThat(config.gatewayMaxMessageBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(DiscordConfig.fromEnv(env()).gatewayMaxMessageBytes()).isEqualTo(8 * 1024 * 1024)
                .isEqualTo(DiscordConfig.DEFAULT_GATEWAY_MAX_MESSAGE_BYTES);
    }

    @Test
    void badShardsAndMessageLimitFailWithOneSentenceEachNamingTheVariable() {
        assertThatThrownBy(() -> DiscordConfig.fromEnv(env("DISCORD_SHARDS", "5000",
                "DISCORD_GATEWAY_MAX_MESSAGE_BYTES", "1024")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                "DISCORD_SHARDS must be 0 (as Discord recommends) or a shard count up to 4096, was 5000",
                                "DISCORD_GATEWAY_MAX_MESSAGE_BYTES must be at least 4096 bytes, was 1024"));
        assertThatThrownBy(() -> DiscordConfig.fromEnv(env("DISCORD_SHARDS", "many")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("DISCORD_SHARDS must be a whole number, was 'many'"));
    }

    @Test
    void aBadModeFailsWithOneSentenceNamingTheVariable() {
        assertThatThrownBy(() -> DiscordConfig.fromEnv(env("DISCORD_MODE", "webhook")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("DISCORD_MODE must be 'gateway' or 'interactions', was 'webhook'"));
    }

    @Test
    void aBadApiUrlFailsNamingTheVariable() {
        assertThatThrownBy(() -> DiscordConfig.fromEnv(env("DISCORD_API_URL", "ftp://example.com")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "DISCORD_API_URL must be an http or https URL such as https://discord.com/api/v10,"
                                + " was 'ftp://example.com'"));
    }

    @Test
    void aBadGatewayUrlAndApplicationIdAreBothListed() {
        assertThatThrownBy(() -> DiscordConfig.fromEnv(env("DISCORD_GATEWAY_URL", "https://gateway.discord.gg",
                "DISCORD_APPLICATION_ID", "my-bot")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "DISCORD_APPLICATION_ID must be the application's id (digits only), was 'my-bot'",
                        "DISCORD_GATEWAY_URL must be a ws or wss URL such as wss://gateway.discord.gg,"
                                + " was 'https://gateway.discord.gg'"));
    }

    @Test
    void interactionsWithoutAPublicKeySayWhatIsMissing() {
        assertThatThrownBy(() -> DiscordConfig.fromEnv(env("DISCORD_MODE", "interactions")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "DISCORD_MODE is interactions but DISCORD_PUBLIC_KEY is not set: interactions are verified"
                                + " with the application's public key from the Developer Portal"));
    }

    @Test
    void aPublicKeyOfTheWrongLengthIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> DiscordConfig.fromEnv(env("DISCORD_PUBLIC_KEY", "abc123")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "DISCORD_PUBLIC_KEY must be the application's public key: 64 hex digits, was 6 characters"));
    }

    @Test
    void aMissingTokenIsNamed() {
        Map<String, String> env = env();
        env.remove("DISCORD_BOT_TOKEN");

        assertThatThrownBy(() -> DiscordConfig.fromEnv(env))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "DISCORD_BOT_TOKEN is not set: put the token from the Bot page of the Developer Portal in it"));
    }

    @Test
    void aTokenWithTheBotPrefixIsRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> DiscordConfig.fromEnv(env("DISCORD_BOT_TOKEN", "Bot " + TOKEN)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DISCORD_BOT_TOKEN starts with 'Bot '")
                .message().doesNotContain(TOKEN);
    }

    @Test
    void aMalformedTokenIsRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> DiscordConfig.fromEnv(env("DISCORD_BOT_TOKEN", "not-a-token")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DISCORD_BOT_TOKEN is not a bot token")
                .message().doesNotContain("not-a-token");
    }

    @Test
    void toStringHidesTheToken() {
        DiscordConfig config = DiscordConfig.fromEnv(env("DISCORD_API_URL", "http://127.0.0.1:9/" + TOKEN));

        assertThat(config.toString()).doesNotContain(TOKEN).contains("token=<hidden>");
    }

    @Test
    void theBuilderNamesItsSetters() {
        assertThatThrownBy(() -> DiscordConfig.builder().token(TOKEN).globalLimit(0).intents(-1).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "intents must not be negative, was -1",
                        "globalLimit must be at least 1 request per second, was 0"));
    }

    @Test
    void readsTheInteractionsVariables() {
        DiscordConfig config = DiscordConfig.fromEnv(env("DISCORD_PUBLIC_KEY", KEY,
                "DISCORD_APPLICATION_ID", "100000000000000001", "DISCORD_WEBHOOK_PATH", "/hooks/discord",
                "DISCORD_REGISTER_COMMANDS", "true", "DISCORD_COMMAND_GUILD_ID", "300000000000000001"));

        assertThat(config.webhookPath()).isEqualTo("/hooks/discord");
        assertThat(config.registerCommands()).isTrue();
        assertThat(config.commandGuildId()).contains("300000000000000001");
        assertThat(config.interactionDeadline()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(config.signatureWindow()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(config.adapter()).isInstanceOf(DiscordInteractionsAdapter.class);
    }

    @Test
    void registeringWithoutTheApplicationIdAndABadGuildAreBothListed() {
        assertThatThrownBy(() -> DiscordConfig.fromEnv(env("DISCORD_REGISTER_COMMANDS", "true",
                "DISCORD_COMMAND_GUILD_ID", "general")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "DISCORD_COMMAND_GUILD_ID must be a guild's id (digits only), was 'general'",
                        "DISCORD_REGISTER_COMMANDS is on but DISCORD_APPLICATION_ID is not set: commands are registered under"
                                + " the application's id from the Developer Portal"));
    }

    @Test
    void anInteractionDeadlineMustLeaveTimeWithinDiscordsThreeSeconds() {
        assertThatThrownBy(() -> DiscordConfig.builder().token(TOKEN).publicKey(KEY)
                .interactionDeadline(java.time.Duration.ofSeconds(3)).signatureWindow(java.time.Duration.ZERO).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "interactionDeadline must be positive and under 3 s, Discord's limit for the first answer,"
                                + " was PT3S",
                        "signatureWindow must be positive, was PT0S"));
    }
}
