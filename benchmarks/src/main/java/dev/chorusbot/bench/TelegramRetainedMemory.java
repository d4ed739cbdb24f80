package dev.chorusbot.bench;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.telegram.SendLimits;
import dev.chorusbot.telegram.TelegramAdapter;
import dev.chorusbot.telegram.TelegramConfig;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the hello bot keeps in memory per update when every update comes from a chat it has not
 * seen before, as under the {@code wrk} load: the heap in use after a full collection, before and
 * after {@code --updates} such updates through the Telegram webhook endpoint in memory (secret
 * check, parse, de-duplication, the hello command, the inline answer). The difference divided by
 * the updates is what each one leaves behind: its chat's send-limit state and its de-duplication
 * key, for as long as each is kept. {@code --wait <seconds>} then waits (real time; the send limits
 * run on the system clock) and delivers one more update, which lets the queue drop what has
 * expired, and measures again.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.chorusbot.bench.TelegramRetainedMemory --updates 50000 --wait 61
 * </pre>
 * The bot's in-memory store holds at most 100,000 entries, so up to that many updates every key is
 * still there when the heap is measured.
 */
public final class TelegramRetainedMemory {
    private TelegramRetainedMemory() {}

    /** Delivers the updates and prints the retained bytes per update. */
    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int updates = options.integer("updates", 50_000);
        int wait = options.integer("wait", 0);
        try (FakeTelegramServer telegram = FakeTelegramServer.builder().token(TelegramSamples.TOKEN)
                .botUsername(TelegramSamples.USERNAME).start()) {
            TelegramAdapter adapter = new TelegramAdapter(TelegramConfig.builder().token(TelegramSamples.TOKEN)
                    .apiUrl(telegram.apiUrl()).username(TelegramSamples.USERNAME)
                    .webhookSecret(TelegramSamples.SECRET)
                    .limits(new SendLimits(1_000_000, 1_000_000, 1_000_000)).build());
            Bot bot = Bot.builder().command(Command.named("hello").description("Say hello")
                            .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build())
                    .adapter(adapter).build();
            bot.hostWebhooks(); // this tool calls the endpoint itself
            bot.start();
            try {
                long id = 1;
                // Warm-up in one chat: class loading, caches and the first lane, not counted.
                for (int i = 0; i < 2_000; i++, id++) {
                    deliver(adapter, id, -1001234567890L);
                }
                long before = usedAfterGc();
                for (int i = 0; i < updates; i++, id++) {
                    deliver(adapter, id, -1002000000000L - id);
                }
                long after = usedAfterGc();
                System.out.printf("Telegram webhook, %,d updates each from a new group chat: heap in use after a full GC"
                        + " %,d -> %,d bytes, retained %,.0f bytes per update%n", updates, before, after,
                        (after - before) / (double) updates);
                if (wait > 0) {
                    TimeUnit.SECONDS.sleep(wait);
                    deliver(adapter, id, -1001234567890L);
                    long later = usedAfterGc();
                    System.out.printf("  %d s later, after one more update: %,d bytes, retained %,.0f bytes per update%n",
                            wait, later, (later - before) / (double) updates);
                }
            } finally {
                bot.stop();
            }
        }
    }

    private static void deliver(TelegramAdapter adapter, long updateId, long chatId) {
        WebhookResponse response = adapter.endpoint().handle(WebhookRequest.post("/telegram",
                Map.of("X-Telegram-Bot-Api-Secret-Token", TelegramSamples.SECRET),
                TelegramSamples.helloUpdate(updateId, chatId, 5_000_000_001L)));
        if (response.status() != 200 || !response.bodyText().contains("\"sendMessage\"")) {
            throw new IllegalStateException("unexpected answer " + response.status() + " " + response.bodyText());
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc(); // a full collection with the default collector (G1 without ExplicitGCInvokesConcurrent)
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
