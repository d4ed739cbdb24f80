package dev.chorusbot.state.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.SendBudget;
import dev.chorusbot.core.SendBudget.Limit;
import dev.chorusbot.core.StateStores;
import dev.chorusbot.core.StateUnavailableException;
import dev.chorusbot.core.User;
import dev.chorusbot.testkit.redis.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Redis store's own behaviour: outages, secrets, the shared send budget, the configuration. */
class RedisStateStoreTest {
    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    private RedisServer redis;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final String ns = "t" + UUID.randomUUID().toString().substring(0, 8) + ":";

    @BeforeEach
    void startRedis() {
        assumeTrue(RedisServer.unavailableReason().isEmpty(), RedisServer.unavailableReason().orElse(""));
        redis = RedisServer.start(PASSWORD);
    }

    @AfterEach
    void stopRedis() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private RedisStateStore store() {
        RedisStateStore store = RedisStateStore.builder().url(redis.url()).timeout(Duration.ofMillis(500)).build();
        closing.add(store);
        return store;
    }

    @Test
    void failsWithOneSentenceNamingTheHostWhileRedisIsDownAndRecoversWhenItReturns() {
        RedisStateStore store = store();
        store.put(ns + "k", "v", Duration.ZERO);
        redis.stop();

        assertThatThrownBy(() -> store.putIfAbsent(ns + "seen", "", Duration.ofMinutes(1)))
                .isInstanceOf(StateUnavailableException.class)
                .hasMessageStartingWith("Redis at 127.0.0.1:" + redis.port() + " could not be used: ")
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> store.get(ns + "k")).isInstanceOf(StateUnavailableException.class);

        redis.restart(); // empty again: it saves nothing
        assertThat(store.putIfAbsent(ns + "seen", "", Duration.ofMinutes(1))).isTrue();
        assertThat(store.get(ns + "seen")).contains("");
    }

    @Test
    void aPooledConnectionTheServerDroppedCostsNoFailedWriteOrRead() {
        RedisStateStore store = store();
        store.put(ns + "k", "v", Duration.ZERO);
        redis.restart(); // every pooled connection is now closed at the other end
        store.put(ns + "k", "w", Duration.ZERO);

        assertThat(store.get(ns + "k")).contains("w");
    }

    @Test
    void neverShowsThePasswordInToStringOrAWrongPasswordsError() {
        RedisStateStore wrong = RedisStateStore.builder()
                .url("redis://default:not-" + PASSWORD + "@127.0.0.1:" + redis.port() + "/0").build();
        closing.add(wrong);

        assertThat(store().toString()).isEqualTo("RedisStateStore[redis://127.0.0.1:" + redis.port() + "/0]");
        assertThat(wrong.toString()).doesNotContain(PASSWORD).contains("default@127.0.0.1");
        assertThatThrownBy(() -> wrong.get("k")).isInstanceOf(StateUnavailableException.class)
                .hasMessageNotContaining(PASSWORD).hasMessageContaining("127.0.0.1:" + redis.port())
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain(PASSWORD));
    }

    @Test
    void aBadUrlIsOneSentenceNamingTheVariableWithoutThePassword() {
        assertThatThrownBy(() -> StateStores.fromEnv(Map.of("CHORUS_STATE", "redis://:hunter2@cache:6379/zero")))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "CHORUS_STATE must end in /<database number> after the port, was 'redis://…@cache:6379/zero'"));
    }

    @Test
    void chorusStateChoosesRedisForABotBuiltFromTheEnvironment() {
        Bot bot = Bot.builder().command(Command.named("count")
                        .handler(ctx -> Reply.text("n=" + ctx.state().increment(ns + "n", 1, Duration.ZERO))).build())
                .fromEnv(Map.of("CHORUS_STATE", redis.url())).build();
        try {
            Message count = Message.of(Platform.of("console"), "1", Chat.of("c", Chat.Kind.PRIVATE, "c"),
                    User.of("7", "viktor", "Viktor"), "!count");

            assertThat(bot.handle(count).outbound()).singleElement().satisfies(o -> assertThat(o.text()).isEqualTo("n=1"));
            assertThat(store().get(ns + "n")).contains("1");
        } finally {
            bot.stop();
        }
    }

    @Test
    void theBudgetTakesUpToTheLimitWithinTheWindowAndSaysHowLongToWait() {
        SendBudget budget = store().sendBudget();
        List<Limit> limit = List.of(new Limit(ns + "chat", 3, Duration.ofSeconds(10)));

        assertThat(budget.tryTake(limit)).isZero();
        assertThat(budget.tryTake(limit)).isZero();
        assertThat(budget.tryTake(limit)).isZero();
        Duration wait = budget.tryTake(limit);

        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(10_100));
    }

    @Test
    void aSendRefusedByOneLimitTakesNothingFromTheOthers() {
        SendBudget budget = store().sendBudget();
        Limit all = new Limit(ns + "all", 5, Duration.ofSeconds(10));
        Limit chat = new Limit(ns + "chat:1", 1, Duration.ofSeconds(10));
        assertThat(budget.tryTake(List.of(all, chat))).isZero();

        for (int i = 0; i < 10; i++) {
            assertThat(budget.tryTake(List.of(all, chat))).isPositive();
        }

        // 4 of the 5 overall sends are left for other chats.
        for (int i = 0; i < 4; i++) {
            assertThat(budget.tryTake(List.of(all, new Limit(ns + "chat:" + (i + 2), 1, Duration.ofSeconds(10)))))
                    .isZero();
        }
        assertThat(budget.tryTake(List.of(all, new Limit(ns + "chat:9", 1, Duration.ofSeconds(10))))).isPositive();
    }

    @Test
    void threeInstancesSharingRedisTakeNoMoreThanTheLimitTogether() throws Exception {
        List<SendBudget> instances = List.of(store().sendBudget(), store().sendBudget(), store().sendBudget());
        List<Limit> limit = List.of(new Limit(ns + "all", 30, Duration.ofSeconds(30)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                SendBudget budget = instances.get(t % 3);
                tasks.add(() -> {
                    int taken = 0;
                    for (int i = 0; i < 20; i++) {
                        if (budget.tryTake(limit).isZero()) {
                            taken++;
                        }
                    }
                    return taken;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBudgetThatCannotBeReachedSaysSo() {
        SendBudget budget = store().sendBudget();
        redis.stop();

        assertThatThrownBy(() -> budget.tryTake(List.of(new Limit(ns + "all", 30, Duration.ofSeconds(1)))))
                .isInstanceOf(StateUnavailableException.class).hasMessageContaining("127.0.0.1:" + redis.port());
    }
}
