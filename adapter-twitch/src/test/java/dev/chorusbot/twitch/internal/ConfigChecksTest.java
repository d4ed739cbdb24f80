package dev.chorusbot.twitch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.config.ConfigProblems;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ConfigChecksTest {
    private final ConfigProblems problems = new ConfigProblems();

    @Test
    void aLoginIsOneTo25LettersDigitsOrUnderscores() {
        ConfigChecks.login(problems, "chorus_bot1", "username");
        ConfigChecks.login(problems, "a".repeat(25), "username");
        ConfigChecks.login(problems, "not a login", "username");
        ConfigChecks.login(problems, "a".repeat(26), "botLogin");

        assertThat(problems.list()).containsExactly(
                "username 'not a login' is not a Twitch login: use 1 to 25 letters, digits or underscores.",
                "botLogin '" + "a".repeat(26) + "' is not a Twitch login: use 1 to 25 letters, digits or underscores.");
    }

    @Test
    void aUrlNeedsAHostAndAPortASocketCanUseAndTheProblemQuotesItAsShown() {
        assertThat(ConfigChecks.hostAndPort(problems, URI.create("wss://irc-ws.chat.twitch.tv:443"), "-", "server"))
                .isTrue();
        assertThat(ConfigChecks.hostAndPort(problems, URI.create("https://api.twitch.tv"), "-", "apiUrl")).isTrue();
        assertThat(problems.list()).isEmpty();

        assertThat(ConfigChecks.hostAndPort(problems, URI.create("wss:///chat"), "wss:///chat", "server")).isFalse();
        assertThat(ConfigChecks.hostAndPort(problems, URI.create("https://user:pw@api.twitch.tv:70000"),
                "https://<user info>@api.twitch.tv:70000", "apiUrl")).isFalse();

        assertThat(problems.list()).containsExactly(
                "server 'wss:///chat' has no host name.",
                "apiUrl 'https://<user info>@api.twitch.tv:70000' has a port out of range: use 1 to 65535, or leave"
                        + " the port out for the scheme's default.");
    }

    @Test
    void theSchemeIsReadInLowerCaseAndIsEmptyWhenThereIsNone() {
        assertThat(ConfigChecks.scheme(URI.create("WSS://irc-ws.chat.twitch.tv"))).isEqualTo("wss");
        assertThat(ConfigChecks.scheme(URI.create("irc.chat.twitch.tv"))).isEmpty();
    }
}
