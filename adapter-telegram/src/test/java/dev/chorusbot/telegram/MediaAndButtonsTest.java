package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Argument;
import dev.chorusbot.core.Attachment;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.MediaFile;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.telegram.ApiCall;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeFile;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.SentMedia;
import dev.chorusbot.testkit.telegram.SentMessage;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Photos and documents out, files in, and buttons that edit their message, against the Bot API fake. */
class MediaAndButtonsTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String LONG_DATA = "echo " + "x".repeat(195); // 200 bytes of callback data

    FakeTelegramServer telegram;
    FakeUser anna;
    FakeChat chat;
    Bot bot;
    URI webhook;
    byte[] png;
    final AtomicInteger rolls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/dice.png")) {
            png = in.readAllBytes();
        }
        telegram = FakeTelegramServer.start();
        anna = telegram.user("Anna", null, "anna");
        chat = FakeChat.privateWith(anna);
        telegram.addChat(chat);
        WebhookServer server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        bot = Bot.builder()
                .command(Command.named("photo").handler(ctx -> Reply.media(MediaFile.photo(png, "dice.png"))
                        .withCaption("a photo from Chorus")).build())
                .command(Command.named("doc").handler(ctx -> Reply.media(
                        MediaFile.document("id,count\n1,2\n".getBytes(), "counts.csv", "text/csv"))).build())
                .command(Command.named("link").handler(ctx -> Reply.photo(URI.create("https://example.org/cat.png"))
                        .withCaption("a cat")).build())
                .command(Command.named("roll").handler(ctx -> {
                    Reply.Text text = Reply.text("rolled " + rolls.incrementAndGet())
                            .withButtons(Button.of("Roll again", "roll"));
                    return ctx.event() instanceof dev.chorusbot.core.ButtonPress
                            ? Reply.of(text.asEdit(), Reply.notice("rolled!")) : text;
                }).build())
                .command(Command.named("menu").handler(ctx -> Reply.text("pick")
                        .withButtons(Button.of("Long", LONG_DATA))).build())
                .command(Command.named("echo").argument(Argument.rest("text"))
                        .handler(ctx -> Reply.text("echoed " + ctx.args().string("text").length() + " characters"))
                        .build())
                .command(Command.named("size").argument(Argument.integer("max").optional())
                        .handler(ctx -> {
                            Attachment file = ctx.message().orElseThrow().attachments().get(0);
                            try {
                                byte[] bytes = ctx.download(file, ctx.args().has("max") ? ctx.args().integer("max") : 1_000_000).join();
                                return Reply.text(file.kind() + " of " + bytes.length + " bytes");
                            } catch (CompletionException e) {
                                return Reply.text("refused: " + e.getCause().getMessage());
                            }
                        }).build())
                .adapter(new TelegramAdapter(TelegramConfig.builder().token(telegram.token()).apiUrl(telegram.apiUrl())
                        .username("chorus_test_bot").build()))
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

    WebhookDelivery say(String text) {
        return telegram.deliver(webhook, telegram.message(chat, anna, text));
    }

    @Test
    void uploadsAPhotoAsMultipartWithItsCaption() {
        say("/photo");

        SentMedia photo = telegram.awaitSentMedia(1).get(0);
        assertThat(photo.method()).isEqualTo("sendPhoto");
        assertThat(photo.caption()).isEqualTo("a photo from Chorus");
        assertThat(photo.upload()).hasValueSatisfying(file -> {
            assertThat(file.fileName()).contains("dice.png");
            assertThat(file.mimeType()).isEqualTo("image/png");
            assertThat(file.bytes()).isEqualTo(png);
        });
        ApiCall call = telegram.calls("sendPhoto").get(0);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.paramJson("photo")).isEqualTo("{\"file_name\":\"dice.png\",\"content_type\":\"image/png\",\"size\":"
                + png.length + "}");
        assertThat(call.longParam("chat_id")).isEqualTo(chat.id());
    }

    @Test
    void uploadsADocumentWithItsNameAndType() {
        say("/doc");

        SentMedia doc = telegram.awaitSentMedia(1).get(0);
        assertThat(doc.method()).isEqualTo("sendDocument");
        assertThat(doc.upload().orElseThrow().fileName()).contains("counts.csv");
        assertThat(new String(doc.upload().orElseThrow().bytes())).isEqualTo("id,count\n1,2\n");
    }

    @Test
    void aPhotoByUrlTravelsInTheWebhookAnswer() {
        WebhookDelivery delivery = say("/link");

        assertThat(delivery.body()).contains("\"method\":\"sendPhoto\"").contains("\"photo\":\"https://example.org/cat.png\"")
                .contains("\"caption\":\"a cat\"");
    }

    @Test
    void aPressEditsTheMessageAndAnswersWithANotice() {
        say("/roll");
        SentMessage first = telegram.awaitSentMessages(1).get(0);

        telegram.deliver(webhook, telegram.press(chat, anna, "Roll again"));

        ApiCall edit = telegram.awaitCalls("editMessageText", 1, WAIT).get(0);
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.longParam("message_id")).isEqualTo(first.messageId());
        assertThat(edit.param("text")).isEqualTo("rolled 2");
        assertThat(edit.paramJson("reply_markup")).contains("Roll again");
        ApiCall answer = telegram.awaitCalls("answerCallbackQuery", 1, WAIT).get(0);
        assertThat(answer.param("text")).isEqualTo("rolled!");
        assertThat(telegram.sentMessages()).hasSize(1);
    }

    @Test
    void buttonDataOfTwoHundredBytesRoundTrips() {
        say("/menu");
        SentMessage menu = telegram.awaitSentMessages(1).get(0);
        assertThat(menu.buttons().get(0).get(0).callbackData().orElseThrow()).startsWith("~").hasSizeLessThan(64);

        telegram.deliver(webhook, telegram.press(chat, anna, "Long"));

        assertThat(telegram.awaitSentMessages(2).get(1).text()).isEqualTo("echoed 195 characters");
    }

    @Test
    void downloadsAPhotoAUserSentWithinTheLimit() {
        FakeFile photo = telegram.addFile("cat.png", "image/png", png);

        telegram.deliver(webhook, telegram.newMessage(chat, anna).photo(photo).text("/size").build());
        telegram.deliver(webhook, telegram.newMessage(chat, anna).photo(photo).text("/size 100").build());

        List<SentMessage> sent = telegram.awaitSentMessages(2);
        assertThat(sent.get(0).text()).isEqualTo("PHOTO of " + png.length + " bytes");
        assertThat(sent.get(1).text()).isEqualTo("refused: the Telegram file has " + png.length
                + " bytes, more than the 100 allowed");
        assertThat(telegram.calls("getFile")).hasSize(1);
        assertThat(telegram.calls("file")).hasSize(1);
    }
}
