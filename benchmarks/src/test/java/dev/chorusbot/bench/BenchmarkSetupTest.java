package dev.chorusbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Handled;
import dev.chorusbot.core.Message;
import org.junit.jupiter.api.Test;

/**
 * Each JMH benchmark's set-up, one operation and tear-down, run as plain methods: the build only
 * compiles the benchmarks, so without this a benchmark whose set-up no longer fits the library (a
 * bot that refuses to start, a fake whose API moved) would be found only when someone measures.
 * Times nothing.
 */
class BenchmarkSetupTest {

    @Test
    void corePipelineAnswersHelloAndStaysSilentOnChat() {
        CommandPipelineBenchmark benchmark = new CommandPipelineBenchmark();
        benchmark.setUp();

        Handled hello = benchmark.helloCommand();
        Handled chat = benchmark.plainText();

        assertThat(hello.texts()).containsExactly("hello Viktor!");
        assertThat(chat.texts()).isEmpty();
    }

    @Test
    void telegramMappingParsesMapsAndAnswersThroughTheEndpoint() throws Exception {
        TelegramMappingBenchmark benchmark = new TelegramMappingBenchmark();
        benchmark.setUp();
        try {
            assertThat(benchmark.parse().updateId()).isPositive();
            assertThat(benchmark.parseAndMap()).isInstanceOf(Message.class);
            assertThat(benchmark.endpoint().status()).isEqualTo(200);
            assertThat(benchmark.endpointFreshChats().bodyText()).contains("\"method\":\"sendMessage\"");
            assertThat(benchmark.updateBody()).isNotEmpty();
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void twitchEndToEndAnswersABatchOverTcp() {
        TwitchHelloEndToEndBenchmark benchmark = new TwitchHelloEndToEndBenchmark();
        benchmark.transport = "tcp";
        benchmark.start();
        try {
            benchmark.forget();
            assertThat(benchmark.helloRoundTrip()).isPositive();
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void discordEndToEndAnswersASignedInteractionInline() {
        DiscordInteractionEndToEndBenchmark benchmark = new DiscordInteractionEndToEndBenchmark();
        benchmark.start();
        try {
            benchmark.sign();
            assertThat(benchmark.hello()).isEqualTo(200);
            assertThat(benchmark.signatureCheck()).isTrue();
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void discordGatewayLatencyMeasuresEveryReply() throws Exception {
        DiscordGatewayLatency.Result result = DiscordGatewayLatency.run(DiscordGatewayLatency.CHORUS, 5, 20);

        assertThat(result.nanos()).hasSize(20);
        assertThat(java.util.Arrays.stream(result.nanos()).min().orElseThrow()).isPositive();
        assertThat(result.percentileMicros(50)).isLessThanOrEqualTo(result.percentileMicros(99));
    }

    @Test
    void eventSubEndToEndAnswersADeliveryThroughHelix() {
        EventSubHelloEndToEndBenchmark benchmark = new EventSubHelloEndToEndBenchmark();
        benchmark.start();
        try {
            assertThat(benchmark.hello()).isEqualTo(200);
            benchmark.check(); // throws unless the delivery's reply reached Helix
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void eventSubWebhookAcceptsASignedDelivery() {
        EventSubWebhookBenchmark benchmark = new EventSubWebhookBenchmark();
        benchmark.sign();
        benchmark.freshEndpoint();
        try {
            assertThat(benchmark.signature()).isTrue();
            assertThat(benchmark.webhook().status()).isEqualTo(200);
        } finally {
            benchmark.close();
        }
    }

    @Test
    void stateStoresCountOnEveryStore() throws Exception {
        for (String store : java.util.List.of("memory", "file", "redis")) {
            if (store.equals("redis") && dev.chorusbot.testkit.redis.RedisServer.unavailableReason().isPresent()) {
                continue; // the Redis store's own tests report the skip with its reason
            }
            StateStoreBenchmark benchmark = new StateStoreBenchmark();
            benchmark.store = store;
            benchmark.open();
            try {
                assertThat(benchmark.putIfAbsent()).isTrue();
                assertThat(benchmark.increment()).isEqualTo(1);
                assertThat(benchmark.get()).isEqualTo(java.util.Optional.of("1"));
            } finally {
                benchmark.close();
            }
        }
    }
}
