package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.SentMessage;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import dev.chorusbot.twitch.eventsub.TwitchEventSubAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The founding idea, end to end: one process (or one cloud function) serves Telegram at
 * {@code /telegram} and Twitch EventSub at {@code /twitch}, both push platforms, with the same
 * {@code hello} command; each is configured from its environment variables alone.
 */
class HelloBotTelegramAndTwitchEventSubTest {

    @Test
    void answersTelegramAndTwitchEventSubFromOneWebhookServer() {
        try (FakeTelegramServer telegram = FakeTelegramServer.start();
                FakeHelixApi helix = FakeHelixApi.start()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "TELEGRAM_BOT_TOKEN", telegram.token(),
                    "TELEGRAM_API_URL", telegram.apiUrl().toString(),
                    "TELEGRAM_MODE", "webhook",
                    "TELEGRAM_BOT_USERNAME", "chorus_hello_bot",
                    "TWITCH_CLIENT_ID", helix.clientId(),
                    "TWITCH_CLIENT_SECRET", helix.clientSecret(),
                    "TWITCH_EVENTSUB_SECRET", "hello-bot-eventsub-secret",
                    "TWITCH_BOT_USER_ID", "900000001",
                    "TWITCH_API_URL", helix.baseUrl().toString(),
                    "TWITCH_AUTH_URL", helix.baseUrl().toString()));
            WebhookServer server = WebhookServer.builder()
                    .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
            Bot bot = Bot.builder()
                    .command(HelloCommands.hello())
                    .adapter(TelegramConfig.fromEnv(env).adapter())
                    .adapter(TwitchEventSubAdapter.fromEnv(env))
                    .webhookServer(server)
                    .build();
            bot.start();
            try {
                URI base = URI.create("http://127.0.0.1:" + server.port());
                FakeUser viktor = telegram.user("Viktor", "Petrov", "viktor");

                WebhookDelivery fromTelegram = telegram.deliver(base.resolve("/telegram"),
                        telegram.message(FakeChat.privateWith(viktor), viktor, "/hello"));
                ChatMessageNotification anna = ChatMessageNotification.builder()
                        .chatter("129546453", "anna", "Anna").text("!hello");
                FakeEventSubSender.Delivery fromTwitch = FakeEventSubSender.to(base.resolve("/twitch"))
                        .secret("hello-bot-eventsub-secret").botUserId("900000001").build()
                        .chatMessage(anna);

                assertThat(fromTelegram.status()).isEqualTo(200);
                assertThat(telegram.awaitSentMessages(1, Duration.ofSeconds(5)))
                        .extracting(SentMessage::text).containsExactly("hello Viktor Petrov!");
                assertThat(fromTwitch.status()).isEqualTo(200);
                assertThat(helix.sentMessages()).containsExactly(new FakeHelixApi.SentChatMessage(
                        "141981764", "900000001", "hello Anna!", Optional.of(anna.messageId()), true));
            } finally {
                bot.stop();
            }
        }
    }
}
