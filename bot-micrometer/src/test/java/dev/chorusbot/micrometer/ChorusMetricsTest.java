package dev.chorusbot.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.telegram.TelegramAdapter;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.testkit.telegram.Failure;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Traffic through a real Telegram adapter against the fake, then the Prometheus text is read. */
class ChorusMetricsTest {
    private static final String SECRET = "metrics_secret";

    private final FakeTelegramServer telegram = FakeTelegramServer.start();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Bot bot;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.stop();
        }
        telegram.close();
    }

    @Test
    void theScrapeShowsWhatHappened() {
        ChorusMetrics metrics = new ChorusMetrics(registry);
        TelegramAdapter adapter = new TelegramAdapter(TelegramConfig.builder().token(telegram.token())
                .apiUrl(telegram.apiUrl()).webhookSecret(SECRET).build());
        bot = Bot.builder().adapter(adapter).middleware(metrics).observer(metrics)
                .command(Command.named("hello").handler(ctx -> Reply.text("hello!")).build())
                .command(Command.named("two").handler(ctx -> Reply.of(Reply.text("one"), Reply.text("two"))).build())
                .command(Command.named("boom").handler(ctx -> {
                    throw new IllegalStateException("broken on purpose");
                }).build())
                .build();
        bot.hostWebhooks();
        bot.start();
        metrics.watchQueues(bot);

        // Three users in three private chats, so no chat's one-a-second limit holds an answer back.
        FakeUser ada = telegram.user("Ada", "Lovelace", "ada");
        FakeUser bob = telegram.user("Bob", "Stone", "bob");
        FakeUser cyd = telegram.user("Cyd", "Marsh", "cyd");
        assertThat(post(telegram.message(FakeChat.privateWith(ada), ada, "/hello").json(), SECRET).status())
                .isEqualTo(200);
        assertThat(post(telegram.message(FakeChat.privateWith(bob), bob, "/boom").json(), SECRET).status())
                .isEqualTo(200);
        // The first of two replies goes by the API before the answer: its first attempt gets a 502
        // and is repeated. The second travels in the answer (in a group, whose limit is 20 a minute).
        telegram.failNext("sendMessage", Failure.serverError(502, "Bad Gateway"));
        assertThat(post(telegram.message(FakeChat.group(-4001, "Metrics"), cyd, "/two").json(), SECRET).status())
                .isEqualTo(200);
        assertThat(post(telegram.message(FakeChat.privateWith(ada), ada, "/hello").json(), "wrong_secret")
                .status()).isEqualTo(401);
        assertThat(telegram.calls("sendMessage")).hasSize(2);

        Map<String, Double> scrape = parse(registry.scrape());
        assertThat(scrape).containsEntry("chorus_events_total{kind=\"message\",platform=\"telegram\"}", 3.0)
                .containsEntry("chorus_commands_total{command=\"hello\",outcome=\"success\",platform=\"telegram\"}", 1.0)
                .containsEntry("chorus_commands_total{command=\"boom\",outcome=\"error\",platform=\"telegram\"}", 1.0)
                .containsEntry("chorus_handler_failures_total{command=\"boom\",platform=\"telegram\"}", 1.0)
                .containsEntry("chorus_command_duration_seconds_count{command=\"two\",platform=\"telegram\"}", 1.0)
                // hello and the apology inline, two's first by the API (after one retry), its second inline
                .containsEntry("chorus_messages_sent_total{platform=\"telegram\"}", 4.0)
                .containsEntry("chorus_send_retries_total{platform=\"telegram\",reason=\"server_error\"}", 1.0)
                .containsEntry("chorus_send_wait_seconds_count{platform=\"telegram\"}", 1.0)
                .containsEntry("chorus_webhook_responses_total{platform=\"telegram\",status=\"200\"}", 3.0)
                .containsEntry("chorus_webhook_responses_total{platform=\"telegram\",status=\"401\"}", 1.0)
                .containsEntry("chorus_send_queue{platform=\"telegram\"}", 0.0);
        assertThat(scrape).containsKey(
                "chorus_command_duration_seconds{command=\"hello\",platform=\"telegram\",quantile=\"0.99\"}");
    }

    private WebhookResponse post(String json, String secret) {
        return bot.webhookRoutes().handle(WebhookRequest.post("/telegram",
                Map.of("X-Telegram-Bot-Api-Secret-Token", secret), json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The samples of a Prometheus text exposition, by name and labels. */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }
}
