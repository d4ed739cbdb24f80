package dev.chorusbot.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chorusbot.core.Bot;
import dev.chorusbot.testkit.redis.RedisServer;
import dev.chorusbot.testkit.telegram.ApiCall;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUpdate;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.WebhookDelivery;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hello and showcase bots as several instances sharing one Redis ({@code CHORUS_STATE=redis://…}),
 * in webhook mode against one fake Bot API, as a bot behind a load balancer or on a function runs:
 * three bot JVMs, each with its own webhook port. Also what the webhook answers while Redis is down.
 */
class HelloBotManyInstancesTest {
    private static final String SECRET = "many-secret";

    @TempDir
    Path dir;

    private RedisServer redis;
    private FakeTelegramServer telegram;
    private final List<Process> instances = new ArrayList<>();
    private Bot bot;

    @BeforeEach
    void start() {
        assumeTrue(RedisServer.unavailableReason().isEmpty(), RedisServer.unavailableReason().orElse(""));
        redis = RedisServer.start();
        telegram = FakeTelegramServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.stop();
        }
        for (Process instance : instances) {
            instance.destroy(); // SIGTERM to the instance we started, by its pid
        }
        for (Process instance : instances) {
            if (!instance.waitFor(20, TimeUnit.SECONDS)) {
                instance.destroyForcibly();
            }
        }
        if (telegram != null) {
            telegram.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void threeInstancesAnswerARedeliveryOnceAndKeepTelegramsLimitsTogether() throws Exception {
        List<URI> webhooks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            webhooks.add(startInstance(i));
        }
        for (URI webhook : webhooks) {
            awaitListening(webhook);
        }
        // An instance that listens but has not started its adapter yet answers 503: Telegram tries again.
        telegram.redelivery(20, Duration.ofMillis(250));
        FakeUser anna = telegram.user("Anna", "Smith", "anna");
        FakeChat annas = FakeChat.privateWith(anna);

        // The same update (one update_id) reaches two instances at once, as a redelivery does.
        byte[] twice = telegram.message(annas, anna, "/hello").json().getBytes(StandardCharsets.UTF_8);
        ExecutorService senders = Executors.newFixedThreadPool(24);
        try {
            Future<WebhookDelivery> first = senders.submit(() -> telegram.deliver(webhooks.get(0), Optional.of(SECRET), twice));
            Future<WebhookDelivery> second = senders.submit(() -> telegram.deliver(webhooks.get(1), Optional.of(SECRET), twice));
            assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(second.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);

            // 300 /hello for 100 private chats, each chat's three spread over the three instances.
            List<FakeUser> users = new ArrayList<>();
            for (int c = 0; c < 100; c++) {
                users.add(telegram.user("User" + c, "Test", "user" + c));
            }
            List<Future<WebhookDelivery>> deliveries = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int c = 0; c < 100; c++) {
                    FakeUser user = users.get(c);
                    FakeUpdate update = telegram.message(FakeChat.privateWith(user), user, "/hello");
                    URI to = webhooks.get((c + round) % 3);
                    deliveries.add(senders.submit(() -> telegram.deliver(to, Optional.of(SECRET),
                            update.json().getBytes(StandardCharsets.UTF_8))));
                }
            }
            for (Future<WebhookDelivery> delivery : deliveries) {
                assertThat(delivery.get(180, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            senders.shutdownNow();
        }

        List<ApiCall> sent = telegram.awaitCalls("sendMessage", 301, Duration.ofSeconds(180));
        Map<Long, List<ApiCall>> byChat = new HashMap<>();
        for (ApiCall call : sent) {
            byChat.computeIfAbsent(call.longParam("chat_id"), id -> new ArrayList<>()).add(call);
        }
        assertThat(byChat.get(annas.id())).as("the update posted to two instances").hasSize(1);
        assertThat(byChat).hasSize(101);
        for (Map.Entry<Long, List<ApiCall>> chat : byChat.entrySet()) {
            if (chat.getKey() == annas.id()) {
                continue;
            }
            assertThat(chat.getValue()).as("chat %d", chat.getKey()).hasSize(3)
                    .allSatisfy(call -> assertThat(call.param("text")).startsWith("hello User"));
            List<Instant> times = chat.getValue().stream().map(ApiCall::receivedAt).sorted().toList();
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i)))
                        .as("messages to private chat %d", chat.getKey()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
        List<Instant> all = sent.stream().map(ApiCall::receivedAt).sorted().toList();
        int busiest = 0;
        for (int i = 0, j = 0; i < all.size(); i++) {
            while (Duration.between(all.get(j), all.get(i)).compareTo(Duration.ofSeconds(1)) >= 0) {
                j++;
            }
            busiest = Math.max(busiest, i - j + 1);
        }
        assertThat(busiest).as("the most messages Telegram received within one second").isLessThanOrEqualTo(30);
        assertThat(sent).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
    }

    @Test
    void answers503WhileRedisIsDownSoThatTelegramRedeliversAndHandlesTheUpdateWhenItReturns() throws Exception {
        int port = freePort();
        bot = HelloBot.build(Map.of("TELEGRAM_BOT_TOKEN", telegram.token(),
                "TELEGRAM_API_URL", telegram.apiUrl().toString(), "TELEGRAM_WEBHOOK_PORT", Integer.toString(port),
                "TELEGRAM_WEBHOOK_SECRET", SECRET, "CHORUS_STATE", redis.url()));
        bot.start();
        URI webhook = URI.create("http://127.0.0.1:" + port + "/telegram");
        FakeUser anna = telegram.user("Anna", "Smith", "anna");
        byte[] hello = telegram.message(FakeChat.privateWith(anna), anna, "/hello").json()
                .getBytes(StandardCharsets.UTF_8);
        telegram.redelivery(1, Duration.ofMillis(50));
        redis.stop();

        WebhookDelivery duringOutage = telegram.deliver(webhook, Optional.of(SECRET), hello);

        assertThat(duringOutage.status()).isEqualTo(503);
        assertThat(duringOutage.body()).startsWith("Service Unavailable: Redis at 127.0.0.1:" + redis.port()
                + " could not be used: ");
        assertThat(telegram.calls("sendMessage")).isEmpty();
        redis.restart();
        WebhookDelivery redelivery = telegram.deliver(webhook, Optional.of(SECRET), hello);
        assertThat(redelivery.status()).isEqualTo(200);
        assertThat(telegram.awaitSentMessages(1, Duration.ofSeconds(10))).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("hello Anna Smith!"));
    }

    @Test
    void aReminderScheduledThroughOneOfThreeShowcaseInstancesIsSentOnce() throws Exception {
        List<URI> webhooks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            webhooks.add(startInstance(i, ShowcaseBot.class));
        }
        for (URI webhook : webhooks) {
            awaitListening(webhook);
        }
        telegram.redelivery(20, Duration.ofMillis(250));
        // Ten chats each set a reminder through one of the instances, all due at about the same time,
        // so that the three instances' job polls race for them.
        List<FakeChat> chats = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            FakeUser user = telegram.user("Reader" + c, "Test", "reader" + c);
            FakeChat chat = FakeChat.privateWith(user);
            chats.add(chat);
            WebhookDelivery set = telegram.deliver(webhooks.get(c % 3), Optional.of(SECRET),
                    telegram.message(chat, user, "/remind 2s tea " + c).json().getBytes(StandardCharsets.UTF_8));
            assertThat(set.status()).isEqualTo(200);
        }
        // A later reminder: once it has come, every instance has looked for due jobs several times
        // since the first ten were due, so a second run of any of them would have happened by then.
        FakeUser last = telegram.user("Last", "Test", "last");
        FakeChat lastChat = FakeChat.privateWith(last);
        assertThat(telegram.deliver(webhooks.get(2), Optional.of(SECRET),
                telegram.message(lastChat, last, "/remind 6s coffee").json().getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(200);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (telegram.calls("sendMessage").stream().noneMatch(call -> "reminder: coffee".equals(call.param("text")))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the last reminder was not sent within 90 s: " + logs());
            }
            Thread.sleep(50); // polling the fake's record of sent messages
        }
        List<ApiCall> reminders = telegram.calls("sendMessage").stream()
                .filter(call -> call.param("text").startsWith("reminder: ")).toList();
        for (int c = 0; c < chats.size(); c++) {
            long chatId = chats.get(c).id();
            assertThat(reminders).as("reminders sent to chat %d", chatId)
                    .filteredOn(call -> call.longParam("chat_id") == chatId)
                    .extracting(call -> call.param("text")).containsExactly("reminder: tea " + c);
        }
        assertThat(reminders).hasSize(11);
    }

    /** Starts the hello bot's main in a JVM of its own, as a deployment would; returns its webhook. */
    private URI startInstance(int index) throws IOException {
        return startInstance(index, HelloBot.class);
    }

    /** Starts {@code main}'s main in a JVM of its own, as a deployment would; returns its webhook. */
    private URI startInstance(int index, Class<?> main) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName())
                .redirectErrorStream(true).redirectOutput(dir.resolve("instance-" + index + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("TELEGRAM_") || name.startsWith("TWITCH_") || name.startsWith("CHORUS_"));
        env.put("TELEGRAM_BOT_TOKEN", telegram.token());
        env.put("TELEGRAM_API_URL", telegram.apiUrl().toString());
        env.put("TELEGRAM_WEBHOOK_PORT", Integer.toString(port));
        env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        // Three JVMs and the fake share two loaded cores here, so a send may reach the fake some
        // hundreds of milliseconds after it was counted (up to a second was seen at a load of 40):
        // the windows are counted that much longer.
        env.put("CHORUS_STATE", redis.url() + "?budgetMargin=1000ms");
        instances.add(builder.start());
        return URI.create("http://127.0.0.1:" + port + "/telegram");
    }

    private void awaitListening(URI webhook) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try (java.net.Socket socket = new java.net.Socket(webhook.getHost(), webhook.getPort())) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("an instance did not listen on " + webhook + " within 90 s: " + logs());
                }
                Thread.sleep(100); // polling a port that is not listening yet
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The instances' logs, for a failure's message. */
    String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < instances.size(); i++) {
            text.append(Files.readString(dir.resolve("instance-" + i + ".log")));
        }
        return text.toString();
    }
}
