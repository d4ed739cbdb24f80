package dev.chorusbot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {
    private final ConfigProblems problems = new ConfigProblems();

    @Test
    void readsEachKindOfValueStrippedAndTreatsBlankAsUnset() {
        Env env = Env.of(Map.of("NAME", "  bot ", "PORT", "8080", "WAIT", "500ms", "LONG", "PT2M", "URL",
                "https://example.org/hook", "ON", "Yes", "LIST", " a, ,b ,", "BLANK", "  "), problems);

        assertThat(env.string("NAME", "name")).contains("bot");
        assertThat(env.integer("PORT", "count")).hasValue(8080);
        assertThat(env.port("PORT", "port")).hasValue(8080);
        assertThat(env.duration("WAIT", "wait")).contains(Duration.ofMillis(500));
        assertThat(env.duration("LONG", "long")).contains(Duration.ofMinutes(2));
        assertThat(env.url("URL", "url")).contains(URI.create("https://example.org/hook"));
        assertThat(env.bool("ON", "on")).contains(true);
        assertThat(env.list("LIST", "list")).containsExactly("a", "b");
        assertThat(env.string("BLANK", "blank")).isEmpty();
        assertThat(env.isSet("BLANK")).isFalse();
        assertThat(env.integer("MISSING", "missing")).isEmpty();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void recordsEveryValueItCannotReadNamingTheVariable() {
        Env env = Env.of(Map.of("COUNT", "many", "PORT", "eighty", "WAIT", "soon", "URL", "http://bad host", "ON",
                "maybe"), problems);

        assertThat(env.integer("COUNT", "count")).isEmpty();
        assertThat(env.port("PORT", "port")).isEmpty();
        assertThat(env.duration("WAIT", "wait")).isEmpty();
        assertThat(env.url("URL", "url")).isEmpty();
        assertThat(env.bool("ON", "on")).isEmpty();
        assertThat(problems.list()).containsExactly(
                "COUNT must be a whole number, was 'many'",
                "PORT must be a port number from 0 to 65535, was 'eighty'",
                "WAIT must be a duration such as 500ms, 30s, 5m or PT30S, was 'soon'",
                "URL is not a URL: Illegal character in authority.",
                "ON must be true or false, was 'maybe'");
    }

    private enum Transport { TCP, TLS, WEB_SOCKET }

    private enum Single { ONLY }

    @Test
    void oneOfMatchesAConstantByItsLowerCaseNameInAnyCase() {
        Env env = Env.of(Map.of("A", "tls", "B", " Web_Socket ", "C", "TCP"), problems);

        assertThat(env.oneOf("A", "a", Transport.class)).contains(Transport.TLS);
        assertThat(env.oneOf("B", "b", Transport.class)).contains(Transport.WEB_SOCKET);
        assertThat(env.oneOf("C", "c", Transport.class)).contains(Transport.TCP);
        assertThat(env.oneOf("MISSING", "missing", Transport.class)).isEmpty();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void oneOfNamesTheVariableAndListsTheChoicesInTheirDeclaredOrder() {
        Env env = Env.of(Map.of("TRANSPORT", " udp ", "ONE", "two", "TWO", "Tls,tcp"), problems);

        assertThat(env.oneOf("TRANSPORT", "transport", Transport.class)).isEmpty();
        assertThat(env.oneOf("ONE", "one", Single.class)).isEmpty();
        assertThat(env.oneOf("TWO", "two", Transport.class)).isEmpty();
        assertThat(problems.list()).containsExactly(
                "TRANSPORT must be 'tcp', 'tls' or 'web_socket', was 'udp'",
                "ONE must be 'only', was 'two'",
                "TWO must be 'tcp', 'tls' or 'web_socket', was 'Tls,tcp'");
    }

    @Test
    void aSettingReadFromTheEnvironmentIsNamedByItsVariableAndOtherwiseByItself() {
        Env.of(Map.of(), problems).string("MY_PATH", "path");

        problems.add("path", "must start with '/'");
        problems.add("port", "must be from 0 to 65535");

        assertThat(problems.fromEnvironment("path")).isTrue();
        assertThat(problems.nameOf("port")).isEqualTo("port");
        assertThatThrownBy(problems::throwIfAny)
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                        .containsExactly("MY_PATH must start with '/'", "port must be from 0 to 65535"));
    }

    @Test
    void aCopyCollectsOnItsOwnSoABuilderBuiltTwiceListsEachProblemOnce() {
        problems.add("token", "is not set");
        ConfigProblems first = problems.copy();
        first.add("path", "is wrong");

        assertThat(problems.list()).containsExactly("token is not set");
        assertThat(first.list()).containsExactly("token is not set", "path is wrong");
        assertThat(problems.copy().list()).containsExactly("token is not set");
    }
}
