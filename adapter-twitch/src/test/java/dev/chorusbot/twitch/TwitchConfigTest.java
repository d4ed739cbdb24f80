package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwitchConfigTest {
    @Test
    void readsTheEnvironment() {
        TwitchConfig config = TwitchConfig.fromEnv(Map.of(
                "TWITCH_USERNAME", "Chorus_Bot",
                "TWITCH_OAUTH_TOKEN", "abc123",
                "TWITCH_CHANNELS", " #Chorus, friend ,,#chorus",
                "TWITCH_IRC_URL", "ircs://irc.chat.twitch.tv:6697"));

        assertThat(config.username()).isEqualTo("chorus_bot");
        assertThat(config.token()).isEqualTo("abc123");
        assertThat(config.channels()).containsExactly("chorus", "friend");
        assertThat(config.server()).isEqualTo(URI.create("ircs://irc.chat.twitch.tv:6697"));
    }

    @Test
    void dropsAnOauthPrefixAndDefaultsToTwitchsWebSocket() {
        TwitchConfig config = TwitchConfig.fromEnv(Map.of(
                "TWITCH_USERNAME", "bot", "TWITCH_OAUTH_TOKEN", "oauth:abc123", "TWITCH_CHANNELS", "chorus"));

        assertThat(config.token()).isEqualTo("abc123");
        assertThat(config.server()).isEqualTo(URI.create("wss://irc-ws.chat.twitch.tv:443"));
    }

    @Test
    void listsEveryProblemNamingTheVariable() {
        assertThatThrownBy(() -> TwitchConfig.fromEnv(Map.of("TWITCH_IRC_URL", "http://example.com")))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "TWITCH_USERNAME is not set: set it to the bot account's Twitch login.",
                        "TWITCH_OAUTH_TOKEN is not set: set it to a user access token with the chat:read and chat:edit scopes.",
                        "TWITCH_CHANNELS is not set: list the channels to join, separated by commas (for example 'mychannel,#friend').",
                        "TWITCH_IRC_URL 'http://example.com' must start with irc://, ircs://, ws:// or wss://."));
    }

    @Test
    void refusesMalformedNamesAndTokensWithoutShowingTheToken() {
        assertThatThrownBy(() -> TwitchConfig.fromEnv(Map.of(
                "TWITCH_USERNAME", "not a login", "TWITCH_OAUTH_TOKEN", "secret token\n",
                "TWITCH_CHANNELS", "good,bad channel")))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> {
                    assertThat(((ConfigurationException) e).problems()).containsExactly(
                            "TWITCH_USERNAME 'not a login' is not a Twitch login: use 1 to 25 letters, digits or underscores.",
                            "TWITCH_OAUTH_TOKEN contains spaces, line breaks or other characters a token never has: paste the token alone.",
                            "TWITCH_CHANNELS entry 'bad channel' is not a Twitch channel name: use the channel's login, with or without '#'.");
                    assertThat(e.getMessage()).doesNotContain("secret");
                });
    }

    @Test
    void neverShowsTheTokenInToString() {
        TwitchConfig config = TwitchConfig.builder().username("bot").token("s3cr3t").channels("chorus").build();

        assertThat(config.toString()).doesNotContain("s3cr3t").contains("token=***");
    }

    @Test
    void refusesANegativeCloseTimeoutButAcceptsZero() {
        assertThatThrownBy(() -> valid().closeTimeout(Duration.ofMillis(-1)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("closeTimeout must not be negative, was PT-0.001S");
        assertThat(valid().closeTimeout(Duration.ZERO).build().closeTimeout()).isZero();
    }

    @Test
    void refusesAReconnectBackoffWhoseLongestDelayIsShorterThanTheFirst() {
        assertThatThrownBy(() -> valid().reconnectBackoff(Duration.ofSeconds(10), Duration.ofSeconds(5)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("reconnectBackoff longest delay (PT5S) is shorter than the first (PT10S)");
        assertThat(valid().reconnectBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5)).build().reconnectMax())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theBuilderRecordsEveryProblemAndNamesEachSetter() {
        TwitchConfig.Builder builder = TwitchConfig.builder()
                .username("not a login")
                .token("secret token")
                .channels("ok", "#bad one")
                .server(URI.create("http://example.com"))
                .keepAlive(Duration.ZERO, Duration.ofSeconds(1))
                .connectTimeout(Duration.ofSeconds(-1))
                .joinTimeout(Duration.ZERO)
                .messageLimits(20, 10)
                .loginLimit(0)
                .joinLimit(-1);

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "username 'not a login' is not a Twitch login: use 1 to 25 letters, digits or underscores.",
                            "token contains spaces, line breaks or other characters a token never has: paste the token alone.",
                            "channels entry '#bad one' is not a Twitch channel name: use the channel's login, with or without '#'.",
                            "server 'http://example.com' must start with irc://, ircs://, ws:// or wss://.",
                            "keepAlive must be positive, was PT0S",
                            "connectTimeout must be positive, was PT-1S",
                            "joinTimeout must be positive, was PT0S",
                            "messageLimits must be positive, the moderator limit at least the normal one; were 20 and 10",
                            "loginLimit must be positive, was 0: Twitch allows 20 per 10 seconds, 200 for a verified bot.",
                            "joinLimit must be positive, was -1: Twitch allows 20 per 10 seconds, 2000 for a verified bot.");
                    assertThat(e.getMessage()).doesNotContain("secret");
                });
    }

    @Test
    void documentsItsDefaults() {
        TwitchConfig config = valid().build();

        assertThat(config.server()).isEqualTo(TwitchConfig.DEFAULT_SERVER);
        assertThat(config.sslContext()).isEmpty();
        assertThat(config.loginLimit()).isEqualTo(20);
        assertThat(config.joinLimit()).isEqualTo(20);
        assertThat(config.pingInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.pongTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.reconnectMin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.reconnectMax()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.joinTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.closeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.messageLimit()).isEqualTo(20);
        assertThat(config.moderatorMessageLimit()).isEqualTo(100);
    }

    @Test
    void namesTheVariableOfAServerThatIsNotAUrl() {
        assertThatThrownBy(() -> TwitchConfig.fromEnv(Map.of(
                "TWITCH_USERNAME", "bot", "TWITCH_OAUTH_TOKEN", "abc123", "TWITCH_CHANNELS", "chorus",
                "TWITCH_IRC_URL", "irc://bad host")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("TWITCH_IRC_URL is not a URL: Illegal character in authority.");
    }

    @Test
    void theAdapterFromTheEnvironmentHasThePublicPlatformAndCapabilities() {
        TwitchAdapter adapter = TwitchAdapter.fromEnv(Map.of(
                "TWITCH_USERNAME", "bot", "TWITCH_OAUTH_TOKEN", "abc123", "TWITCH_CHANNELS", "chorus"));

        assertThat(adapter.platform()).isEqualTo(TwitchAdapter.PLATFORM);
        assertThat(adapter.capabilities()).isEqualTo(TwitchAdapter.CAPABILITIES);
        assertThat(adapter.toString()).doesNotContain("abc123");
    }

    private static TwitchConfig.Builder valid() {
        return TwitchConfig.builder().username("bot").token("abc123").channels("chorus");
    }

    @Test
    void refusesAServerPortOutOfRangeInsteadOfNeverConnecting() {
        // A socket cannot be opened to port 70000: accepted here, every connection attempt failed
        // with an IllegalArgumentException that left the adapter connecting forever.
        assertThatThrownBy(() -> TwitchConfig.fromEnv(Map.of(
                "TWITCH_USERNAME", "bot", "TWITCH_OAUTH_TOKEN", "abc123", "TWITCH_CHANNELS", "chorus",
                "TWITCH_IRC_URL", "irc://irc.chat.twitch.tv:70000")))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "TWITCH_IRC_URL 'irc://irc.chat.twitch.tv:70000' has a port out of range: use 1 to 65535,"
                                + " or leave the port out for the scheme's default."));
    }
}
