package dev.chorusbot.twitch.eventsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification;
import dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi;
import dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender;
import java.net.URI;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Secrets and tokens never reach the log, whatever happens; the log runs at debug level here. */
class SecretsTest {

    @Test
    void masksTheSecretsWhereTheyArePartOfThePathOrAUrl() {
        String clientSecret = "fake-client-secret";
        try (LogCapture capture = new LogCapture(); FakeHelixApi helix = FakeHelixApi.start()) {
            TwitchEventSubConfig config = EventSubHarness.config(helix).path("/eventsub/" + EventSubHarness.SECRET)
                    .callback(URI.create("https://chorus:proxy-pass@bot.example.org/eventsub/" + EventSubHarness.SECRET))
                    .build();
            TwitchEventSubAdapter adapter = new TwitchEventSubAdapter(config);
            Bot bot = Bot.builder().adapter(adapter).build();
            bot.hostWebhooks();
            bot.start();
            bot.webhookRoutes().handle(new WebhookRequest("POST", config.path(), Map.of(), new byte[0]));
            bot.stop();
            List<String> shown = List.of(capture.text(), config.toString(), adapter.toString(),
                    adapter.shownWebhookPath());
            for (String text : shown) {
                assertThat(text).doesNotContain(EventSubHarness.SECRET, clientSecret, "proxy-pass");
            }
            assertThat(config.toString()).contains("path=/eventsub/<secret>");
            assertThatThrownBy(() -> EventSubHarness.config(helix).path("/eventsub/" + EventSubHarness.SECRET + " x")
                    .build()).hasMessageContaining("/eventsub/<secret> x").hasMessageNotContaining(EventSubHarness.SECRET);
        }
    }

    @Test
    void neverLogsTheClientSecretTheEventSubSecretOrAnAccessToken() {
        assertThat(LoggerFactory.getLogger(TwitchEventSubAdapter.class).isDebugEnabled()).isTrue();
        List<String> tokens = new ArrayList<>();
        String log;
        try (LogCapture capture = new LogCapture(); EventSubHarness h = new EventSubHarness()) {
            h.twitch.verifyChatSubscription("141981764", EventSubHarness.BOT_ID);
            h.twitch.chatMessage(ChatMessageNotification.builder().text("!hello"));
            h.helix.expireTokens();
            h.twitch.chatMessage(ChatMessageNotification.builder().text("!hello"));
            h.helix.dropNextMessage("msg_rejected", "Your message is being checked by mods and has not been sent.");
            h.adapter.send(Outbound.text(Chat.of("twitchdev", Chat.Kind.GROUP, "#twitchdev"), "x")).exceptionally(e -> null)
                    .join();
            FakeEventSubSender.builder().callback(h.webhook()).secret("a-forged-secret-value").maxAttempts(1).start()
                    .chatMessage(ChatMessageNotification.builder().text("!hello"));
            h.helix.requests(r -> r.headers().containsKey("authorization"))
                    .forEach(r -> tokens.add(r.headers().get("authorization").substring("Bearer ".length())));
            TwitchEventSubAdapter misconfigured = new TwitchEventSubAdapter(EventSubHarness.config(h.helix)
                    .clientSecret("wrong-client-secret").build());
            misconfigured.send(Outbound.text(Chat.of("twitchdev", Chat.Kind.GROUP, "#twitchdev"), "x"))
                    .exceptionally(e -> null).join();
            misconfigured.close();
            log = capture.text();
        }

        assertThat(tokens).hasSizeGreaterThanOrEqualTo(2);
        assertThat(log).contains("Helix POST /helix/chat/messages -> 401", "msg_rejected", "invalid client secret");
        assertThat(log).doesNotContain(EventSubHarness.SECRET, "fake-client-secret", "wrong-client-secret",
                "a-forged-secret-value");
        for (String token : tokens) {
            assertThat(log).doesNotContain(token);
        }
    }

}
