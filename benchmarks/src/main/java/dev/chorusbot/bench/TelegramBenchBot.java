package dev.chorusbot.bench;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.telegram.SendLimits;
import dev.chorusbot.telegram.TelegramAdapter;
import dev.chorusbot.telegram.TelegramConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The hello bot as {@link TelegramWebhookLoad} runs it in its own JVM: webhook mode from the
 * {@code TELEGRAM_*} variables, on loopback, with the send limits raised so the load measures the
 * adapter and not Telegram's 30 messages a second. {@code BENCH_WEBHOOK_THREADS} sets the embedded
 * host's threads.
 */
public final class TelegramBenchBot {
    private TelegramBenchBot() {}

    /** Runs until killed. */
    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("TELEGRAM_MODE", "webhook");
        TelegramConfig base = TelegramConfig.fromEnv(env);
        TelegramConfig.Builder config = TelegramConfig.builder().token(base.token()).apiUrl(base.apiUrl())
                .limits(new SendLimits(1_000_000_000, 1_000_000_000, 1_000_000_000));
        base.username().ifPresent(config::username);
        base.webhookSecret().ifPresent(config::webhookSecret);
        WebhookServer.Builder server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), base.webhookPort().orElse(8080)));
        String threads = System.getenv("BENCH_WEBHOOK_THREADS");
        if (threads != null) {
            server.threads(Integer.parseInt(threads));
        }
        Bot.Builder bot = Bot.builder()
                .command(Command.named("hello").description("Say hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build())
                .adapter(new TelegramAdapter(config.build()))
                .webhookServer(server.build());
        // CHORUS_STATE, when set, chooses the store as for any bot built from the environment.
        String state = System.getenv("CHORUS_STATE");
        if (state != null && !state.isBlank()) {
            bot.stateStore(state);
        }
        bot.build().run();
    }
}
