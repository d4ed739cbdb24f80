package dev.chorusbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUpdate;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.SentMessage;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the embedded (long-running) host no webhook request waits for a send limit: a reply that must
 * wait is queued and the request answered at once, so busy groups cannot hold the serving threads
 * that another chat's update needs. The bot's clock is manual and never moves while requests are
 * served, so a request that waited for a limit would wait until the 55 s webhook deadline.
 */
class WebhookSendLimitTest {
    static final String SECRET = "s3cret-Token_1";
    static final Duration WAIT = Duration.ofSeconds(10);

    FakeTelegramServer telegram;
    FakeUser anna;
    ManualScheduler clock;
    Bot bot;
    URI webhook;

    @BeforeEach
    void start() throws Exception {
        telegram = FakeTelegramServer.start();
        anna = telegram.user("Anna", "Smith", "anna");
        clock = new ManualScheduler();
        TelegramConfig config = TelegramConfig.builder().token(telegram.token()).apiUrl(telegram.apiUrl())
                .webhookSecret(SECRET).build();
        WebhookServer server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        bot = Bot.builder().scheduler(clock).adapter(new TelegramAdapter(config)).webhookServer(server)
                .command(Command.named("hello").handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                        .build())
                .build();
        bot.start();
        webhook = URI.create("http://127.0.0.1:" + server.port() + "/telegram");
    }

    @AfterEach
    void stop() {
        bot.stop();
        telegram.close();
    }

    CompletableFuture<WebhookDelivery> deliver(FakeUpdate update) {
        byte[] body = update.json().getBytes(StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(() -> telegram.deliver(webhook, Optional.of(SECRET), body));
    }

    @Test
    void answersAPrivateChatAtOnceWhileFiveBusyGroupsWaitForTheirLimit() throws Exception {
        Instant start = clock.now();
        List<FakeChat> groups = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            groups.add(FakeChat.group(-1000L - i, "Group " + i));
        }
        // Each group posts 20 /hello, one a second: each answer carries its reply.
        for (int round = 1; round <= 20; round++) {
            List<CompletableFuture<WebhookDelivery>> deliveries = new ArrayList<>();
            for (FakeChat group : groups) {
                deliveries.add(deliver(telegram.message(group, anna, "/hello")));
            }
            for (CompletableFuture<WebhookDelivery> delivery : deliveries) {
                assertThat(delivery.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).body()).contains("sendMessage");
            }
            clock.advance(Duration.ofSeconds(1));
        }

        // Two more each: past 20 a minute, so their replies must wait until the first ones are 60 s old.
        List<CompletableFuture<WebhookDelivery>> busy = new ArrayList<>();
        for (int round = 21; round <= 22; round++) {
            for (FakeChat group : groups) {
                busy.add(deliver(telegram.message(group, anna, "/hello")));
            }
        }
        WebhookDelivery direct = deliver(telegram.message(FakeChat.privateWith(anna), anna, "/hello"))
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.body()).contains("\"method\":\"sendMessage\"");
        assertThat(clock.now()).isBefore(start.plusSeconds(21)); // answered without the clock moving
        for (CompletableFuture<WebhookDelivery> delivery : busy) {
            WebhookDelivery answer = delivery.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEmpty(); // the reply is queued, not in the answer
        }
        assertThat(telegram.awaitSentMessages(101, WAIT)).hasSize(101); // 100 in group answers, 1 private

        // The queue sends the ten waiting replies once the groups' windows allow, and only then.
        clock.advance(Duration.ofSeconds(41));
        List<SentMessage> sent = telegram.awaitSentMessages(111, WAIT);
        Map<Long, Long> perChat = sent.stream().collect(Collectors.groupingBy(SentMessage::chatId, Collectors.counting()));
        for (FakeChat group : groups) {
            assertThat(perChat).containsEntry(group.id(), 22L);
        }
        assertThat(sent).filteredOn(m -> !m.viaWebhookResponse()).hasSize(10)
                .extracting(SentMessage::text).containsOnly("hello Anna Smith!");
        assertThat(sent.stream().map(SentMessage::chatId).collect(Collectors.toSet()))
                .hasSize(6).contains(anna.id());
    }
}
