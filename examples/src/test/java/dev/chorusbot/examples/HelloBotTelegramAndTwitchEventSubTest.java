package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.SentMessage;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The founding idea, end to end: one hello-bot process, built by {@link HelloBot#build} from
 * environment variables alone, serves Telegram at {@code /telegram} and Twitch EventSub at {@code
 * /twitch} from one embedded webhook server, with the same {@code hello} command.
 */
class HelloBotTelegramAndTwitchEventSubTest {
    private static final String EVENTSUB_SECRET = "hello-bot-eventsub-secret";
    private static final String TELEGRAM_SECRET = "hello-bot-telegram-secret";
    private static final String BOT_USER_ID = "900000001";

    private FakeTelegramServer telegram;
    private FakeHelixApi helix;
    private Bot bot;

    @BeforeEach
    void startFakes() {
        telegram = FakeTelegramServer.start();
        helix = FakeHelixApi.start();
    }

    @AfterEach
    void stop() {
        try {
            if (bot != null) {
                bot.stop();
            }
        } finally {
            helix.close();
            telegram.close();
        }
    }

    private Map<String, String> environment(String portVariable, int port) {
        Map<String, String> env = new HashMap<>(Map.of(
                "TELEGRAM_BOT_TOKEN", telegram.token(),
                "TELEGRAM_API_URL", telegram.apiUrl().toString(),
                "TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET,
                "TELEGRAM_BOT_USERNAME", "chorus_hello_bot",
                "TWITCH_CLIENT_ID", helix.clientId(),
                "TWITCH_CLIENT_SECRET", helix.clientSecret(),
                "TWITCH_EVENTSUB_SECRET", EVENTSUB_SECRET,
                "TWITCH_BOT_USER_ID", BOT_USER_ID,
                "TWITCH_API_URL", helix.baseUrl().toString(),
                "TWITCH_AUTH_URL", helix.baseUrl().toString()));
        env.put(portVariable, Integer.toString(port));
        return env;
    }

    private WebhookDelivery telegramHello(URI base, FakeUser from) {
        return telegram.deliver(base.resolve("/telegram"), Optional.of(TELEGRAM_SECRET),
                telegram.message(FakeChat.privateWith(from), from, "/hello").toString()
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static FakeEventSubSender twitchAt(URI base, String secret) {
        return FakeEventSubSender.builder().callback(base.resolve("/twitch")).secret(secret).botUserId(BOT_USER_ID).start();
    }

    @Test
    void answersTelegramAndTwitchEventSubFromOneWebhookServerOnChorusWebhookPort() throws IOException {
        int port = freePort();
        bot = HelloBot.build(environment("CHORUS_WEBHOOK_PORT", port));
        bot.start();
        URI base = URI.create("http://127.0.0.1:" + port);
        FakeUser viktor = telegram.user("Viktor", "Petrov", "viktor");
        ChatMessageNotification anna = ChatMessageNotification.builder()
                .chatter("129546453", "anna", "Anna").text("!hello");

        WebhookDelivery fromTelegram = telegramHello(base, viktor);
        FakeEventSubSender.Delivery fromTwitch = twitchAt(base, EVENTSUB_SECRET).chatMessage(anna);

        assertThat(fromTelegram.status()).isEqualTo(200);
        assertThat(telegram.awaitSentMessages(1, Duration.ofSeconds(5)))
                .extracting(SentMessage::text).containsExactly("hello Viktor Petrov!");
        assertThat(fromTwitch.status()).isEqualTo(200);
        // Sent through Helix before the delivery was answered, as a reply in the thread of "!hello".
        assertThat(helix.sentMessages()).containsExactly(new FakeHelixApi.SentChatMessage(
                "141981764", BOT_USER_ID, "hello Anna!", Optional.of(anna.messageId()), true));
    }

    @Test
    void answersTwitchsVerificationChallengeOnTheSameServer() throws IOException {
        int port = freePort();
        bot = HelloBot.build(environment("CHORUS_WEBHOOK_PORT", port));
        bot.start();

        FakeEventSubSender.Delivery verification = twitchAt(URI.create("http://127.0.0.1:" + port), EVENTSUB_SECRET)
                .verifyChatSubscription("141981764", BOT_USER_ID);

        assertThat(verification.verified()).isTrue();
    }

    @Test
    void honoursTelegramWebhookPortForTheSharedServer() throws IOException {
        int port = freePort();
        bot = HelloBot.build(environment("TELEGRAM_WEBHOOK_PORT", port));
        bot.start();
        URI base = URI.create("http://127.0.0.1:" + port);

        FakeEventSubSender.Delivery fromTwitch = twitchAt(base, EVENTSUB_SECRET)
                .chatMessage(ChatMessageNotification.builder().chatter("129546453", "anna", "Anna").text("!hello"));
        WebhookDelivery fromTelegram = telegramHello(base, telegram.user("Viktor", null, "viktor"));

        assertThat(fromTwitch.status()).isEqualTo(200);
        assertThat(helix.sentMessages()).extracting(FakeHelixApi.SentChatMessage::message).containsExactly("hello Anna!");
        assertThat(fromTelegram.status()).isEqualTo(200);
    }

    @Test
    void refusesATwitchDeliveryWithAWrongSignatureAndStillServesTelegram() throws IOException {
        int port = freePort();
        bot = HelloBot.build(environment("CHORUS_WEBHOOK_PORT", port));
        bot.start();
        URI base = URI.create("http://127.0.0.1:" + port);

        FakeEventSubSender.Delivery forged = twitchAt(base, "not-the-eventsub-secret")
                .chatMessage(ChatMessageNotification.builder().text("!hello"));
        WebhookDelivery fromTelegram = telegramHello(base, telegram.user("Viktor", null, "viktor"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(helix.sentMessages()).isEmpty();
        assertThat(fromTelegram.status()).isEqualTo(200);
        assertThat(telegram.awaitSentMessages(1, Duration.ofSeconds(5)))
                .extracting(SentMessage::text).containsExactly("hello Viktor!");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
