package dev.chorusbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.InMemoryStateStore;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.Schedule;
import dev.chorusbot.core.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Jobs kept in the state store, driven by the manual scheduler: no test sleeps. */
class JobsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Chat TOPIC = TestBot.CHAT.withThread("7");

    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-03-01T10:00:00Z"));
    private final StateStore store = new InMemoryStateStore(time, 1000);

    private Bot.Builder remindingBot() {
        return Bot.builder()
                .scheduler(time)
                .stateStore(store)
                .command(Command.named("remind").handler(ctx -> {
                    ctx.jobs().schedule("remind", ctx.rawArguments(), Schedule.in(Duration.ofSeconds(30)));
                    return Reply.text("ok");
                }).build())
                .job("remind", job -> Reply.text("reminder: " + job.payload()));
    }

    @Test
    void aJobScheduledFromAHandlerRunsOnceWhenDueAndAnswersInItsChatAndTopic() {
        try (TestBot bot = TestBot.start(remindingBot())) {
            bot.in(TOPIC).send("!remind tea").assertReply("ok");
            bot.adapter().clear();

            time.advance(Duration.ofSeconds(29));
            assertThat(bot.bot().runDueJobs().toCompletableFuture().join()).isZero();
            time.advance(Duration.ofSeconds(1));

            Outbound reminder = bot.adapter().awaitSent(1, WAIT).get(0);
            assertThat(reminder.text()).isEqualTo("reminder: tea");
            assertThat(reminder.chat()).isEqualTo(TOPIC);
            assertThat(reminder.replyToId()).isEmpty();
            time.advance(Duration.ofMinutes(5));
            assertThat(bot.bot().runDueJobs().toCompletableFuture().join()).isZero();
            assertThat(bot.adapter().sent()).hasSize(1);
        }
    }

    @Test
    void aReminderSetBeforeARestartIsSentOnceByTheNextBotOnTheSameStore() {
        try (TestBot before = TestBot.start(remindingBot())) {
            before.send("!remind stretch").assertReply("ok");
            time.advance(Duration.ofSeconds(10));
        }
        time.advance(Duration.ofSeconds(60)); // down while it fell due

        try (TestBot after = TestBot.start(remindingBot())) {
            time.advance(Duration.ofSeconds(1));

            assertThat(after.adapter().awaitSent(1, WAIT)).extracting(Outbound::text)
                    .containsExactly("reminder: stretch");
            time.advance(Duration.ofSeconds(5));
            assertThat(after.bot().runDueJobs().toCompletableFuture().join()).isZero();
            assertThat(after.adapter().sent()).hasSize(1);
        }
    }

    @Test
    void twoBotsSharingOneStoreRunADueJobOnce() throws Exception {
        InMemoryAdapter firstAdapter = new InMemoryAdapter();
        InMemoryAdapter secondAdapter = new InMemoryAdapter();
        try (TestBot first = TestBot.start(remindingBot().jobPollInterval(Duration.ZERO), firstAdapter);
                TestBot second = TestBot.start(remindingBot().jobPollInterval(Duration.ZERO), secondAdapter)) {
            for (int i = 0; i < 20; i++) {
                first.send("!remind job " + i);
            }
            firstAdapter.clear();
            time.advance(Duration.ofMinutes(1));

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> {
                awaitQuietly(go);
                return first.bot().runDueJobs().toCompletableFuture().join();
            });
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> {
                awaitQuietly(go);
                return second.bot().runDueJobs().toCompletableFuture().join();
            });
            go.countDown();

            assertThat(a.get() + b.get()).isEqualTo(20);
            List<String> sent = new CopyOnWriteArrayList<>();
            firstAdapter.sent().forEach(o -> sent.add(o.text()));
            secondAdapter.sent().forEach(o -> sent.add(o.text()));
            assertThat(sent).hasSize(20).doesNotHaveDuplicates();
        }
    }

    @Test
    void aRepeatingJobRunsEveryPeriodUntilCancelled() {
        Bot.Builder builder = Bot.builder()
                .scheduler(time)
                .stateStore(store)
                .job("announce", job -> Reply.text(job.payload()));
        try (TestBot bot = TestBot.start(builder)) {
            String id = bot.bot().jobs(bot.adapter().platform(), TestBot.CHAT)
                    .schedule("announce", "follow the channel", Schedule.every(Duration.ofMinutes(5)));

            time.advance(Duration.ofMinutes(5));
            bot.adapter().awaitSent(1, WAIT);
            time.advance(Duration.ofMinutes(5));
            bot.adapter().awaitSent(2, WAIT);

            assertThat(bot.bot().jobs().cancel(id)).isTrue();
            time.advance(Duration.ofMinutes(20));
            assertThat(bot.bot().runDueJobs().toCompletableFuture().join()).isZero();
            assertThat(bot.adapter().sent()).extracting(Outbound::text)
                    .containsExactly("follow the channel", "follow the channel");
            assertThat(bot.bot().jobs().cancel(id)).isFalse();
        }
    }

    @Test
    void aRepeatingJobThatMissedRunsRunsOnceAndKeepsItsRhythm() {
        Bot.Builder builder = Bot.builder()
                .scheduler(time)
                .stateStore(store)
                .jobPollInterval(Duration.ZERO)
                .job("tick", job -> Reply.text("tick at " + job.due()));
        try (TestBot bot = TestBot.start(builder)) {
            bot.bot().jobs(bot.adapter().platform(), TestBot.CHAT)
                    .schedule("tick", "", Schedule.every(Duration.ofMinutes(1)));

            time.advance(Duration.ofMinutes(3).plusSeconds(30));
            assertThat(bot.bot().runDueJobs().toCompletableFuture().join()).isEqualTo(1);
            time.advance(Duration.ofSeconds(30));
            assertThat(bot.bot().runDueJobs().toCompletableFuture().join()).isEqualTo(1);

            assertThat(bot.adapter().sent()).extracting(Outbound::text)
                    .containsExactly("tick at 2026-03-01T10:01:00Z", "tick at 2026-03-01T10:04:00Z");
        }
    }

    @Test
    void schedulingUnderAnIdReplacesTheJobOfThatId() {
        Bot.Builder builder = Bot.builder()
                .scheduler(time)
                .stateStore(store)
                .jobPollInterval(Duration.ZERO)
                .job("say", job -> Reply.text(job.payload()));
        try (TestBot bot = TestBot.start(builder)) {
            var jobs = bot.bot().jobs(bot.adapter().platform(), TestBot.CHAT);
            jobs.schedule("greeting", "say", "first", Schedule.in(Duration.ofMinutes(1)));
            jobs.schedule("greeting", "say", "second", Schedule.at(time.now().plus(Duration.ofMinutes(2))));

            time.advance(Duration.ofMinutes(1));
            assertThat(bot.bot().runDueJobs().toCompletableFuture().join()).isZero();
            time.advance(Duration.ofMinutes(1));
            assertThat(bot.bot().runDueJobs().toCompletableFuture().join()).isEqualTo(1);

            assertThat(bot.adapter().sent()).extracting(Outbound::text).containsExactly("second");
        }
    }

    @Test
    void aJobThatFailsIsLoggedAndARepeatingOneKeepsItsSchedule() {
        List<String> runs = new CopyOnWriteArrayList<>();
        Bot.Builder builder = Bot.builder()
                .scheduler(time)
                .stateStore(store)
                .jobPollInterval(Duration.ZERO)
                .job("flaky", job -> {
                    runs.add(job.due().toString());
                    if (runs.size() == 1) {
                        throw new IllegalStateException("first run fails");
                    }
                    return Reply.text("ran");
                });
        try (TestBot bot = TestBot.start(builder)) {
            bot.bot().jobs(bot.adapter().platform(), TestBot.CHAT)
                    .schedule("flaky", "", Schedule.every(Duration.ofMinutes(1)));

            time.advance(Duration.ofMinutes(1));
            bot.bot().runDueJobs().toCompletableFuture().join();
            time.advance(Duration.ofMinutes(1));
            bot.bot().runDueJobs().toCompletableFuture().join();

            assertThat(runs).hasSize(2);
            assertThat(bot.adapter().sent()).extracting(Outbound::text).containsExactly("ran");
        }
    }

    @Test
    void aJobWithoutAChatSendsThroughTheOutbox() {
        Platform platform = Platform.of("test");
        Bot.Builder builder = Bot.builder()
                .scheduler(time)
                .stateStore(store)
                .jobPollInterval(Duration.ZERO)
                .job("digest", job -> {
                    job.outbox().send(platform, TestBot.CHAT, Reply.text("digest: " + job.payload()));
                    return Reply.none();
                });
        try (TestBot bot = TestBot.start(builder)) {
            bot.bot().jobs().schedule("digest", "3 new quotes", Schedule.in(Duration.ZERO));

            assertThat(bot.bot().runDueJobs().toCompletableFuture().join()).isEqualTo(1);
            assertThat(bot.adapter().awaitSent(1, WAIT)).extracting(Outbound::text)
                    .containsExactly("digest: 3 new quotes");
        }
    }

    @Test
    void schedulingAJobWithoutAHandlerIsRefusedAndTwoHandlersOfOneNameAreAProblem() {
        try (TestBot bot = TestBot.start(remindingBot())) {
            assertThatThrownBy(() -> bot.bot().jobs().schedule("remindd", "", Schedule.in(Duration.ZERO)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no job handler is named 'remindd'; register one with"
                            + " Bot.builder().job(\"remindd\", handler)");
        }
        assertThatThrownBy(() -> remindingBot().job("remind", job -> Reply.none()).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("two job handlers are named 'remind': names must be unique");
        assertThatThrownBy(() -> Schedule.every(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a job repeats at most once a second, not every PT0.01S");
    }

    @Test
    void aBotWithoutJobHandlersDoesNotLook() {
        try (TestBot bot = TestBot.start(Bot.builder().scheduler(time).stateStore(store))) {
            assertThat(time.pendingTasks()).isZero();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
