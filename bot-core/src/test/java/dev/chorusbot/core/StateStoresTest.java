package dev.chorusbot.core;

import static dev.chorusbot.core.BotEnvironmentTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing the store by {@code CHORUS_STATE} or {@link Bot.Builder#stateStore(String)}. */
class StateStoresTest {

    @Test
    void memoryIsTheInMemoryStore() {
        assertThat(StateStores.create("memory")).isInstanceOf(InMemoryStateStore.class);
        assertThat(StateStores.create(" MEMORY ")).isInstanceOf(InMemoryStateStore.class);
    }

    @Test
    void refusesAValueOfNoKnownFormInOneSentenceNamingTheVariable() {
        List<String> problems = problems(() -> Bot.builder().command(Fixtures.hello())
                .fromEnv(Map.of("CHORUS_STATE", "postgres://db:5432")).build());

        assertThat(problems).containsExactly(
                "CHORUS_STATE must be memory, file:<path>, redis://host:port or rediss://host:port, was 'postgres://db:5432'");
    }

    @Test
    void neverRepeatsAPasswordOfABadValue() {
        List<String> problems = problems(() -> Bot.builder().command(Fixtures.hello())
                .fromEnv(Map.of("CHORUS_STATE", "mongodb://bot:s3cret-pw@db:27017")).build());

        assertThat(problems).singleElement().asString().doesNotContain("s3cret-pw").contains("'mongodb://…@db:27017'");
    }

    @Test
    void namesTheMissingModuleOfAKnownStore() {
        List<String> problems = problems(() -> Bot.builder().command(Fixtures.hello())
                .fromEnv(Map.of("CHORUS_STATE", "redis://:pw@localhost:6379")).build());

        assertThat(problems).containsExactly("CHORUS_STATE chooses a redis: store, but the module"
                + " dev.chorusbot:bot-state-redis that provides it is not on the class path: add it as a dependency");
    }

    @Test
    void theBuildersChoiceIsNamedAsItsSource() {
        List<String> problems = problems(() -> Bot.builder().command(Fixtures.hello()).stateStore("file:/tmp/x")
                .adapter(new Fixtures.RecordingAdapter(Fixtures.TEST, Capabilities.plainText(), null)).build());

        assertThat(problems).containsExactly("stateStore(...) chooses a file: store, but the module"
                + " dev.chorusbot:bot-state-file that provides it is not on the class path: add it as a dependency");
    }

    @Test
    void aBadChoiceIsReportedTogetherWithTheBuildersOtherProblems() {
        List<String> problems = problems(() -> Bot.builder().command(Fixtures.hello()).command(Fixtures.hello())
                .fromEnv(Map.of("CHORUS_STATE", "nowhere")).build());

        assertThat(problems).containsExactly("two commands are named 'hello': names must be unique",
                "CHORUS_STATE must be memory, file:<path>, redis://host:port or rediss://host:port, was 'nowhere'");
    }

    @Test
    void aStoreOfOneProcessTakesEverySendFromTheBudgetAtOnce() {
        SendBudget budget = new InMemoryStateStore().sendBudget();

        assertThat(budget.tryTake(List.of(new SendBudget.Limit("telegram:1:all", 1, Duration.ofSeconds(1)),
                new SendBudget.Limit("telegram:1:all", 1, Duration.ofSeconds(1))))).isZero();
    }

    @Test
    void redactsTheCredentialsOfAValue() {
        assertThat(StateStores.redacted("rediss://default:pw@cache.example:6380/2"))
                .isEqualTo("rediss://…@cache.example:6380/2");
        assertThat(StateStores.redacted("redis://localhost:6379")).isEqualTo("redis://localhost:6379");
    }
}
