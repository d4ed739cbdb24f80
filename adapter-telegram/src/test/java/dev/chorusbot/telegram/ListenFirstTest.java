package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.AdapterStoppedException;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.telegram.Failure;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUpdate;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook answers before Telegram is asked anything: getMe, setWebhook and setMyCommands run
 * in the background, and only an update addressed as {@code /cmd@name} waits for the username.
 */
class ListenFirstTest {
    private static final String SECRET = "listen-first_1";

    private FakeTelegramServer telegram;
    private FakeUser anna;
    private Bot bot;
    private URI webhook;
    private WebhookServer server;

    @BeforeEach
    void startFake() {
        telegram = FakeTelegramServer.start();
        anna = telegram.user("Anna", null, "anna");
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
        telegram.close();
    }

    private void startBot(UnaryOperator<TelegramConfig.Builder> config) {
        buildBot(config);
        bot.start();
        webhook = URI.create("http://127.0.0.1:" + server.port() + "/telegram");
    }

    private void buildBot(UnaryOperator<TelegramConfig.Builder> config) {
        TelegramConfig c = config.apply(TelegramConfig.builder().token(telegram.token()).apiUrl(telegram.apiUrl())
                .webhookSecret(SECRET).webhookUrl(URI.create("https://bot.example.org/telegram"))).build();
        server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        bot = Bot.builder().command(WebhookTest.hello()).adapter(new TelegramAdapter(c)).webhookServer(server).build();
    }

    private WebhookDelivery deliver(FakeChat chat, String text) {
        return deliver(telegram.message(chat, anna, text));
    }

    private WebhookDelivery deliver(FakeUpdate update) {
        return telegram.deliver(webhook, Optional.of(SECRET), update.json().getBytes(StandardCharsets.UTF_8));
    }

    private TelegramAdapter adapter() {
        return (TelegramAdapter) bot.adapters().values().iterator().next();
    }

    @Test
    void answersAnUpdateWhileGetMeAndSetWebhookHang() {
        Failure.Held getMe = Failure.held();
        Failure.Held setWebhook = Failure.held();
        telegram.failNext("getMe", getMe).failNext("setWebhook", setWebhook);
        startBot(b -> b);

        WebhookDelivery delivery = deliver(FakeChat.privateWith(anna), "/hello");

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.body()).contains("\"text\":\"hello Anna!\"");
        assertThat(telegram.webhookUrl()).isEmpty(); // setWebhook has not been answered yet
        assertThat(adapter().self()).hasValueSatisfying(self -> {
            assertThat(self.id()).isEqualTo(Long.toString(telegram.bot().id())); // from the token
            assertThat(self.login()).isEmpty();
        });
        getMe.release();
        setWebhook.release();
        telegram.awaitCalls("setWebhook", 1);
        awaitTrue(() -> telegram.webhookUrl().equals("https://bot.example.org/telegram"), "the webhook set");
        awaitTrue(() -> adapter().self().get().login().equals("chorus_test_bot"), "the username from getMe");
    }

    @Test
    void anUpdateAddressedToTheBotByNameWaitsForGetMeThenIsAnswered() throws Exception {
        Failure.Held getMe = Failure.held();
        telegram.failNext("getMe", getMe);
        startBot(b -> b);
        FakeChat group = FakeChat.group(-100L, "Friends");
        telegram.addChat(group);

        CompletableFuture<WebhookDelivery> addressed = CompletableFuture.supplyAsync(
                () -> deliver(group, "/hello@chorus_test_bot"));
        WebhookDelivery plain = deliver(group, "/hello");

        assertThat(plain.body()).contains("hello Anna!"); // needs no username: does not wait
        assertThat(addressed).isNotDone();
        getMe.release();
        assertThat(addressed.get(10, TimeUnit.SECONDS).body()).contains("hello Anna!");
        WebhookDelivery other = deliver(group, "/hello@another_bot");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).isEmpty(); // known now: a command for another bot is not this bot's
    }

    @Test
    void repeatsAFailingGetMeWithBackoffWhileAnswering() {
        telegram.failNext("getMe", 2, Failure.serverError(502, "Bad Gateway"));
        startBot(b -> b.retries(5, Duration.ofMillis(20), Duration.ofMillis(40)));

        assertThat(deliver(FakeChat.privateWith(anna), "/hello").body()).contains("hello Anna!");
        telegram.awaitCalls("getMe", 3);
        awaitTrue(() -> adapter().self().get().login().equals("chorus_test_bot"), "the username from getMe");
        assertThat(bot.isTerminated()).isFalse();
    }

    @Test
    void boundsTheWaitForTheUsernameAndSaysWhy() throws Exception {
        Failure.Held getMe = Failure.held();
        telegram.failNext("getMe", 10, getMe);
        startBot(b -> b.requestTimeout(Duration.ofMillis(300)).retries(10, Duration.ofSeconds(30),
                Duration.ofSeconds(30)));

        FakeUpdate update = telegram.message(FakeChat.privateWith(anna), anna, "/hello@chorus_test_bot");
        WebhookDelivery delivery = deliver(update);

        assertThat(delivery.body()).contains("hello Anna!"); // handled as this bot's, after the bounded wait
        assertThat(Files.readString(Path.of("target", "telegram-tests.log"))).contains("Telegram's getMe has not told"
                + " the bot its username within 300 ms, so update " + update.id()
                + " (/hello@chorus_test_bot) is handled as addressed to this bot");
        getMe.release();
    }

    @Test
    void aRejectedTokenStopsTheAdapterAndTheBotWithOneSentence() throws Exception {
        telegram.failNext("getMe", Failure.error(401, "Unauthorized"));
        buildBot(b -> b);

        CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
            try {
                bot.run();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });

        assertThat(ended.get(20, TimeUnit.SECONDS)).isInstanceOf(AdapterStoppedException.class)
                .hasMessage("telegram: Telegram rejected the bot token (401 Unauthorized on getMe): check"
                        + " TELEGRAM_BOT_TOKEN");
        assertThat(bot.isTerminated()).isTrue();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }
}
