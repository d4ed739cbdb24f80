package dev.chorusbot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.config.ConfigProblems;
import dev.chorusbot.core.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {
    private final ConfigProblems problems = new ConfigProblems();

    @Test
    void acceptsValuesWithinEveryRule() {
        ConfigRules.positive(problems, Duration.ofMillis(1), "timeout");
        ConfigRules.notNegative(problems, Duration.ZERO, "closeTimeout");
        ConfigRules.port(problems, 0, "port");
        ConfigRules.port(problems, 65535, "port");
        ConfigRules.retries(problems, 1, Duration.ZERO, Duration.ZERO);
        ConfigRules.retries(problems, 5, Duration.ofMillis(500), Duration.ofSeconds(30));
        ConfigRules.webhookPath(problems, "/hook/a", "/hook/a");

        assertThat(problems.list()).isEmpty();
    }

    @Test
    void namesTheSettingAndTheValueOfEachBrokenRule() {
        ConfigRules.positive(problems, Duration.ZERO, "requestTimeout");
        ConfigRules.positive(problems, Duration.ofSeconds(-1), "webhookTimeout");
        ConfigRules.notNegative(problems, Duration.ofMillis(-5), "closeTimeout");
        ConfigRules.port(problems, 65536, "port");
        ConfigRules.port(problems, -1, "port");
        ConfigRules.webhookPath(problems, "hook", "hook");
        ConfigRules.webhookPath(problems, "/a b", "/a b");

        assertThat(problems.list()).containsExactly(
                "requestTimeout must be positive, was PT0S",
                "webhookTimeout must be positive, was PT-1S",
                "closeTimeout must not be negative, was PT-0.005S",
                "port must be a port number from 0 to 65535, was 65536",
                "port must be a port number from 0 to 65535, was -1",
                "webhookPath must start with '/' and contain no spaces, was 'hook'",
                "webhookPath must start with '/' and contain no spaces, was '/a b'");
    }

    @Test
    void retriesNeedAnAttemptAndABackoffThatDoesNotShrink() {
        ConfigRules.retries(problems, 0, Duration.ofSeconds(2), Duration.ofSeconds(1));
        ConfigRules.retries(problems, 3, Duration.ofSeconds(-1), Duration.ofSeconds(1));

        assertThat(problems.list()).containsExactly(
                "retries attempts must be at least 1, was 0",
                "retries backoff must not be negative and the longest at least the first, were PT2S and PT1S",
                "retries backoff must not be negative and the longest at least the first, were PT-1S and PT1S");
    }

    @Test
    void aWebhookPathIsQuotedAsTheCallerShowsItSoASecretInItStaysHidden() {
        ConfigRules.webhookPath(problems, "123:secret", "<token>");

        assertThat(problems.list()).containsExactly("webhookPath must start with '/' and contain no spaces,"
                + " was '<token>'");
    }

    @Test
    void aRuleOnAValueFromTheEnvironmentNamesTheVariable() {
        Env.of(Map.of("MY_TIMEOUT", "0s"), problems).duration("MY_TIMEOUT", "timeout")
                .ifPresent(timeout -> ConfigRules.positive(problems, timeout, "timeout"));

        assertThat(problems.list()).containsExactly("MY_TIMEOUT must be positive, was PT0S");
    }

    @Test
    void onlyHttpAndHttpsUrlsWithAHostAreHttp() {
        assertThat(ConfigRules.isHttp(URI.create("https://api.example.org/v1"))).isTrue();
        assertThat(ConfigRules.isHttp(URI.create("http://127.0.0.1:8080"))).isTrue();
        assertThat(ConfigRules.isHttp(URI.create("wss://gateway.example.org"))).isFalse();
        assertThat(ConfigRules.isHttp(URI.create("https:/no-host"))).isFalse();
        assertThat(ConfigRules.isHttp(URI.create("/relative"))).isFalse();
    }

    @Test
    void userInfoIsReplacedWhereverAPasswordMayStand() {
        assertThat(ConfigRules.withoutUserInfo(URI.create("https://user:s3cret@proxy.example.org:8443/path?q=1")))
                .isEqualTo("https://<user info>@proxy.example.org:8443/path?q=1");
        assertThat(ConfigRules.withoutUserInfo(URI.create("wss://token@irc.example.org")))
                .isEqualTo("wss://<user info>@irc.example.org");
        assertThat(ConfigRules.withoutUserInfo(URI.create("https://api.example.org/v10")))
                .isEqualTo("https://api.example.org/v10");
    }
}
