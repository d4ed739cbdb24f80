package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Button;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Format;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.telegram.internal.SendQueue;
import dev.chorusbot.testkit.Golden;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.telegram.ApiCall;
import dev.chorusbot.testkit.telegram.Failure;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound queue: limits before sending, Telegram's answers obeyed; time is controlled by the test. */
class SendQueueTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    FakeTelegramServer telegram;
    ManualScheduler clock;
    TelegramAdapter adapter;
    FakeUser anna;
    Chat annaChat;

    @BeforeEach
    void start() {
        telegram = FakeTelegramServer.start();
        clock = new ManualScheduler();
        anna = telegram.user("Anna", null, "anna");
        telegram.addChat(FakeChat.privateWith(anna));
        annaChat = Chat.of(Long.toString(anna.id()), Chat.Kind.PRIVATE, "Anna");
        adapter = SchedulerSink.start(new TelegramAdapter(TelegramConfig.builder().token(telegram.token())
                .apiUrl(telegram.apiUrl()).username("chorus_test_bot")
                .retries(3, Duration.ofMillis(500), Duration.ofSeconds(4))
                .closeTimeout(Duration.ofMillis(200)).build()), clock);
    }

    @AfterEach
    void stop() {
        adapter.close();
        telegram.close();
    }

    Chat group(long id) {
        telegram.addChat(FakeChat.supergroup(id, "G"));
        return Chat.of(Long.toString(id), Chat.Kind.GROUP, "G");
    }

    @Test
    void waitsOutRetryAfterBeforeRepeatingA429() throws Exception {
        telegram.failNext("sendMessage", Failure.tooManyRequests(3));

        CompletableFuture<Void> sent = adapter.send(Outbound.text(annaChat, "hi"));
        telegram.awaitCalls("sendMessage", 1, WAIT);
        clock.awaitPendingTasks(1, WAIT);
        assertThat(clock.nextTaskIn()).contains(Duration.ofMillis(3_000));

        clock.advance(Duration.ofMillis(2_999));
        assertThat(telegram.calls("sendMessage")).hasSize(1);
        assertThat(sent).isNotDone();

        clock.advance(Duration.ofMillis(1));
        sent.get(5, TimeUnit.SECONDS);
        List<ApiCall> calls = telegram.calls("sendMessage");
        assertThat(calls).extracting(ApiCall::status).containsExactly(429, 200);
        assertThat(telegram.sentMessages()).extracting(m -> m.text()).containsExactly("hi");
    }

    @Test
    void retriesServerErrorsWithDoublingBackoff() throws Exception {
        telegram.failNext("sendMessage", 2, Failure.serverError(502, "Bad Gateway"));

        CompletableFuture<Void> sent = adapter.send(Outbound.text(group(-1002001), "hi"));
        telegram.awaitCalls("sendMessage", 1, WAIT);
        clock.awaitPendingTasks(1, WAIT);
        assertThat(clock.nextTaskIn()).contains(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(500));
        telegram.awaitCalls("sendMessage", 2, WAIT);
        clock.awaitPendingTasks(1, WAIT);
        assertThat(clock.nextTaskIn()).contains(Duration.ofSeconds(1)); // 500 ms, then 1 s

        clock.advance(Duration.ofMillis(1_000));
        sent.get(5, TimeUnit.SECONDS);
        assertThat(telegram.calls("sendMessage")).extracting(ApiCall::status).containsExactly(502, 502, 200);
    }

    @Test
    void retriesADroppedConnection() throws Exception {
        telegram.failNext("sendMessage", Failure.dropConnection());

        CompletableFuture<Void> sent = adapter.send(Outbound.text(group(-1002002), "hi"));
        clock.awaitPendingTasks(1, WAIT);
        clock.advance(Duration.ofMillis(500));

        sent.get(5, TimeUnit.SECONDS);
        assertThat(telegram.sentMessages()).hasSize(1);
    }

    @Test
    void retriesACallThatTimedOut() throws Exception {
        adapter.close();
        adapter = SchedulerSink.start(new TelegramAdapter(TelegramConfig.builder().token(telegram.token())
                .apiUrl(telegram.apiUrl()).username("chorus_test_bot").requestTimeout(Duration.ofMillis(200))
                .retries(3, Duration.ofMillis(500), Duration.ofSeconds(4)).build()), clock);
        telegram.failNext("sendMessage", Failure.slow(Duration.ofSeconds(2)));

        CompletableFuture<Void> sent = adapter.send(Outbound.text(group(-1002004), "hi"));
        clock.awaitPendingTasks(1, WAIT);
        clock.advance(Duration.ofMillis(500));

        sent.get(5, TimeUnit.SECONDS);
        assertThat(telegram.sentMessages()).extracting(m -> m.text()).contains("hi");
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysWhy() throws Exception {
        telegram.failNext("sendMessage", 3, Failure.serverError(500, "Internal Server Error"));

        CompletableFuture<Void> sent = adapter.send(Outbound.text(group(-1002003), "hi"));
        clock.awaitPendingTasks(1, WAIT);
        clock.advance(Duration.ofMillis(500));
        telegram.awaitCalls("sendMessage", 2, WAIT);
        clock.awaitPendingTasks(1, WAIT);
        clock.advance(Duration.ofMillis(1_000));

        assertThatThrownBy(() -> sent.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TelegramApiException.class)
                .hasMessage("sendMessage failed: 500 Internal Server Error");
        assertThat(telegram.calls("sendMessage")).hasSize(3);
    }

    @Test
    void doesNotRetryWhenTheUserBlockedTheBot() throws Exception {
        telegram.blockedBy(anna);

        CompletableFuture<Void> sent = adapter.send(Outbound.text(annaChat, "hi"));

        assertThatThrownBy(() -> sent.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(TelegramApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(403);
                    assertThat(e.description()).isEqualTo("Forbidden: bot was blocked by the user");
                });
        assertThat(telegram.calls("sendMessage")).hasSize(1);
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void failsOnAnUnknownChatWithTelegramsDescription() {
        Chat nowhere = Chat.of("-42", Chat.Kind.GROUP, "?");

        assertThatThrownBy(() -> adapter.send(Outbound.text(nowhere, "hi")).get(5, TimeUnit.SECONDS)).cause()
                .hasMessage("sendMessage failed: 400 Bad Request: chat not found");
    }

    @Test
    void followsAGroupThatBecameASupergroup() throws Exception {
        Chat old = group(-5001);
        telegram.migrate(-5001, -1005001);

        adapter.send(Outbound.text(old, "one")).get(5, TimeUnit.SECONDS);
        clock.advance(Duration.ofMillis(10_000));
        adapter.send(Outbound.text(old, "two")).get(5, TimeUnit.SECONDS);

        assertThat(telegram.calls("sendMessage")).extracting(c -> c.longParam("chat_id"))
                .containsExactly(-5001L, -1005001L, -1005001L);
        assertThat(telegram.sentMessages()).extracting(m -> m.chatId()).containsOnly(-1005001L);
    }

    @Test
    void sendsAtMostOneMessageASecondToAPrivateChat() throws Exception {
        CompletableFuture<Void> first = adapter.send(Outbound.text(annaChat, "one"));
        CompletableFuture<Void> second = adapter.send(Outbound.text(annaChat, "two"));
        first.get(5, TimeUnit.SECONDS);
        clock.awaitPendingTasks(1, WAIT);

        clock.advance(Duration.ofMillis(999));
        assertThat(telegram.calls("sendMessage")).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        second.get(5, TimeUnit.SECONDS);
        assertThat(telegram.sentMessages()).extracting(m -> m.text()).containsExactly("one", "two");
    }

    @Test
    void sendsAtMostTwentyMessagesAMinuteToAGroup() throws Exception {
        Chat g = group(-1007001);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            sends.add(adapter.send(Outbound.text(g, "m" + i)));
        }
        telegram.awaitSentMessages(20, WAIT);
        clock.awaitPendingTasks(1, WAIT);
        assertThat(sends.get(20)).isNotDone();

        clock.advance(Duration.ofMillis(59_999));
        assertThat(telegram.sentMessages()).hasSize(20);
        clock.advance(Duration.ofMillis(1));
        sends.get(20).get(5, TimeUnit.SECONDS);
        assertThat(telegram.sentMessages()).hasSize(21).last().extracting(m -> m.text()).isEqualTo("m20");
    }

    @Test
    void sendsAtMostThirtyMessagesASecondOverall() throws Exception {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            sends.add(adapter.send(Outbound.text(group(-1008000 - i), "m" + i)));
        }
        telegram.awaitSentMessages(30, WAIT);
        clock.awaitPendingTasks(1, WAIT);
        assertThat(sends.get(30)).isNotDone();

        clock.advance(Duration.ofMillis(1_000));
        sends.get(30).get(5, TimeUnit.SECONDS);
        assertThat(telegram.sentMessages()).hasSize(31);
    }

    @Test
    void keepsTheOrderOfOneChatWhileAnEarlierMessageWaitsOutA429() throws Exception {
        Chat g = group(-1009001);
        telegram.failNext("sendMessage", Failure.tooManyRequests(2));
        CompletableFuture<Void> first = adapter.send(Outbound.text(g, "first"));
        CompletableFuture<Void> second = adapter.send(Outbound.text(g, "second"));
        clock.awaitPendingTasks(1, WAIT);

        clock.advance(Duration.ofMillis(2_000));
        CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);

        assertThat(telegram.sentMessages()).extracting(m -> m.text()).containsExactly("first", "second");
    }

    @Test
    void refusesButtonDataOverSixtyFourBytesWithoutCallingTelegram() {
        Outbound message = new Outbound(annaChat, "pick", Format.PLAIN,
                List.of(List.of(Button.of("Long", "echo " + "é".repeat(30)))), Optional.empty());

        assertThatThrownBy(() -> adapter.send(message).get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("button 'Long' has 65 bytes of data; Telegram allows at most 64 bytes of callback_data,"
                        + " so shorten the command line it runs (replies of a handler keep longer data in the state"
                        + " store by themselves)");
        assertThat(telegram.calls("sendMessage")).isEmpty();
    }

    @Test
    void writesTheSendMessageParametersTelegramExpects() throws Exception {
        Chat topic = group(-1006001).withThread("12");
        Outbound message = new Outbound(topic, "<b>hi</b>", Format.HTML,
                List.of(List.of(Button.of("Again", "roll 2d6"), Button.of("Stop", "stop"))), Optional.of("345"));

        adapter.send(message).get(5, TimeUnit.SECONDS);

        Golden.assertJson("golden/telegram/send-message-topic-html-buttons.json",
                telegram.calls("sendMessage").get(0).json());
    }

    @Test
    void givesUpWhatIsStillQueuedWhenClosedAndSaysSo() throws Exception {
        CompletableFuture<Void> first = adapter.send(Outbound.text(annaChat, "one"));
        CompletableFuture<Void> second = adapter.send(Outbound.text(annaChat, "two"));
        first.get(5, TimeUnit.SECONDS);

        adapter.close(); // the clock never moves: "two" cannot go out within the close timeout

        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).cause()
                .hasMessage("the Telegram adapter closed before the message to chat " + anna.id() + " was sent");
        assertThatThrownBy(() -> adapter.send(Outbound.text(annaChat, "three")).get()).cause()
                .hasMessage("the Telegram adapter is closed; a message to chat " + anna.id() + " was not sent");
    }

    @Test
    void repeatsAServerErrorWhileClosingWaitsForTheQueue() throws Exception {
        TelegramAdapter closing = SchedulerSink.start(new TelegramAdapter(TelegramConfig.builder().token(telegram.token())
                .apiUrl(telegram.apiUrl()).username("chorus_test_bot")
                .retries(3, Duration.ofMillis(500), Duration.ofSeconds(4))
                .closeTimeout(Duration.ofSeconds(30)).build()), clock);
        CompletableFuture<Void> first = closing.send(Outbound.text(annaChat, "one"));
        CompletableFuture<Void> second = closing.send(Outbound.text(annaChat, "two"));
        first.get(5, TimeUnit.SECONDS); // "two" waits for the one-a-second limit of a private chat
        telegram.failNext("sendMessage", Failure.serverError(502, "Bad Gateway"));
        Thread closer = new Thread(closing::close, "closer");
        closer.start();
        while (closer.getState() != Thread.State.TIMED_WAITING && closer.isAlive()) {
            Thread.onSpinWait(); // close() now waits for the queue
        }

        clock.advance(Duration.ofMillis(1_000)); // "two" goes out and gets 502 while close() waits
        telegram.awaitCalls("sendMessage", 2, WAIT);
        clock.awaitPendingTasks(1, WAIT); // the repeat: after the backoff and the chat's one-a-second window
        clock.advance(Duration.ofMillis(1_000));

        second.get(5, TimeUnit.SECONDS);
        closer.join(5_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(telegram.calls("sendMessage")).extracting(ApiCall::status).containsExactly(200, 502, 200);
        assertThat(telegram.sentMessages()).extracting(m -> m.text()).containsExactly("one", "two");
    }

    @Test
    void forgetsTheChatsOfInlineRepliesOnceTheirLimitWindowsHavePassed() {
        // A webhook bot that answers every update inline never queues a message, so nothing but
        // the inline path itself can clean up after the chats it answered.
        dev.chorusbot.telegram.internal.SendQueue queue = new dev.chorusbot.telegram.internal.SendQueue(
                new TelegramBotApi(telegram.apiUrl(), telegram.token(), WAIT), clock, dev.chorusbot.core.BotObserver.NONE,
                SendLimits.telegramDefaults(),
                3, Duration.ofMillis(500), Duration.ofSeconds(4));

        for (int i = 0; i < 1_000; i++) {
            assertThat(queue.tryTakeNow(Chat.of(Long.toString(1_000_000L + i), Chat.Kind.PRIVATE, "P"))).isTrue();
            clock.advance(Duration.ofMillis(100)); // ten chats a second, each answered once
        }

        assertThat(queue.lanes()).isLessThan(200); // not one per chat ever answered
    }

    @Test
    void sendsAtOnceWhenTheLimitsAllowAndQueuesNothingWhenTheyDoNot() throws Exception {
        SendQueue queue = adapter.account.queue();

        Optional<CompletableFuture<Void>> first = queue.trySubmitNow(Outbound.text(annaChat, "one"));
        first.orElseThrow().get(5, TimeUnit.SECONDS);
        Optional<CompletableFuture<Void>> second = queue.trySubmitNow(Outbound.text(annaChat, "two"));

        assertThat(second).isEmpty(); // one a second in a private chat
        assertThat(queue.pending()).isZero();
        assertThat(telegram.sentMessages()).extracting(m -> m.text()).containsExactly("one");
    }

    @Test
    void tellsHowLongTheNextMessageToAGroupWaitsBehindItsWindowAndQueue() throws Exception {
        SendQueue queue = adapter.account.queue();
        Chat group = group(-1002002);
        for (int i = 0; i < 20; i++) {
            queue.submit(Outbound.text(group, "m" + i)).get(5, TimeUnit.SECONDS);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(queue.delayFor(group)).isEqualTo(Duration.ofSeconds(40)); // the first send is 20 s old

        queue.submit(Outbound.text(group, "queued"));

        assertThat(queue.delayFor(group)).isEqualTo(Duration.ofSeconds(41)); // behind the queued one
        assertThat(queue.delayFor(annaChat)).isEqualTo(Duration.ZERO);
    }

    SendQueue detachedQueue(SendLimits limits) {
        return new SendQueue(new TelegramBotApi(telegram.apiUrl(), telegram.token(), WAIT), clock,
                dev.chorusbot.core.BotObserver.NONE, limits, 3, Duration.ofMillis(500), Duration.ofSeconds(4));
    }

    @Test
    void remembersAPrivateChatAnsweredInlineOnceWithoutALaneAndStillKeepsItsOneASecond() {
        SendQueue queue = detachedQueue(SendLimits.telegramDefaults());
        Chat chat = Chat.of("123456789", Chat.Kind.PRIVATE, "P");

        assertThat(queue.tryTakeNow(chat)).isTrue();
        assertThat(queue.lanes()).isZero();
        assertThat(queue.remembered()).isEqualTo(1);

        clock.advance(Duration.ofMillis(999));
        assertThat(queue.tryTakeNow(chat)).isFalse();
        assertThat(queue.delayFor(chat)).isEqualTo(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));
        assertThat(queue.tryTakeNow(chat)).isTrue();
    }

    @Test
    void stillAllowsTwentyMessagesAMinuteToAGroupAnsweredInline() {
        SendQueue queue = detachedQueue(SendLimits.telegramDefaults());
        Chat g = Chat.of("-1003003", Chat.Kind.GROUP, "G");

        for (int i = 0; i < 20; i++) {
            assertThat(queue.tryTakeNow(g)).as("send %d", i).isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(queue.tryTakeNow(g)).isFalse(); // 20 within the last minute
        assertThat(queue.delayFor(g)).isEqualTo(Duration.ofSeconds(40));

        clock.advance(Duration.ofSeconds(40));
        assertThat(queue.tryTakeNow(g)).isTrue();
        assertThat(queue.tryTakeNow(g)).isFalse();
    }

    @Test
    void aMessageQueuedAfterAnInlineAnswerWaitsOutTheChatsSecond() throws Exception {
        SendQueue queue = adapter.account.queue();
        assertThat(queue.tryTakeNow(annaChat)).isTrue(); // the answer went inside a webhook response

        CompletableFuture<Void> next = queue.submit(Outbound.text(annaChat, "next"));
        clock.awaitPendingTasks(1, WAIT);
        clock.advance(Duration.ofMillis(999));
        assertThat(telegram.calls("sendMessage")).isEmpty();
        assertThat(next).isNotDone();

        clock.advance(Duration.ofMillis(1));
        next.get(5, TimeUnit.SECONDS);
        assertThat(telegram.sentMessages()).extracting(m -> m.text()).containsExactly("next");
    }

    @Test
    void shrinksALaneToItsLastSendOnceItsMessageIsSentAndCountsThatSend() throws Exception {
        SendQueue queue = adapter.account.queue();
        queue.submit(Outbound.text(annaChat, "one")).get(5, TimeUnit.SECONDS);

        assertThat(queue.lanes()).isZero();
        assertThat(queue.remembered()).isEqualTo(1);
        assertThat(queue.tryTakeNow(annaChat)).isFalse(); // "one" went out less than a second ago
        clock.advance(Duration.ofMillis(1_000));
        assertThat(queue.tryTakeNow(annaChat)).isTrue();
    }

    @Test
    void keepsNoStateForChatsWhoseWindowHasPassed() {
        SendQueue queue = detachedQueue(SendLimits.telegramDefaults());

        for (int i = 0; i < 10_000; i++) {
            assertThat(queue.tryTakeNow(Chat.of(Long.toString(-1_000_000_000L - i), Chat.Kind.GROUP, "G"))).isTrue();
            assertThat(queue.tryTakeNow(Chat.of(Long.toString(1_000_000L + i), Chat.Kind.PRIVATE, "P"))).isTrue();
            clock.advance(Duration.ofMillis(100)); // twenty new chats a second, each answered once
        }

        assertThat(queue.lanes()).isZero();
        // a minute of groups (600) and a second of private chats (10), and not yet dropped ones
        assertThat(queue.remembered()).isBetween(600, 2_000);
    }
}
