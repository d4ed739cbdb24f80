package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwitchEventSubConfigTest {
    private static final Map<String, String> ENV = Map.of(
            "TWITCH_CLIENT_ID", "hof5gwx0su6owfnys0nyan9c87zr6t",
            "TWITCH_CLIENT_SECRET", "41vpdji4e9gif29md0ouet6fktd2",
            "TWITCH_EVENTSUB_SECRET", "a-secret-of-enough-length",
            "TWITCH_BOT_USER_ID", "141981764");

    @Test
    void readsTheEnvironmentWithTwitchsDefaults() {
        TwitchEventSubConfig config = TwitchEventSubConfig.fromEnv(ENV);

        assertThat(config.clientId()).isEqualTo("hof5gwx0su6owfnys0nyan9c87zr6t");
        assertThat(config.botUserId()).isEqualTo("141981764");
        assertThat(config.path()).isEqualTo("/twitch");
        assertThat(config.apiUrl()).isEqualTo(URI.create("https://api.twitch.tv"));
        assertThat(config.authUrl()).isEqualTo(URI.create("https://id.twitch.tv"));
        assertThat(config.channels()).isEmpty();
        assertThat(config.callback()).isEmpty();
    }

    @Test
    void refusesACallbackTwitchWouldNotDeliverToWhenTalkingToTwitchItself() {
        for (String callback : List.of("http://bot.example.org/twitch", "https://bot.example.org:8443/twitch")) {
            Map<String, String> env = new java.util.HashMap<>(ENV);
            env.put("TWITCH_EVENTSUB_CALLBACK", callback);

            assertThatThrownBy(() -> TwitchEventSubConfig.fromEnv(env))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("TWITCH_EVENTSUB_CALLBACK '" + callback + "' must be an https:// URL on port 443:"
                            + " Twitch delivers EventSub webhooks only there. Put the bot's webhook behind a TLS proxy"
                            + " or a cloud function's URL.");
        }
        Map<String, String> explicit443 = new java.util.HashMap<>(ENV);
        explicit443.put("TWITCH_EVENTSUB_CALLBACK", "https://bot.example.org:443/twitch");
        assertThat(TwitchEventSubConfig.fromEnv(explicit443).callback()).isPresent();
        Map<String, String> localFake = new java.util.HashMap<>(ENV);
        localFake.putAll(Map.of("TWITCH_API_URL", "http://127.0.0.1:9000",
                "TWITCH_EVENTSUB_CALLBACK", "http://127.0.0.1:8080/twitch"));
        assertThat(TwitchEventSubConfig.fromEnv(localFake).callback()).hasValue(URI.create("http://127.0.0.1:8080/twitch"));
    }

    @Test
    void readsTheOptionalVariables() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.putAll(Map.of("TWITCH_EVENTSUB_PATH", "/hooks/twitch", "TWITCH_API_URL", "http://127.0.0.1:9000",
                "TWITCH_AUTH_URL", "http://127.0.0.1:9001", "TWITCH_CHANNELS", "#TwitchDev, chorus ,twitchdev",
                "TWITCH_BROADCASTER_IDS", "12826", "TWITCH_EVENTSUB_CALLBACK", "https://bot.example.com/hooks/twitch",
                "TWITCH_USERNAME", "ChorusBot"));

        TwitchEventSubConfig config = TwitchEventSubConfig.fromEnv(env);

        assertThat(config.path()).isEqualTo("/hooks/twitch");
        assertThat(config.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(config.channels()).containsExactly("twitchdev", "chorus");
        assertThat(config.broadcasterIds()).containsExactly("12826");
        assertThat(config.callback()).hasValue(URI.create("https://bot.example.com/hooks/twitch"));
        assertThat(config.botLogin()).isEmpty(); // TWITCH_USERNAME belongs to the IRC adapter
    }

    @Test
    void listsEveryMissingVariableByName() {
        assertThatThrownBy(() -> TwitchEventSubConfig.fromEnv(Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "TWITCH_CLIENT_ID is not set: set it to the client id of the application registered in the"
                                + " Twitch developer console.",
                        "TWITCH_CLIENT_SECRET is not set: set it to the application's client secret from the Twitch"
                                + " developer console.",
                        "TWITCH_EVENTSUB_SECRET is not set: set it to a random string of 10 to 100 ASCII characters;"
                                + " Twitch signs every delivery with it.",
                        "TWITCH_BOT_USER_ID is not set: set it to the numeric user id of the bot account."));
    }

    @Test
    void refusesSecretsShorterThanTenOrLongerThanAHundredCharacters() {
        for (String secret : List.of("123456789", "x".repeat(101))) {
            Map<String, String> env = new java.util.HashMap<>(ENV);
            env.put("TWITCH_EVENTSUB_SECRET", secret);

            assertThatThrownBy(() -> TwitchEventSubConfig.fromEnv(env))
                    .hasMessage("TWITCH_EVENTSUB_SECRET must be 10 to 100 characters long, was " + secret.length()
                            + " characters.")
                    .hasMessageNotContaining(secret);
        }
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("TWITCH_EVENTSUB_SECRET", "x".repeat(100));
        assertThat(TwitchEventSubConfig.fromEnv(env).eventSubSecret()).hasSize(100);
    }

    @Test
    void listsMalformedValuesTogether() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.putAll(Map.of("TWITCH_BOT_USER_ID", "chorusbot", "TWITCH_EVENTSUB_PATH", "twitch",
                "TWITCH_API_URL", "ftp://api.twitch.tv", "TWITCH_CHANNELS", "good,bad channel",
                "TWITCH_BROADCASTER_IDS", "12x"));

        assertThatThrownBy(() -> TwitchEventSubConfig.fromEnv(env))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "TWITCH_BOT_USER_ID 'chorusbot' is not a Twitch user id: use the account's numeric id, not"
                                + " its login.",
                        "TWITCH_EVENTSUB_PATH 'twitch' must be a URL path starting with '/', such as /twitch.",
                        "TWITCH_API_URL 'ftp://api.twitch.tv' must start with https:// (or http:// for a local test"
                                + " server).",
                        "TWITCH_CHANNELS entry 'bad channel' is not a Twitch channel name: use the channel's login,"
                                + " with or without '#'.",
                        "TWITCH_BROADCASTER_IDS entry '12x' is not a Twitch user id: use numeric ids, separated by"
                                + " commas."));
    }

    @Test
    void neverShowsTheSecretsInToString() {
        TwitchEventSubConfig config = TwitchEventSubConfig.fromEnv(ENV);

        assertThat(config.toString()).doesNotContain("41vpdji4e9gif29md0ouet6fktd2", "a-secret-of-enough-length")
                .contains("clientSecret=***", "eventSubSecret=***");
    }

    @Test
    void refusesANegativeCloseTimeoutButAcceptsZero() {
        assertThatThrownBy(() -> valid().closeTimeout(Duration.ofMillis(-1)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("closeTimeout must not be negative, was PT-0.001S");
        assertThat(valid().closeTimeout(Duration.ZERO).build().closeTimeout()).isZero();
    }

    @Test
    void theBuilderRecordsEveryProblemAndNamesEachSetter() {
        String secret = "short";
        assertThatThrownBy(() -> TwitchEventSubConfig.builder()
                .clientId("id").clientSecret("has a space").eventSubSecret(secret).botUserId("chorus_bot")
                .path("twitch").apiUrl(URI.create("ftp://api.twitch.tv")).channels("bad channel")
                .replyTimeout(Duration.ZERO).messageLimits(0, 0).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "clientSecret contains spaces, line breaks or other characters a client secret never has:"
                                    + " paste the secret alone.",
                            "eventSubSecret must be 10 to 100 characters long, was 5 characters.",
                            "botUserId 'chorus_bot' is not a Twitch user id: use the account's numeric id, not its"
                                    + " login.",
                            "path 'twitch' must be a URL path starting with '/', such as /twitch.",
                            "apiUrl 'ftp://api.twitch.tv' must start with https:// (or http:// for a local test"
                                    + " server).",
                            "channels entry 'bad channel' is not a Twitch channel name: use the channel's login, with"
                                    + " or without '#'.",
                            "replyTimeout must be positive, was PT0S",
                            "messageLimits must be positive, the moderator limit at least the normal one; were 0 and 0");
                    assertThat(e.getMessage()).doesNotContain("has a space").doesNotContain(secret);
                });
    }

    @Test
    void documentsItsDefaults() {
        TwitchEventSubConfig config = valid().build();

        assertThat(config.path()).isEqualTo(TwitchEventSubConfig.DEFAULT_PATH);
        assertThat(config.apiUrl()).isEqualTo(TwitchEventSubConfig.DEFAULT_API_URL);
        assertThat(config.authUrl()).isEqualTo(TwitchEventSubConfig.DEFAULT_AUTH_URL);
        assertThat(config.replyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.closeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.messageLimit()).isEqualTo(20);
        assertThat(config.moderatorMessageLimit()).isEqualTo(100);
        assertThat(config.botLogin()).isEmpty();
    }

    private static TwitchEventSubConfig.Builder valid() {
        return TwitchEventSubConfig.builder().clientId("id").clientSecret("secret").eventSubSecret("0123456789")
                .botUserId("141981764");
    }

    @Test
    void refusesUrlsWithAPortOutOfRange() {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.putAll(Map.of("TWITCH_API_URL", "https://api.twitch.tv:70000",
                "TWITCH_EVENTSUB_CALLBACK", "https://bot.example.com:99999/twitch"));

        assertThatThrownBy(() -> TwitchEventSubConfig.fromEnv(env))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "TWITCH_API_URL 'https://api.twitch.tv:70000' has a port out of range: use 1 to 65535, or"
                                + " leave the port out for the scheme's default.",
                        "TWITCH_EVENTSUB_CALLBACK 'https://bot.example.com:99999/twitch' has a port out of range: use"
                                + " 1 to 65535, or leave the port out for the scheme's default."));
    }
}
