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
