package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.AdapterStoppedException;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.testkit.telegram.ApiCall;
import dev.chorusbot.testkit.telegram.Failure;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUpdate;
import dev.chorusbot.testkit.telegram.FakeUser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PollingTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    FakeTelegramServer telegram;
    Bot bot;
    TelegramPollingAdapter adapter;
    FakeUser anna;

    @BeforeEach
    void startFake() {
        telegram = FakeTelegramServer.start();
        anna = telegram.user("Anna", "Smith", "anna");
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
        telegram.close();
    }

    Bot.Builder botWith(UnaryOperator<TelegramConfig.Builder> config) {
        adapter = new TelegramPollingAdapter(config.apply(TelegramConfig.builder().token(telegram.token())
                .apiUrl(telegram.apiUrl()).mode(TelegramMode.POLLING).pollingTimeoutSeconds(1)
                .retries(3, Duration.ofMillis(10), Duration.ofMillis(40))).build());
        return Bot.builder().command(WebhookTest.hello()).adapter(adapter);
    }

    @Test
    void answersAndAdvancesTheOffsetPastEachHandledUpdate() {
        bot = botWith(c -> c).build();
        bot.start();
        FakeUpdate first = telegram.message(FakeChat.privateWith(anna), anna, "/hello");
        telegram.enqueue(first);

        assertThat(telegram.awaitSentMessages(1, WAIT).get(0).text()).isEqualTo("hello Anna Smith!");
        long id = first.id();
        List<ApiCall> polls = telegram.awaitCalls("getUpdates", 2, WAIT);
        assertThat(polls.get(0).longParam("offset")).isZero();
        assertThat(polls.get(1).longParam("offset")).isEqualTo(id + 1);
        assertThat(polls.get(1).longParam("timeout")).isEqualTo(1);
        assertThat(telegram.pendingUpdates()).isZero();
    }

    @Test
    void acknowledgesAnUpdateOnlyAfterItWasHandled() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        Command slow = Command.named("slow").handler(ctx -> {
            entered.countDown();
            release.await();
            return Reply.text("done");
        }).build();
        bot = botWith(c -> c).command(slow).build();
        bot.start();
        FakeUpdate update = telegram.message(FakeChat.privateWith(anna), anna, "/slow");
        telegram.enqueue(update);

        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        int pollsWhileHandling = telegram.calls("getUpdates").size();
        assertThat(telegram.pendingUpdates()).isEqualTo(1); // not confirmed yet
        release.countDown();

        telegram.awaitCalls("getUpdates", pollsWhileHandling + 1, WAIT);
        assertThat(telegram.calls("getUpdates").get(pollsWhileHandling).longParam("offset"))
                .isEqualTo(update.id() + 1);
        assertThat(telegram.awaitSentMessages(1, WAIT).get(0).text()).isEqualTo("done");
    }

    @Test
    void asksForTelegramsDefaultKindsExplicitlySoAnEarlierChoiceDoesNotLinger() {
        bot = botWith(c -> c).build();
        bot.start();

        ApiCall poll = telegram.awaitCalls("getUpdates", 1, WAIT).get(0);
        assertThat(poll.paramJson("allowed_updates")).isEqualTo("[]");
    }

    @Test
    void asksOnlyForTheConfiguredUpdateKinds() {
        bot = botWith(c -> c.allowedUpdates(List.of("message", "callback_query"))).build();
        bot.start();

        ApiCall poll = telegram.awaitCalls("getUpdates", 1, WAIT).get(0);
        assertThat(poll.paramJson("allowed_updates")).isEqualTo("[\"message\",\"callback_query\"]");
    }

    @Test
    void stopsWithTheFixWhenAWebhookIsSet() {
        telegram.failNext("getUpdates", Failure.error(409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the"
                        + " webhook first"));
        bot = botWith(c -> c).build();

        assertThatThrownBy(bot::run).isInstanceOf(AdapterStoppedException.class)
                .hasMessageContaining("Telegram refuses long polling while a webhook is set (409 Conflict: can't use"
                        + " getUpdates method while webhook is active; use deleteWebhook to delete the webhook first):"
                        + " delete the webhook with deleteWebhook, or run in webhook mode (TELEGRAM_MODE=webhook)");
    }

    @Test
    void stopsWhenTheFakeReallyHasAWebhookSet() throws Exception {
        new TelegramBotApi(telegram.apiUrl(), telegram.token(), WAIT)
                .setWebhook(URI.create("https://bot.example.org/hook"), java.util.Optional.empty(), List.of()).get();
        bot = botWith(c -> c).build();

        assertThatThrownBy(bot::run).isInstanceOf(AdapterStoppedException.class)
                .hasMessageContaining("delete the webhook with deleteWebhook");
    }

    @Test
    void stopsWithTheFixWhenAnotherInstanceIsPolling() {
        telegram.failNext("getUpdates", Failure.error(409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
        bot = botWith(c -> c).build();

        assertThatThrownBy(bot::run).isInstanceOf(AdapterStoppedException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOfSatisfying(TelegramRefusedException.class, r -> {
                    assertThat(r.platform()).isEqualTo(TelegramAdapter.PLATFORM);
                    assertThat(r.method()).isEqualTo("getUpdates");
                    assertThat(r.code()).isEqualTo("409");
                    assertThat(r.reason()).startsWith("Conflict: terminated by other getUpdates request");
                }))
                .hasMessageContaining("Another instance of this bot is polling Telegram (409 Conflict: terminated by"
                        + " other getUpdates request; make sure that only one bot instance is running): stop the other"
                        + " instance; only one may poll per token");
    }

    @Test
    void refusesToStartWithARejectedToken() {
        FakeTelegramServer other = FakeTelegramServer.builder().token("7000000002:AAOtherTokenForChorusTests_01234567").botUsername("x_bot").start();
        try {
            adapter = new TelegramPollingAdapter(TelegramConfig.builder().token(telegram.token()).apiUrl(other.apiUrl())
                    .mode(TelegramMode.POLLING).build());
            Bot b = Bot.builder().command(WebhookTest.hello()).adapter(adapter).build();

            assertThatThrownBy(b::start).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the bot could not start: Telegram rejected the bot token (401 Unauthorized on getMe):"
                            + " check TELEGRAM_BOT_TOKEN")
                    .hasRootCauseInstanceOf(TelegramRefusedException.class);
        } finally {
            other.close();
        }
    }

    @Test
    void stopsWhenTheTokenIsRejectedWhilePolling() {
        telegram.failNext("getUpdates", Failure.error(401, "Unauthorized"));
        bot = botWith(c -> c.username("chorus_test_bot")).build();

        assertThatThrownBy(bot::run).isInstanceOf(AdapterStoppedException.class)
                .hasMessageContaining("Telegram rejected the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN");
    }

    @Test
    void backsOffAndGoesOnAfterServerAndNetworkErrors() {
        telegram.failNext("getUpdates", Failure.serverError(502, "Bad Gateway"));
        telegram.failNext("getUpdates", Failure.dropConnection());
        bot = botWith(c -> c).build();
        bot.start();
        telegram.enqueue(telegram.message(FakeChat.privateWith(anna), anna, "/hello"));

        assertThat(telegram.awaitSentMessages(1, WAIT).get(0).text()).isEqualTo("hello Anna Smith!");
        assertThat(telegram.calls("getUpdates")).extracting(ApiCall::status).startsWith(502, 0);
    }

    @Test
    void waitsRetryAfterWhenPollingTooOften() {
        telegram.failNext("getUpdates", Failure.tooManyRequests(1));
        bot = botWith(c -> c).build();
        bot.start();
        telegram.enqueue(telegram.message(FakeChat.privateWith(anna), anna, "/hello"));

        assertThat(telegram.awaitSentMessages(1, WAIT)).hasSize(1);
        List<ApiCall> polls = telegram.calls("getUpdates");
        assertThat(Duration.between(polls.get(0).receivedAt(), polls.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void answersAButtonPressAndAcknowledgesIt() {
        bot = botWith(c -> c).build();
        bot.start();
        FakeChat chat = FakeChat.privateWith(anna);
        FakeUpdate press = telegram.callbackQuery(chat, anna, 7, "hello");
        telegram.enqueue(press);

        assertThat(telegram.awaitSentMessages(1, WAIT).get(0).text()).isEqualTo("hello Anna Smith!");
        assertThat(telegram.awaitCalls("answerCallbackQuery", 1, WAIT).get(0).param("callback_query_id"))
                .isEqualTo(press.value("/callback_query/id"));
    }

    @Test
    void confirmsHandledUpdatesWhenStopping() {
        bot = botWith(c -> c).build();
        bot.start();
        telegram.enqueue(telegram.message(FakeChat.privateWith(anna), anna, "/hello"));
        telegram.awaitSentMessages(1, WAIT);

        bot.stop();

        assertThat(telegram.pendingUpdates()).isZero();
    }

    @Test
    void stopsTheFirstInstanceWhenASecondOneStartsPolling() throws Exception {
        bot = botWith(c -> c.pollingTimeoutSeconds(5)).build();
        bot.start();
        telegram.awaitWaitingPoll(WAIT);
        Thread running = new Thread(() -> {
            try {
                bot.awaitTermination();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        running.start();

        // A second process with the same token: its getUpdates terminates the first one's.
        new TelegramBotApi(telegram.apiUrl(), telegram.token(), WAIT).getUpdates(0, 0, List.of())
                .get(5, TimeUnit.SECONDS);

        running.join(10_000);
        assertThat(bot.isTerminated()).isTrue();
        assertThat(telegram.calls("getUpdates")).extracting(ApiCall::status).contains(409);
    }

    @Test
    void leavesTheNewInstancePollingWhenTheOldOneStopsOnAConflict() throws Exception {
        bot = botWith(c -> c.pollingTimeoutSeconds(5)).build();
        bot.start();
        telegram.enqueue(telegram.message(FakeChat.privateWith(anna), anna, "/hello"));
        telegram.awaitSentMessages(1, WAIT);
        telegram.awaitWaitingPoll(WAIT); // the old instance's poll carries the offset it has not seen answered
        Bot newer = Bot.builder().command(WebhookTest.hello())
                .adapter(new TelegramPollingAdapter(TelegramConfig.builder().token(telegram.token()).apiUrl(telegram.apiUrl())
                        .mode(TelegramMode.POLLING).pollingTimeoutSeconds(5).build()))
                .build();
        try {
            newer.start(); // its getUpdates terminates the old instance's, which stops
            awaitTerminated(bot);

            telegram.enqueue(telegram.message(FakeChat.privateWith(anna), anna, "/hello"));

            assertThat(telegram.awaitSentMessages(2, WAIT)).hasSize(2);
            assertThat(newer.isTerminated()).isFalse();
            assertThat(telegram.calls("getUpdates")).extracting(ApiCall::status).containsOnlyOnce(409);
        } finally {
            newer.stop();
        }
    }

    @Test
    void confirmsAnUpdateWhoseHandlerThrowsAnErrorWithTheNextPoll() {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        Command broken = Command.named("broken").handler(ctx -> {
            runs.incrementAndGet();
            throw new InternalError("a failure the bot's error handling does not catch");
        }).build();
        FakeUpdate failing = telegram.message(FakeChat.privateWith(anna), anna, "/broken");
        FakeUpdate hello = telegram.message(FakeChat.privateWith(anna), anna, "/hello");
        telegram.enqueue(failing);
        telegram.enqueue(hello); // the same batch
        bot = botWith(c -> c).command(broken).build();
        bot.start();

        assertThat(telegram.awaitSentMessages(1, WAIT).get(0).text()).isEqualTo("hello Anna Smith!");
        List<ApiCall> polls = telegram.awaitCalls("getUpdates", 2, WAIT);
        // Left unconfirmed, the whole batch came back and only the bot's de-duplication kept it from
        // being handled twice.
        assertThat(polls.get(1).longParam("offset")).isEqualTo(hello.id() + 1);
        assertThat(runs).hasValue(1);
    }

    @Test
    void stopsDuringALongPollWithoutWarningThatGetUpdatesFailed() throws Exception {
        java.nio.file.Path logFile = java.nio.file.Path.of("target", "telegram-tests.log");
        bot = botWith(c -> c.pollingTimeoutSeconds(5)).build();
        bot.start();
        telegram.awaitWaitingPoll(WAIT);
        long logged = java.nio.file.Files.size(logFile);

        bot.stop(); // joins the polling thread: whatever it logs is written by now

        byte[] all = java.nio.file.Files.readAllBytes(logFile);
        String tail = new String(all, (int) logged, all.length - (int) logged, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(tail).contains("telegram adapter finished").doesNotContain("WARN");
    }

    @Test
    void skipsAnUpdateWithADateBeyondTheTimeLineAndGoesOnPolling() {
        bot = botWith(c -> c).build();
        bot.start();
        FakeUpdate broken = telegram.newMessage(FakeChat.privateWith(anna), anna).text("/hello")
                .date(99_999_999_999_999_999L).build();
        telegram.enqueue(broken);
        telegram.enqueue(telegram.message(FakeChat.privateWith(anna), anna, "/hello"));

        assertThat(telegram.awaitSentMessages(1, WAIT)).extracting(m -> m.text()).containsExactly("hello Anna Smith!");
    }

    static void awaitTerminated(Bot b) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!b.isTerminated() && System.nanoTime() < deadline) {
            Thread.sleep(10); // a poll with a deadline: Bot offers no timed wait
        }
        assertThat(b.isTerminated()).as("the bot terminated").isTrue();
    }
}
