package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.PlatformEvent;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUpdate;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.MenuCommand;
import dev.chorusbot.testkit.telegram.SentMessage;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final String SECRET = "s3cret-Token_1";

    FakeTelegramServer telegram;
    Bot bot;
    URI webhook;
    FakeUser anna;
    final List<PlatformEvent> events = new CopyOnWriteArrayList<>();

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

    static Command hello() {
        return Command.named("hello").description("Say hello")
                .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build();
    }

    void startBot(UnaryOperator<TelegramConfig.Builder> config, UnaryOperator<Bot.Builder> extra) throws Exception {
        TelegramConfig c = config.apply(TelegramConfig.builder().token(telegram.token())
                .apiUrl(telegram.apiUrl()).webhookSecret(SECRET)).build();
        WebhookServer server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        bot = extra.apply(Bot.builder().command(hello()).adapter(new TelegramAdapter(c)).webhookServer(server)
                .onEvent("*", e -> {
                    events.add(e);
                    return Reply.none();
                })).build();
        bot.start();
        webhook = URI.create("http://127.0.0.1:" + server.port() + "/telegram");
    }

    void startBot() throws Exception {
        startBot(b -> b, b -> b);
    }

    WebhookDelivery deliver(FakeUpdate update) {
        return telegram.deliver(webhook, Optional.of(SECRET), update.json().getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String body, Optional<String> secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook).POST(HttpRequest.BodyPublishers.ofString(body));
        secret.ifPresent(s -> request.header("X-Telegram-Bot-Api-Secret-Token", s));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersHelloInsideTheWebhookResponse() throws Exception {
        startBot();
        WebhookDelivery delivery = deliver(telegram.message(FakeChat.privateWith(anna), anna, "/hello"));

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.body()).contains("\"method\":\"sendMessage\"");
        SentMessage sent = telegram.awaitSentMessages(1, WAIT).get(0);
        assertThat(sent.text()).isEqualTo("hello Anna Smith!");
        assertThat(sent.chatId()).isEqualTo(anna.id());
        assertThat(sent.viaWebhookResponse()).isTrue();
        assertThat(telegram.calls("sendMessage")).allMatch(c -> c.viaWebhookResponse()); // no API round trip
    }

    @Test
    void answersThroughTheApiWhenInlineRepliesAreOff() throws Exception {
        startBot(b -> b.inlineReplies(false), b -> b);
        WebhookDelivery delivery = deliver(telegram.message(FakeChat.privateWith(anna), anna, "!hello"));

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.body()).isEmpty();
        // The webhook answers only once the message was sent: nothing to wait for.
        assertThat(telegram.calls("sendMessage")).hasSize(1);
        assertThat(telegram.sentMessages().get(0).viaWebhookResponse()).isFalse();
    }

    @Test
    void answers200ToAnUpdateWhoseHandlerThrowsAnErrorAndDoesNotRunItAgain() throws Exception {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        Command broken = Command.named("broken").handler(ctx -> {
            runs.incrementAndGet();
            throw new InternalError("a failure the bot's error handling does not catch");
        }).build();
        startBot(b -> b, b -> b.command(broken));
        String update = telegram.message(FakeChat.privateWith(anna), anna, "/broken").toString();

        HttpResponse<String> first = post(update, Optional.of(SECRET));
        HttpResponse<String> redelivered = post(update, Optional.of(SECRET));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(runs).hasValue(1);
    }

    @Test
    void refusesARequestWithoutTheSecretAndHandlesNothing() throws Exception {
        startBot();
        HttpResponse<String> response = post(telegram.message(FakeChat.privateWith(anna), anna, "/hello").toString(),
                Optional.empty());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("Unauthorized: missing or wrong X-Telegram-Bot-Api-Secret-Token");
        assertThat(telegram.sentMessages()).isEmpty();
        assertThat(telegram.calls("sendMessage")).isEmpty();
    }

    @Test
    void refusesAWrongSecret() throws Exception {
        startBot();
        HttpResponse<String> response = post(telegram.message(FakeChat.privateWith(anna), anna, "/hello").toString(),
                Optional.of(SECRET + "x"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(telegram.sentMessages()).isEmpty();
    }

    @Test
    void answersMalformedJsonWith400() throws Exception {
        startBot();
        HttpResponse<String> response = post("{\"update_id\": 1, \"message\": {", Optional.of(SECRET));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("Bad Request: the body is not valid JSON");
    }

    @Test
    void answersJsonThatIsNotAnUpdateWith400() throws Exception {
        startBot();
        assertThat(post("[1,2]", Optional.of(SECRET)).body()).isEqualTo("Bad Request: the body is not a JSON object");
        assertThat(post("{\"message\":{}}", Optional.of(SECRET)).body())
                .isEqualTo("Bad Request: the update has no integer update_id");
        HttpResponse<String> noChat = post("{\"update_id\":5,\"message\":{\"message_id\":1}}", Optional.of(SECRET));
        assertThat(noChat.statusCode()).isEqualTo(400);
        assertThat(noChat.body()).isEqualTo("Bad Request: the message of update 5 is malformed: chat is not an object");
    }

    @Test
    void handlesARedeliveredUpdateOnce() throws Exception {
        startBot(b -> b.inlineReplies(false), b -> b);
        FakeUpdate update = telegram.message(FakeChat.privateWith(anna), anna, "/hello");

        assertThat(deliver(update).status()).isEqualTo(200);
        assertThat(deliver(update).status()).isEqualTo(200);

        assertThat(telegram.calls("sendMessage")).hasSize(1);
    }

    @Test
    void acceptsAndIgnoresAnUnknownUpdateKind() throws Exception {
        startBot();
        FakeUpdate update = telegram.update("future_kind_of_update", "{\"x\":1}");

        WebhookDelivery delivery = deliver(update);

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(events).isEmpty();
    }

    @Test
    void passesOtherKindsToEventHandlersWithTheUpdateInside() throws Exception {
        startBot();
        FakeChat group = FakeChat.supergroup(-1001234567890L, "Friends");
        FakeUpdate update = telegram.myChatMember(group, anna, "left", "member");

        assertThat(deliver(update).status()).isEqualTo(200);

        assertThat(events).hasSize(1);
        PlatformEvent event = events.get(0);
        assertThat(event.type()).isEqualTo("my_chat_member");
        assertThat(event.chat().orElseThrow().id()).isEqualTo("-1001234567890");
        assertThat(event.sender().orElseThrow().id()).isEqualTo(Long.toString(anna.id()));
        TelegramUpdate raw = event.unwrap(TelegramUpdate.class).orElseThrow();
        assertThat(raw.payload().path("new_chat_member").path("status").asText()).isEqualTo("member");
    }

    @Test
    void answers200WhenTheHandlerFails() throws Exception {
        Command broken = Command.named("broken").handler(ctx -> {
            throw new IllegalStateException("boom");
        }).build();
        startBot(b -> b, b -> b.command(broken));

        WebhookDelivery delivery = deliver(telegram.message(FakeChat.privateWith(anna), anna, "/broken"));

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.attempts()).isEqualTo(1);
    }

    @Test
    void answers503WhileStoppedSoTelegramRedelivers() throws Exception {
        startBot();
        bot.adapters().values().forEach(dev.chorusbot.core.Adapter::stopReceiving);
        telegram.redelivery(3, Duration.ofMillis(1));

        WebhookDelivery delivery = deliver(telegram.message(FakeChat.privateWith(anna), anna, "/hello"));

        assertThat(delivery.status()).isEqualTo(503);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(telegram.sentMessages()).isEmpty();
    }

    @Test
    void sendsEarlierPiecesThroughTheApiAndTheLastInlineSoTheyArriveInOrder() throws Exception {
        Command two = Command.named("two").handler(ctx -> Reply.of(List.of(Reply.text("first"), Reply.text("second"))))
                .build();
        FakeChat group = FakeChat.supergroup(-1001000000001L, "Group");
        startBot(b -> b, b -> b.command(two));

        WebhookDelivery delivery = deliver(telegram.message(group, anna, "/two"));

        assertThat(delivery.status()).isEqualTo(200);
        List<SentMessage> sent = telegram.awaitSentMessages(2, WAIT);
        assertThat(sent).extracting(SentMessage::text).containsExactly("first", "second");
        assertThat(sent.get(0).viaWebhookResponse()).isFalse();
    }

    @Test
    void splitsAnAnswerLongerThan4096Characters() throws Exception {
        String paragraph = "word ".repeat(900).strip(); // 4499 characters
        Command essay = Command.named("essay").handler(ctx -> Reply.text(paragraph + "\n\n" + paragraph)).build();
        startBot(b -> b.inlineReplies(false), b -> b.command(essay));

        deliver(telegram.message(FakeChat.group(-4001, "Readers"), anna, "/essay"));

        List<SentMessage> sent = telegram.sentMessages();
        assertThat(sent).hasSizeGreaterThan(2);
        assertThat(sent).allSatisfy(m -> assertThat(m.text().length()).isLessThanOrEqualTo(4096));
        assertThat(String.join(" ", sent.stream().map(SentMessage::text).toList()).replaceAll("\\s+", " "))
                .isEqualTo((paragraph + " " + paragraph));
    }

    @Test
    void neverSplitsASurrogatePair() throws Exception {
        String emoji = "a" + "😀".repeat(2100); // a hard cut at 4096 would fall inside the 2048th emoji
        Command faces = Command.named("faces").handler(ctx -> Reply.text(emoji)).build();
        startBot(b -> b.inlineReplies(false), b -> b.command(faces));

        deliver(telegram.message(FakeChat.group(-4002, "Faces"), anna, "/faces"));

        List<SentMessage> sent = telegram.sentMessages();
        assertThat(sent).extracting(m -> m.text().length()).containsExactly(4095, 106);
        assertThat(sent).allSatisfy(m -> {
            assertThat(Character.isHighSurrogate(m.text().charAt(m.text().length() - 1))).isFalse();
            assertThat(Character.isLowSurrogate(m.text().charAt(0))).isFalse();
        });
        assertThat(sent.get(0).text() + sent.get(1).text()).isEqualTo(emoji);
    }

    @Test
    void repliesInTheSameForumTopicQuotingTheCommand() throws Exception {
        startBot();
        FakeChat forum = FakeChat.forum(-1009876543210L, "Forum");
        FakeUpdate update = telegram.topicMessage(forum, 77, anna, "/hello");
        long messageId = Long.parseLong(update.value("/message/message_id"));

        deliver(update);

        SentMessage sent = telegram.awaitSentMessages(1, WAIT).get(0);
        assertThat(sent.chatId()).isEqualTo(forum.id());
        assertThat(sent.threadId()).contains(77L);
        assertThat(sent.replyToMessageId()).contains(messageId);
        assertThat(sent.text()).isEqualTo("hello Anna Smith!");
    }

    @Test
    void answersCommandsAddressedToItselfAndIgnoresThoseForAnotherBot() throws Exception {
        startBot();
        FakeChat group = FakeChat.supergroup(-1001000000002L, "Group");

        deliver(telegram.message(group, anna, "/hello@OtherBot"));
        deliver(telegram.message(group, anna, "/hello@chorus_test_bot"));

        List<SentMessage> sent = telegram.awaitSentMessages(1, WAIT);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).text()).isEqualTo("hello Anna Smith!");
        assertThat(telegram.calls("getMe")).hasSize(1); // the username came from getMe at start
    }

    @Test
    void readsEntityOffsetsInUtf16AndTakesOnlyACommandAtTheStart() throws Exception {
        List<String> commandsSeen = new CopyOnWriteArrayList<>();
        startBot(b -> b, b -> b.onText(message -> {
            TelegramMessage m = message.unwrap(TelegramUpdate.class).orElseThrow().message().orElseThrow();
            m.entities().forEach(e -> commandsSeen.add(e.type() + "=" + e.textIn(m.text())));
            commandsSeen.add("command=" + m.command().orElse("none"));
            return Reply.none();
        }));
        // 👋🏽 is four UTF-16 units; "/hello" starts at 9, as Telegram would mark it.
        FakeUpdate update = telegram.newMessage(FakeChat.privateWith(anna), anna).text("👋🏽 say /hello")
                .entity("bot_command", 9, 6).build();

        deliver(update);

        assertThat(commandsSeen).containsExactly("bot_command=/hello", "command=none");
        assertThat(telegram.sentMessages()).isEmpty();
    }

    @Test
    void treatsASlashTextWithoutABotCommandEntityAsQuotedTextNotACommand() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        startBot(b -> b, b -> b.onText(message -> {
            heard.add(message.text());
            return Reply.none();
        }));
        FakeChat chat = FakeChat.privateWith(anna);
        // "/hello" sent as inline code: Telegram marks it "code", not "bot_command".
        FakeUpdate quoted = telegram.newMessage(chat, anna).text("/hello").entity("code", 0, 6).build();

        deliver(quoted);
        deliver(telegram.message(chat, anna, "/hello"));

        List<SentMessage> sent = telegram.awaitSentMessages(1, WAIT);
        assertThat(sent).extracting(SentMessage::text).containsExactly("hello Anna Smith!");
        assertThat(heard).as("the quoted one went to the text handlers").containsExactly("/hello");
    }

    @Test
    void passesADeepLinkPayloadToStart() throws Exception {
        Command start = Command.named("start")
                .argument(dev.chorusbot.core.Argument.rest("payload").optional())
                .handler(ctx -> Reply.text("payload: " + ctx.args().optional("payload", String.class).orElse("-")))
                .build();
        startBot(b -> b, b -> b.command(start));

        deliver(telegram.message(FakeChat.privateWith(anna), anna, "/start ref_42"));

        assertThat(telegram.awaitSentMessages(1, WAIT).get(0).text()).isEqualTo("payload: ref_42");
    }

    @Test
    void runsTheCommandOfAPressedButtonAndAnswersTheCallbackQuery() throws Exception {
        Command menu = Command.named("menu")
                .handler(ctx -> Reply.text("pick").withButtons(Button.of("Hi", "hello")))
                .build();
        startBot(b -> b, b -> b.command(menu));
        FakeChat chat = FakeChat.privateWith(anna);

        deliver(telegram.message(chat, anna, "/menu"));
        SentMessage withButtons = telegram.awaitSentMessages(1, WAIT).get(0);
        assertThat(withButtons.buttons().get(0).get(0).callbackData()).contains("hello");

        FakeUpdate press = telegram.callbackQuery(chat, anna, withButtons.messageId(), "hello");
        deliver(press);

        assertThat(telegram.awaitSentMessages(2, WAIT).get(1).text()).isEqualTo("hello Anna Smith!");
        assertThat(telegram.awaitCalls("answerCallbackQuery", 1, WAIT).get(0).param("callback_query_id"))
                .isEqualTo(press.value("/callback_query/id"));
    }

    @Test
    void answersACallbackQueryInsideTheResponseWhenThereIsNothingToSay() throws Exception {
        startBot();
        FakeChat chat = FakeChat.privateWith(anna);

        WebhookDelivery delivery = deliver(telegram.callbackQuery(chat, anna, 5, "no-such-command"));

        assertThat(delivery.body()).contains("\"method\":\"answerCallbackQuery\"");
        assertThat(telegram.calls("answerCallbackQuery")).singleElement()
                .satisfies(call -> assertThat(call.viaWebhookResponse()).isTrue());
    }

    @Test
    void makesNoCallAtStartWhenTheUsernameIsConfigured() throws Exception {
        startBot(b -> b.username("chorus_test_bot"), b -> b);

        deliver(telegram.message(FakeChat.supergroup(-1001000000003L, "G"), anna, "/hello@chorus_test_bot"));

        assertThat(telegram.awaitSentMessages(1, WAIT)).hasSize(1);
        assertThat(telegram.calls("getMe")).isEmpty();
    }

    @Test
    void setsTheWebhookAndPublishesTheCommandsAtStartWhenConfigured() throws Exception {
        startBot(b -> b.webhookUrl(URI.create("https://bot.example.org/telegram")).publishCommands(true), b -> b);
        telegram.awaitCalls("setMyCommands", 1, WAIT); // in the background, after setWebhook

        assertThat(telegram.webhookUrl()).isEqualTo("https://bot.example.org/telegram");
        assertThat(telegram.calls("setWebhook").get(0).param("secret_token")).isEqualTo(SECRET);
        assertThat(telegram.myCommands()).contains(new MenuCommand("hello", "Say hello"))
                .extracting(MenuCommand::command).contains("help");
    }

    @Test
    void publishesAtMost100CommandsWithDescriptionsCutToTelegramsLimit() throws Exception {
        String longDescription = "x".repeat(255) + "\uD83D\uDE00 and more";
        startBot(b -> b.publishCommands(true), b -> {
            for (int i = 0; i < 120; i++) {
                b.command(Command.named("c" + i).description(i == 0 ? longDescription : "Command " + i)
                        .handler(ctx -> Reply.none()).build());
            }
            return b;
        });
        telegram.awaitCalls("setMyCommands", 1, WAIT); // in the background, after getMe

        List<MenuCommand> menu = telegram.myCommands();
        assertThat(menu).hasSize(100);
        String cut = "";
        for (MenuCommand entry : menu) {
            if (entry.command().equals("c0")) {
                cut = entry.description();
            }
        }
        assertThat(cut).as("cut before the emoji rather than through it").isEqualTo("x".repeat(255));
    }
}
