package dev.chorusbot.bench;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.telegram.SendLimits;
import dev.chorusbot.telegram.TelegramAdapter;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.telegram.TelegramUpdate;
import dev.chorusbot.telegram.internal.EventMapper;
import dev.chorusbot.telegram.internal.UpdateReader;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import java.time.Instant;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Telegram update JSON (about 1 KB) to the neutral {@code Message}: {@code parse} reads the tree
 * and the records, {@code parseAndMap} adds the mapping to {@code Message}, and {@code endpoint}
 * is the whole webhook endpoint in memory — secret check, parse, dedupe, dispatch to the hello
 * command on the bot's handler thread, and the inline {@code sendMessage} answer as JSON.
 * {@code endpointFreshChats} is the same with a chat never seen before on every update, as the
 * {@code wrk} load sends them: it adds what the bot keeps per new chat (its send-limit state).
 * Everything but the socket host is measured; with {@code -prof gc} the bytes allocated per
 * update ({@code gc.alloc.rate.norm}) do not depend on how busy the machine is. Each of them also
 * formats its update's JSON, which is the benchmark's own cost, not the bot's: {@code updateBody}
 * measures that alone, to be subtracted.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TelegramMappingBenchmark -prof gc}
 */
public class TelegramMappingBenchmark extends SingleThreadThroughput {
    private final EventMapper mapper = new EventMapper(false, Instant::now);
    private byte[] body;
    private long updateId = 1;
    private FakeTelegramServer telegram;
    private Bot bot;
    private TelegramAdapter adapter;

    /** Prepares a sample update and a started bot with the webhook adapter, hosted by nothing. */
    @Setup(Level.Trial)
    public void setUp() {
        body = TelegramSamples.helloUpdate(1, -1001234567890L, 5_000_000_001L);
        telegram = FakeTelegramServer.builder().token(TelegramSamples.TOKEN).botUsername(TelegramSamples.USERNAME).start();
        adapter = new TelegramAdapter(TelegramConfig.builder().token(TelegramSamples.TOKEN).apiUrl(telegram.apiUrl())
                .username(TelegramSamples.USERNAME).webhookSecret(TelegramSamples.SECRET)
                .limits(new SendLimits(1_000_000_000, 1_000_000_000, 1_000_000_000)).build());
        bot = Bot.builder().command(Command.named("hello").description("Say hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build())
                .adapter(adapter).build();
        bot.hostWebhooks(); // the benchmark calls the endpoint itself
        bot.start();
    }

    /** Stops the bot and the fake. */
    @TearDown(Level.Trial)
    public void tearDown() {
        bot.stop();
        telegram.close();
    }

    /** JSON bytes to the adapter's update record. */
    @Benchmark
    public TelegramUpdate parse() throws Exception {
        return UpdateReader.parse(body);
    }

    /** JSON bytes to the neutral {@code Message}. */
    @Benchmark
    public InboundEvent parseAndMap() throws Exception {
        return mapper.map(UpdateReader.parse(body)).orElseThrow();
    }

    /** One webhook request through the endpoint: a new update each time, answered inline. */
    @Benchmark
    public WebhookResponse endpoint() {
        return deliver(TelegramSamples.helloUpdate(++updateId, -1001234567890L - (updateId & 1023), 5_000_000_001L));
    }

    /** Only what {@link #endpoint()} spends making its update: the JSON formatted and encoded. */
    @Benchmark
    public byte[] updateBody() {
        return TelegramSamples.helloUpdate(++updateId, -1001234567890L - (updateId & 1023), 5_000_000_001L);
    }

    /** As {@link #endpoint()}, each update from a group chat never seen before. */
    @Benchmark
    public WebhookResponse endpointFreshChats() {
        ++updateId;
        return deliver(TelegramSamples.helloUpdate(updateId, -1002000000000L - updateId, 5_000_000_001L));
    }

    private WebhookResponse deliver(byte[] update) {
        WebhookResponse response = adapter.endpoint().handle(WebhookRequest.post("/telegram",
                Map.of("X-Telegram-Bot-Api-Secret-Token", TelegramSamples.SECRET), update));
        if (response.status() != 200 || response.body().length == 0) {
            throw new IllegalStateException("unexpected answer " + response + " " + response.bodyText());
        }
        return response;
    }
}
