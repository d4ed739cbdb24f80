package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Format;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.Golden;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact JSON Chorus sends to the Bot API, compared with golden files under
 * {@code src/test/resources/golden/telegram/}: field names, order and values as Telegram reads them
 * (https://core.telegram.org/bots/api).
 */
class WireFormatTest {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final String SECRET = "s3cret-Token_1";

    FakeTelegramServer telegram;
    FakeUser anna;
    TelegramAdapter adapter;
    Bot bot;
    URI webhook;

    @BeforeEach
    void start() {
        telegram = FakeTelegramServer.start();
        anna = telegram.user("Anna", "Smith", "anna"); // id 5000100001: the fake's first id, the same every run
        telegram.addChat(FakeChat.privateWith(anna));
    }

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (bot != null) {
            bot.stop();
        }
        telegram.close();
    }

    void send(Outbound message) throws Exception {
        adapter = SchedulerSink.start(new TelegramAdapter(TelegramConfig.builder().token(telegram.token())
                .apiUrl(telegram.apiUrl()).username("chorus_test_bot").build()), Scheduler.system());
        // The adapter's first Bot API call builds its HttpClient (and TLS context): seconds on a loaded machine.
        adapter.send(message).get(30, TimeUnit.SECONDS);
    }

    void startBot(UnaryOperator<TelegramConfig.Builder> config) {
        WebhookServer server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        Command menu = Command.named("menu").description("Show the menu")
                .handler(ctx -> Reply.text("pick").withButtons(Button.of("Hi", "hello"))).build();
        Command hello = Command.named("hello").description("Say hello")
                .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build();
        bot = Bot.builder().command(hello).command(menu)
                .adapter(new TelegramAdapter(config.apply(TelegramConfig.builder().token(telegram.token())
                        .apiUrl(telegram.apiUrl()).webhookSecret(SECRET)).build()))
                .webhookServer(server).build();
        bot.start();
        webhook = URI.create("http://127.0.0.1:" + server.port() + "/telegram");
    }

    WebhookDelivery deliver(dev.chorusbot.testkit.telegram.FakeUpdate update) {
        return telegram.deliver(webhook, Optional.of(SECRET), update.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void sendsPlainTextAsChatIdAndTextOnly() throws Exception {
        send(Outbound.text(Chat.of(Long.toString(anna.id()), Chat.Kind.PRIVATE, "Anna"), "hello Anna Smith!"));

        Golden.assertJson("golden/telegram/send-message-plain.json", telegram.calls("sendMessage").get(0).json());
    }

    @Test
    void sendsHtmlWithButtonsAsAReplyInAForumTopic() throws Exception {
        telegram.addChat(FakeChat.forum(-1006001L, "Friends"));
        Chat topic = Chat.of("-1006001", Chat.Kind.GROUP, "Friends").withThread("12");

        send(new Outbound(topic, "<b>hi</b> & welcome", Format.HTML,
                List.of(List.of(Button.of("Again", "roll 2d6"), Button.of("Stop", "stop")),
                        List.of(Button.of("Help", "help"))), Optional.of("345")));

        Golden.assertJson("golden/telegram/send-message-html-buttons-reply.json",
                telegram.calls("sendMessage").get(0).json());
    }

    @Test
    void sendsAQuestionInAGroupWithASelectiveForceReply() throws Exception {
        telegram.addChat(FakeChat.supergroup(-1006002L, "Quiz"));
        Chat group = Chat.of("-1006002", Chat.Kind.GROUP, "Quiz");

        send(new Outbound(group, "What is 6 times 7?", Format.PLAIN, List.of(), Optional.of("346"), true));

        Golden.assertJson("golden/telegram/send-message-question.json", telegram.calls("sendMessage").get(0).json());
    }

    @Test
    void sendsMarkdownWithItsParseMode() throws Exception {
        send(new Outbound(Chat.of(Long.toString(anna.id()), Chat.Kind.PRIVATE, "Anna"), "*bold* and _italic_",
                Format.MARKDOWN, List.of(), Optional.empty()));

        Golden.assertJson("golden/telegram/send-message-markdown.json", telegram.calls("sendMessage").get(0).json());
    }

    @Test
    void setsTheWebhookAndTheCommandMenuAtStart() {
        startBot(b -> b.webhookUrl(URI.create("https://bot.example.org/telegram")).publishCommands(true));
        telegram.awaitCalls("setMyCommands", 1); // in the background, after setWebhook

        Golden.assertJson("golden/telegram/set-webhook.json", telegram.calls("setWebhook").get(0).json());
        Golden.assertJson("golden/telegram/set-my-commands.json", telegram.calls("setMyCommands").get(0).json());
    }

    @Test
    void answersACommandInsideTheWebhookResponse() {
        startBot(b -> b);

        WebhookDelivery delivery = deliver(telegram.message(FakeChat.privateWith(anna), anna, "/hello"));

        assertThat(delivery.status()).isEqualTo(200);
        Golden.assertJson("golden/telegram/webhook-answer-send-message.json", delivery.body());
    }

    @Test
    void runsAPressedButtonsCommandInsideTheWebhookResponseAndAnswersTheCallbackQuery() {
        startBot(b -> b);
        FakeChat chat = FakeChat.privateWith(anna);

        WebhookDelivery delivery = deliver(telegram.callbackQuery(chat, anna, 1001, "hello"));

        Golden.assertJson("golden/telegram/webhook-answer-button-command.json", delivery.body());
        Golden.assertJson("golden/telegram/answer-callback-query.json",
                telegram.awaitCalls("answerCallbackQuery", 1, WAIT).get(0).json());
    }

    @Test
    void answersAPressWithNothingToSayWithAnAnswerCallbackQueryInsideTheWebhookResponse() {
        startBot(b -> b);

        WebhookDelivery delivery = deliver(telegram.callbackQuery(FakeChat.privateWith(anna), anna, 1001,
                "no-such-command"));

        Golden.assertJson("golden/telegram/webhook-answer-callback-query.json", delivery.body());
    }

    @Test
    void sendsAMenuWithButtonsInsideTheWebhookResponse() {
        startBot(b -> b);

        WebhookDelivery delivery = deliver(telegram.message(FakeChat.privateWith(anna), anna, "/menu"));

        Golden.assertJson("golden/telegram/webhook-answer-buttons.json", delivery.body());
    }
}
