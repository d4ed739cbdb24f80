package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.MenuCommand;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Telegram's language_code reaches the user's locale, and the command menu is published per language. */
class LanguagesTest {
    FakeTelegramServer telegram;
    Bot bot;
    URI webhook;

    @BeforeEach
    void start() {
        telegram = FakeTelegramServer.start();
        WebhookServer server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        bot = Bot.builder()
                .command(Command.named("hello").description("Say hello").description(Locale.GERMAN, "Sagt hallo")
                        .handler(ctx -> Reply.text(ctx.locale().getLanguage())).build())
                .adapter(new TelegramAdapter(TelegramConfig.builder().token(telegram.token()).apiUrl(telegram.apiUrl())
                        .publishCommands(true).build()))
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

    @Test
    void publishesTheMenuForEveryoneAndOnePerLanguageWithDescriptions() {
        // A webhook adapter publishes its menus in the background, after it listens.
        telegram.awaitCalls("setMyCommands", 2);
        assertThat(telegram.myCommands()).containsExactly(
                new MenuCommand("hello", "Say hello"),
                new MenuCommand("help", "List the commands, or show how to use one"));
        assertThat(telegram.myCommands("de")).containsExactly(
                new MenuCommand("hello", "Sagt hallo"),
                new MenuCommand("help", "Listet die Befehle auf oder zeigt, wie man einen benutzt"));
        assertThat(telegram.calls("setMyCommands")).hasSize(2);
    }

    @Test
    void theSendersLanguageCodeIsTheirLocale() {
        FakeUser hans = telegram.user("Hans", null, "hans").withLanguage("de-AT");
        FakeUser nobody = telegram.user("Nobody", null, "nobody").withLanguage("");

        WebhookDelivery german = telegram.deliver(webhook, telegram.message(FakeChat.privateWith(hans), hans, "/hello"));
        WebhookDelivery none = telegram.deliver(webhook, telegram.message(FakeChat.privateWith(nobody), nobody, "/help"));

        assertThat(german.body()).contains("\"text\":\"de\"");
        assertThat(none.body()).contains("Commands:");
    }
}
