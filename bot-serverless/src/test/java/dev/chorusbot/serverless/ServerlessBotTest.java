package dev.chorusbot.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.EventSink;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PushAdapter;
import dev.chorusbot.testkit.InMemoryAdapter;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.core.webhook.WebhookEndpoint;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServerlessBotTest {
    private final List<ServerlessBot> started = new ArrayList<>();

    /** A push adapter that answers every request with its own name. */
    private record NamedPushAdapter(String name, String webhookPath) implements PushAdapter {
        @Override
        public Platform platform() {
            return Platform.of(name);
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.plainText();
        }

        @Override
        public void start(EventSink sink) {}

        @Override
        public CompletableFuture<Void> send(Outbound message) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public WebhookEndpoint endpoint() {
            return request -> name.equals("broken")
                    ? failing()
                    : WebhookResponse.text(200, name + " got " + request.path());
        }

        private static WebhookResponse failing() {
            throw new IllegalStateException("a bug in the endpoint");
        }

        @Override
        public void close() {}
    }

    /** A push adapter whose path is a secret: it shows the path as {@code /<token>}. */
    private record SecretPathAdapter(NamedPushAdapter inner) implements PushAdapter {
        @Override
        public String webhookPath() {
            return inner.webhookPath();
        }

        @Override
        public String shownWebhookPath() {
            return "/<token>";
        }

        @Override
        public Platform platform() {
            return inner.platform();
        }

        @Override
        public Capabilities capabilities() {
            return inner.capabilities();
        }

        @Override
        public void start(EventSink sink) {}

        @Override
        public CompletableFuture<Void> send(Outbound message) {
            return inner.send(message);
        }

        @Override
        public WebhookEndpoint endpoint() {
            return inner.endpoint();
        }

        @Override
        public void close() {}
    }

    private ServerlessBot serve(PushAdapter... adapters) {
        ServerlessBot bot = ServerlessBot.of(() -> {
            Bot.Builder builder = Bot.builder();
            for (PushAdapter adapter : adapters) {
                builder.adapter(adapter);
            }
            return builder.build();
        });
        started.add(bot);
        return bot;
    }

    private static WebhookRequest post(String path) {
        return WebhookRequest.post(path, Map.of(), "{}".getBytes());
    }

    @AfterEach
    void stopBots() {
        started.forEach(ServerlessBot::stop);
    }

    @Test
    void sendsAnyPathToTheOnlyPushAdapter() {
        ServerlessBot bot = serve(new NamedPushAdapter("telegram", "/telegram"));

        assertThat(bot.handle(post("/")).bodyText()).isEqualTo("telegram got /telegram");
        assertThat(bot.handle(post("/default/my-function")).bodyText()).isEqualTo("telegram got /telegram");
    }

    @Test
    void sendsAStagePrefixedPathToTheAdapterItEndsWith() {
        ServerlessBot bot = serve(new NamedPushAdapter("a", "/a"), new NamedPushAdapter("b", "/b"));

        assertThat(bot.handle(post("/prod/b")).bodyText()).isEqualTo("b got /b");
        assertThat(bot.handle(post("/a/")).bodyText()).isEqualTo("a got /a");
    }

    @Test
    void sendsAPathEndingInASlashToTheAdapterRoutedExactlyThere() {
        ServerlessBot bot = serve(new NamedPushAdapter("a", "/a/"), new NamedPushAdapter("b", "/b"));

        assertThat(bot.handle(post("/a/")).bodyText()).isEqualTo("a got /a/");
        assertThat(bot.handle(post("/prod/a/")).bodyText()).isEqualTo("a got /a/");
    }

    @Test
    void answers404ForAPathNoneOfSeveralAdaptersServes() {
        ServerlessBot bot = serve(new NamedPushAdapter("a", "/a"), new NamedPushAdapter("b", "/b"));

        WebhookResponse response = bot.handle(post("/c"));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void answers500AndKeepsServingWhenAnEndpointFails() {
        ServerlessBot bot = serve(new NamedPushAdapter("broken", "/broken"));

        WebhookResponse response = bot.handle(post("/broken"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText()).isEqualTo("Internal Server Error");
    }

    @Test
    void answersTheFirstUpdateWithoutAnyBotApiCallAndAsksGetMeOnlyForACommandAddressedByName() {
        try (FakeTelegramServer telegram = FakeTelegramServer.start()) {
            FakeUser anna = telegram.user("Anna", null, "anna");
            FakeChat group = FakeChat.supergroup(-1001000000001L, "Friends");
            telegram.addChat(group);
            ServerlessBot function = ServerlessBot.of(new TelegramTestBotFactory(Map.of("TELEGRAM_BOT_TOKEN",
                    telegram.token(), "TELEGRAM_API_URL", telegram.apiUrl().toString(), "TELEGRAM_MODE", "webhook",
                    "TELEGRAM_WEBHOOK_SECRET", "function-secret")));
            started.add(function);
            java.util.function.Function<String, WebhookResponse> deliver = text -> function.handle(WebhookRequest.post(
                    "/", Map.of("X-Telegram-Bot-Api-Secret-Token", "function-secret"),
                    telegram.message(group, anna, text).json().getBytes(java.nio.charset.StandardCharsets.UTF_8)));

            WebhookResponse first = deliver.apply("/hello");

            assertThat(first.bodyText()).contains("hello Anna!");
            assertThat(telegram.calls()).isEmpty(); // no getMe at start, none for the first answer
            assertThat(deliver.apply("/hello@chorus_test_bot").bodyText()).contains("hello Anna!");
            assertThat(deliver.apply("/hello@another_bot").bodyText()).isEmpty();
            assertThat(telegram.calls()).extracting(c -> c.method()).containsExactly("getMe"); // asked once, on demand
        }
    }

    @Test
    void logsAWebhookPathThatIsTheBotTokenMasked() {
        String token = "123456:AAE-the-secret_part";
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            ServerlessBot telegram = ServerlessBot.of(new TelegramTestBotFactory(Map.of("TELEGRAM_BOT_TOKEN", token,
                    "TELEGRAM_MODE", "webhook", "TELEGRAM_BOT_USERNAME", "chorus_bot", "TELEGRAM_WEBHOOK_PATH", "/" + token)));
            started.add(telegram);
            telegram.bot();
            ServerlessBot broken = serve(new SecretPathAdapter(new NamedPushAdapter("broken", "/" + token)));
            assertThat(broken.handle(post("/prod/" + token)).status()).isEqualTo(500);
        } finally {
            System.setErr(original);
        }

        String text = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("serving [/<token>]", "Webhook endpoint for /prod/<token> failed");
        assertThat(text).doesNotContain(token).doesNotContain("AAE-the-secret_part");
    }

    @Test
    void refusesABotWithoutAdaptersWithOneSentence() {
        ServerlessBot bot = ServerlessBot.of(() -> Bot.builder().build());
        started.add(bot);

        assertThatThrownBy(() -> bot.handle(post("/telegram")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageEndingWith(" has no push adapter (such as Telegram in webhook mode), so the function"
                        + " has nothing to serve");
    }

    @Test
    void refusesAPullAdapterBeforeItStartsReading() {
        InMemoryAdapter pull = new InMemoryAdapter();
        ServerlessBot bot = ServerlessBot.of(() -> Bot.builder()
                .adapter(new NamedPushAdapter("telegram", "/telegram"))
                .adapter(pull)
                .build());
        started.add(bot);

        assertThatThrownBy(() -> bot.handle(post("/telegram")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("the test adapter of the bot from ")
                .hasMessageEndingWith(" pulls events on its own threads, which a function freezes between requests:"
                        + " use only push adapters (such as Telegram in webhook mode, TELEGRAM_MODE=webhook) in a"
                        + " function");
        assertThatThrownBy(() -> pull.deliver(null)).hasMessageContaining("the bot was not started");
    }

    @Test
    void keepsAnAdapterThatOnlySendsBesideAPushAdapter() {
        Adapter sendOnly = new Adapter() {
            @Override
            public Platform platform() {
                return Platform.of("mail");
            }

            @Override
            public Capabilities capabilities() {
                return Capabilities.plainText();
            }

            @Override
            public void start(EventSink sink) {}

            @Override
            public CompletableFuture<Void> send(Outbound message) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {}
        };
        ServerlessBot bot = ServerlessBot.of(() -> Bot.builder()
                .adapter(new NamedPushAdapter("telegram", "/telegram"))
                .adapter(sendOnly)
                .build());
        started.add(bot);

        assertThat(bot.handle(post("/telegram")).bodyText()).isEqualTo("telegram got /telegram");
        assertThat(bot.bot().adapters()).containsKey(Platform.of("mail"));
    }

    @Test
    void buildsTheBotOnceWhenInvocationsArriveTogether() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        ServerlessBot bot = ServerlessBot.of(() -> {
            builds.incrementAndGet();
            return Bot.builder().adapter(new NamedPushAdapter("telegram", "/telegram")).build();
        });
        started.add(bot);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<WebhookResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    gate.await();
                    return bot.handle(post("/telegram"));
                }));
            }
            gate.countDown();
            for (Future<WebhookResponse> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(builds).hasValue(1);
    }

    @Test
    void triesAFailedBuildAgainOnTheNextInvocation() {
        AtomicInteger attempts = new AtomicInteger();
        ServerlessBot bot = ServerlessBot.of(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ConfigurationException("TELEGRAM_BOT_TOKEN is not set");
            }
            return Bot.builder().adapter(new NamedPushAdapter("telegram", "/telegram")).build();
        });
        started.add(bot);

        assertThatThrownBy(() -> bot.handle(post("/telegram"))).hasMessage("TELEGRAM_BOT_TOKEN is not set");
        assertThat(bot.handle(post("/telegram")).status()).isEqualTo(200);
    }

    @Test
    void theLambdaHandlerFailsToInitialiseWhenTheBotCannotBeBuilt() {
        ServerlessBot bot = ServerlessBot.of(() -> {
            throw new ConfigurationException("TELEGRAM_BOT_TOKEN is not set");
        });

        assertThatThrownBy(() -> new AwsLambdaHandler(bot)).hasMessage("TELEGRAM_BOT_TOKEN is not set");
    }

    @Test
    void aStoppedBotIsBuiltAgainOnTheNextInvocation() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        ServerlessBot bot = ServerlessBot.of(() -> {
            builds.incrementAndGet();
            return Bot.builder().adapter(new NamedPushAdapter("telegram", "/telegram")).build();
        });
        started.add(bot);
        AwsLambdaHandler handler = new AwsLambdaHandler(bot);

        bot.stop();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(("{\"httpMethod\":\"POST\",\"path\":\"/telegram\","
                + "\"headers\":{},\"body\":\"{}\"}").getBytes()), out, null);

        assertThat(out.toString()).contains("\"statusCode\":200");
        assertThat(builds).hasValue(2);
    }
}
