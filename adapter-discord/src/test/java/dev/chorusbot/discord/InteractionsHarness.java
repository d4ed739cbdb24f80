package dev.chorusbot.discord;

import dev.chorusbot.core.Argument;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Button;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.core.webhook.WebhookServer;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.InteractionSender;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import dev.chorusbot.core.webhook.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A Discord interactions bot on loopback: the fake REST API, the adapter, a bot with a few commands
 * served by the embedded webhook server, and a sender that signs interactions with the key the
 * adapter trusts.
 */
final class InteractionsHarness implements AutoCloseable {
    /** Sides of a die, for the options test. */
    enum Die { D6, D20 }

    final FakeDiscordApi discord = FakeDiscordApi.start();
    final InteractionSender sender = InteractionSender.create();
    final CountDownLatch release = new CountDownLatch(1);
    final DiscordInteractionsAdapter adapter;
    final WebhookServer server;
    final Bot bot;

    InteractionsHarness() {
        this(b -> { });
    }

    InteractionsHarness(Consumer<DiscordConfig.Builder> options) {
        this(options, Scheduler.system());
    }

    InteractionsHarness(Consumer<DiscordConfig.Builder> options, Scheduler scheduler) {
        // Discord's 3 s less the default margin: a loaded machine still answers the quick commands inline.
        DiscordConfig.Builder config = config(discord, sender);
        options.accept(config);
        adapter = new DiscordInteractionsAdapter(config.build());
        server = WebhookServer.builder().address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        bot = commands(Bot.builder(), release).scheduler(scheduler).adapter(adapter).webhookServer(server).build();
        bot.start();
    }

    static DiscordConfig.Builder config(FakeDiscordApi discord, InteractionSender sender) {
        return DiscordConfig.builder().token(discord.token()).applicationId(discord.applicationId())
                .publicKey(sender.publicKey()).apiUrl(discord.apiUrl()).mode(DiscordMode.INTERACTIONS);
    }

    static Bot.Builder commands(Bot.Builder builder, CountDownLatch release) {
        return builder
                .command(Command.named("hello").description("Say hello")
                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")).build())
                .command(Command.named("roll").description("Roll dice")
                        .argument(Argument.enumeration("die", Die.class))
                        .argument(Argument.integer("times").optional(1))
                        .argument(Argument.bool("loud").optional(false))
                        .argument(Argument.string("label").optional("dice"))
                        .handler(ctx -> Reply.text(ctx.args().get("die", Die.class) + " x"
                                + ctx.args().get("times", Integer.class) + " loud="
                                + ctx.args().get("loud", Boolean.class) + " label=["
                                + ctx.args().get("label", String.class) + "]")).build())
                .command(Command.named("say").argument(Argument.rest("text"))
                        .handler(ctx -> Reply.text("said [" + ctx.args().get("text", String.class) + "]"))
                        .build())
                .command(Command.named("two").handler(ctx -> Reply.of(Reply.text("one"), Reply.text("two"))).build())
                .command(Command.named("quiet").handler(ctx -> Reply.none()).build())
                .command(Command.named("secret").handler(ctx -> Reply.text("only you").asEphemeral()).build())
                .command(Command.named("menu").handler(ctx -> Reply.text("pick")
                        .withButtons(Button.of("Again", "again"), Button.of("Note", "note"))).build())
                .command(Command.named("long").handler(ctx -> Reply.text("a long button")
                        .withButtons(Button.of("Say it", "say " + "x".repeat(150)))).build())
                .command(Command.named("raw").handler(ctx -> Reply.text(ctx.event().unwrap(DiscordInteraction.class)
                        .map(i -> i.commandName().orElse("-") + " " + i).orElse("no interaction"))).build())
                .command(Command.named("again").handler(ctx -> Reply.text("picked again").asEdit()).build())
                .command(Command.named("note").handler(ctx -> Reply.notice("noted")).build())
                .command(Command.named("fresh").handler(ctx -> Reply.text("a new message")).build())
                .command(Command.named("slow").handler(ctx -> {
                    release.await();
                    return Reply.text("finally");
                }).build())
                .command(Command.named("slowtwo").handler(ctx -> {
                    release.await();
                    return Reply.of(Reply.text("late one"), Reply.text("late two"));
                }).build())
                .command(Command.named("slowsecret").handler(ctx -> {
                    release.await();
                    return Reply.text("late secret").asEphemeral();
                }).build())
                .command(Command.named("slowedit").handler(ctx -> {
                    release.await();
                    return Reply.text("edited late").asEdit();
                }).build());
    }

    /** {@code interaction} as the request Discord would send, signed now. */
    WebhookRequest signed(dev.chorusbot.testkit.discord.Interaction interaction) {
        byte[] body = interaction.json().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return WebhookRequest.post("/discord", Map.of("X-Signature-Ed25519", sender.sign(timestamp, body),
                "X-Signature-Timestamp", timestamp, "Content-Type", "application/json"), body);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.port() + "/discord");
    }

    @Override
    public void close() {
        release.countDown();
        bot.stop();
        discord.close();
    }
}
