package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.PlatformException;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.telegram.ApiCall;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUpdate;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.SentMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A question asked in a group carries force_reply; the bot's own sends go through the Bot API. */
class QuestionsAndSendsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SECRET = "s3cret-Token_1";

    private FakeTelegramServer telegram;
    private FakeUser anna;
    private FakeUser bob;
    private Bot bot;
    private URI webhook;

    @BeforeEach
    void start() throws Exception {
        telegram = FakeTelegramServer.start();
        anna = telegram.user("Anna", "Smith", "anna");
        bob = telegram.user("Bob", "Jones", "bob");
        TelegramConfig config = TelegramConfig.builder().token(telegram.token()).apiUrl(telegram.apiUrl())
                .webhookSecret(SECRET).inlineReplies(false).build();
        WebhookServer server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        bot = Bot.builder()
                .command(Command.named("quiz").handler(ctx ->
                        ctx.ask(Reply.text("What is 6 times 7?"), "quiz", Duration.ofSeconds(60))).build())
                .onAnswer("quiz", (ctx, data) -> Reply.text(ctx.text().equals("42") ? "correct!" : "no, it is 42"))
                .adapter(new TelegramAdapter(config))
                .webhookServer(server)
                .build();
        bot.start();
        webhook = URI.create("http://127.0.0.1:" + server.port() + "/telegram");
    }

    @AfterEach
    void stop() {
        bot.stop();
        telegram.close();
    }

    private void deliver(FakeUpdate update) {
        telegram.deliver(webhook, Optional.of(SECRET), update.json().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aQuestionInAGroupForcesAReplyFromTheAskerOnly() {
        FakeChat group = FakeChat.supergroup(-1001234567890L, "Quiz night");
        FakeUpdate command = telegram.message(group, anna, "/quiz");
        long commandId = Long.parseLong(command.value("/message/message_id"));

        deliver(command);

        ApiCall question = telegram.awaitCalls("sendMessage", 1, WAIT).get(0);
        assertThat(question.param("text")).isEqualTo("What is 6 times 7?");
        assertThat(question.paramJson("reply_markup")).isEqualTo("{\"force_reply\":true,\"selective\":true}");
        assertThat(question.paramJson("reply_parameters")).contains("\"message_id\":" + commandId);

        deliver(telegram.message(group, bob, "42")); // not asked: not an answer
        deliver(telegram.message(group, anna, "42"));

        List<SentMessage> sent = telegram.awaitSentMessages(2, WAIT);
        assertThat(sent).extracting(SentMessage::text).containsExactly("What is 6 times 7?", "correct!");
        assertThat(telegram.calls("sendMessage").get(1).has("reply_markup")).isFalse();
    }

    @Test
    void aQuestionInAPrivateChatNeedsNoForcedReply() {
        FakeChat chat = FakeChat.privateWith(anna);

        deliver(telegram.message(chat, anna, "/quiz"));
        deliver(telegram.message(chat, anna, "41"));

        assertThat(telegram.awaitSentMessages(2, WAIT)).extracting(SentMessage::text)
                .containsExactly("What is 6 times 7?", "no, it is 42");
        assertThat(telegram.calls("sendMessage").get(0).has("reply_markup")).isFalse();
    }

    @Test
    void theBotSendsOnItsOwnToAForumTopicThroughTheBotApi() {
        FakeChat forum = FakeChat.forum(-1009876543210L, "Forum");
        telegram.addChat(forum);
        Chat topic = Chat.of(Long.toString(forum.id()), Chat.Kind.GROUP, "Forum").withThread("77");

        bot.send(TelegramAdapter.PLATFORM, topic, Reply.text("stream starts in 5 minutes")).toCompletableFuture().join();

        SentMessage sent = telegram.awaitSentMessages(1, WAIT).get(0);
        assertThat(sent.chatId()).isEqualTo(forum.id());
        assertThat(sent.threadId()).contains(77L);
        assertThat(sent.text()).isEqualTo("stream starts in 5 minutes");
        assertThat(sent.replyToMessageId()).isEmpty();
    }

    @Test
    void aRefusedSendFailsWithTelegramsCodeAndDescription() {
        FakeChat chat = FakeChat.privateWith(bob);
        telegram.addChat(chat).blockedBy(bob);

        assertThatThrownBy(() -> bot.send(TelegramAdapter.PLATFORM,
                        Chat.of(Long.toString(chat.id()), Chat.Kind.PRIVATE, ""), Reply.text("hi"))
                .toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(PlatformException.class)
                .satisfies(e -> {
                    PlatformException refused = (PlatformException) e;
                    assertThat(refused.code()).isEqualTo("403");
                    assertThat(refused.reason()).isEqualTo("Forbidden: bot was blocked by the user");
                });
    }
}
