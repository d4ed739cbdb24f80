package dev.chorusbot.micrometer;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.BotObserver;
import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.CommandCall;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Invocation;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Middleware;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.Reply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * Micrometer meters for a bot, tagged by {@code platform} (and {@code command} where there is
 * one). Add it to the bot both as a middleware (it sees events, commands and handler failures) and
 * as an observer (it hears messages sent, repeated sends, queue waits, reconnects and webhook
 * answers), then let it watch the bot's send queues:
 *
 * <pre>{@code
 * ChorusMetrics metrics = new ChorusMetrics(registry);
 * Bot bot = Bot.builder().command(hello).middleware(metrics).observer(metrics).fromEnv().build();
 * metrics.watchQueues(bot);
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>counts</th></tr>
 *   <tr><td>{@code chorus.events}</td><td>counter</td><td>platform, kind</td><td>events handled,
 *       after de-duplication (kind: message, button, event)</td></tr>
 *   <tr><td>{@code chorus.commands}</td><td>counter</td><td>platform, command, outcome</td><td>commands
 *       run (outcome: success, error)</td></tr>
 *   <tr><td>{@code chorus.handler.failures}</td><td>counter</td><td>platform, command</td><td>handlers
 *       that threw (command {@code none} for text and event handlers)</td></tr>
 *   <tr><td>{@code chorus.command.duration}</td><td>timer, p50/p95/p99</td><td>platform,
 *       command</td><td>time in the middleware below this one and the handler</td></tr>
 *   <tr><td>{@code chorus.messages.sent}</td><td>counter</td><td>platform</td><td>messages the
 *       platform accepted (inline webhook answers included)</td></tr>
 *   <tr><td>{@code chorus.send.retries}</td><td>counter</td><td>platform, reason</td><td>sends repeated
 *       (reason: rate_limited, server_error, network)</td></tr>
 *   <tr><td>{@code chorus.send.wait}</td><td>timer</td><td>platform</td><td>time from queueing a
 *       message to its first send: limits, retry-after, the chat's earlier messages</td></tr>
 *   <tr><td>{@code chorus.send.queue}</td><td>gauge</td><td>platform</td><td>messages queued or in
 *       flight</td></tr>
 *   <tr><td>{@code chorus.reconnects}</td><td>counter</td><td>platform</td><td>connections lost and
 *       made again</td></tr>
 *   <tr><td>{@code chorus.webhook.responses}</td><td>counter</td><td>platform, status</td><td>webhook
 *       requests answered, by HTTP status</td></tr>
 * </table>
 * Prometheus shows counters with {@code _total} and timers in seconds, as Micrometer names them.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class ChorusMetrics implements Middleware, BotObserver {
    private final MeterRegistry registry;

    /**
     * Meters registered in {@code registry} as they are first used.
     *
     * @param registry the registry, such as Spring Boot's or a {@code PrometheusMeterRegistry}
     */
    public ChorusMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Registers a {@code chorus.send.queue} gauge for each of the bot's adapters.
     *
     * @param bot the bot whose adapters' queues to watch
     * @return this, for chaining
     */
    public ChorusMetrics watchQueues(Bot bot) {
        for (Adapter adapter : bot.adapters().values()) {
            Gauge.builder("chorus.send.queue", adapter, Adapter::pendingSends)
                    .description("Messages queued or in flight to the platform")
                    .tags("platform", adapter.platform().id())
                    .register(registry);
        }
        return this;
    }

    @Override
    public Reply handle(Invocation invocation, Chain chain) throws Exception {
        InboundEvent event = invocation.event();
        String platform = event.platform().id();
        registry.counter("chorus.events", "platform", platform, "kind", kind(event)).increment();
        String command = invocation.command().map(CommandCall::command).map(c -> c.name()).orElse(null);
        long start = System.nanoTime();
        boolean failed = true;
        try {
            Reply reply = chain.proceed(invocation);
            failed = false;
            return reply;
        } catch (Exception | Error e) {
            registry.counter("chorus.handler.failures", "platform", platform, "command",
                    command == null ? "none" : command).increment();
            throw e;
        } finally {
            if (command != null) {
                Timer.builder("chorus.command.duration")
                        .description("Time to run a command, from this middleware to the handler's return")
                        .tags("platform", platform, "command", command)
                        .publishPercentiles(0.5, 0.95, 0.99)
                        .register(registry)
                        .record(Duration.ofNanos(System.nanoTime() - start));
                registry.counter("chorus.commands", Tags.of("platform", platform, "command", command,
                        "outcome", failed ? "error" : "success")).increment();
            }
        }
    }

    private static String kind(InboundEvent event) {
        if (event instanceof Message) {
            return "message";
        }
        return event instanceof ButtonPress ? "button" : "event";
    }

    @Override
    public void messageSent(Platform platform) {
        counter("chorus.messages.sent", "Messages the platform accepted", platform).increment();
    }

    @Override
    public void sendRetried(Platform platform, RetryReason reason) {
        Counter.builder("chorus.send.retries").description("Sends repeated after a failure")
                .tags("platform", platform.id(), "reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
    }

    @Override
    public void sendWaited(Platform platform, Duration waited) {
        Timer.builder("chorus.send.wait").description("Time from queueing a message to its first send")
                .tags("platform", platform.id()).register(registry).record(waited);
    }

    @Override
    public void reconnecting(Platform platform) {
        counter("chorus.reconnects", "Connections to the platform lost and made again", platform).increment();
    }

    @Override
    public void webhookAnswered(Platform platform, int status) {
        Counter.builder("chorus.webhook.responses").description("Webhook requests answered, by status")
                .tags("platform", platform.id(), "status", Integer.toString(status))
                .register(registry).increment();
    }

    private Counter counter(String name, String description, Platform platform) {
        return Counter.builder(name).description(description).tags("platform", platform.id()).register(registry);
    }
}
