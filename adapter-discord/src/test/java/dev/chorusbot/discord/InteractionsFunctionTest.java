package dev.chorusbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.webhook.WebhookHost;
import dev.chorusbot.core.webhook.WebhookRequest;
import dev.chorusbot.core.webhook.WebhookResponse;
import dev.chorusbot.testkit.discord.FakeDiscordApi;
import dev.chorusbot.testkit.discord.Interaction;
import dev.chorusbot.testkit.discord.InteractionSender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a serverless entry point does: the bot hosts no server, each request goes to {@code
 * bot.webhookRoutes().handle(request, WebhookHost.function(timeLeft))} on the calling thread, and
 * the process may be frozen as soon as it returns. Every call to Discord must be done by then,
 * also the reply of a command that outlived the deadline.
 */
class InteractionsFunctionTest {
    private final FakeDiscordApi discord = FakeDiscordApi.start();
    private final InteractionSender sender = InteractionSender.create();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Bot bot = InteractionsHarness.commands(Bot.builder(), release)
            .adapter(new DiscordInteractionsAdapter(InteractionsHarness.config(discord, sender).build()))
            .build();

    private void start() {
        bot.hostWebhooksInFunction();
        bot.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        bot.stop();
        discord.close();
    }

    private WebhookRequest signed(Interaction interaction) {
        byte[] body = interaction.json().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return WebhookRequest.post("/discord", Map.of("X-Signature-Ed25519", sender.sign(timestamp, body),
                "X-Signature-Timestamp", timestamp, "Content-Type", "application/json"), body);
    }

    @Test
    void answersHelloInTheFunctionsAnswer() {
        start();

        WebhookResponse response = bot.webhookRoutes().handle(signed(sender.command("hello")),
                WebhookHost.function(Duration.ofSeconds(30)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).contains("\"type\":4").contains("\"content\":\"hello Viktor!\"");
        assertThat(discord.calls()).isEmpty();
    }

    @Test
    void aSlowCommandsReplyHasReachedDiscordWhenTheFunctionAnswers() throws Exception {
        start();
        Interaction slow = sender.command("slow");

        CompletableFuture<WebhookResponse> answer = CompletableFuture.supplyAsync(() -> bot.webhookRoutes()
                .handle(signed(slow), WebhookHost.function(Duration.ofSeconds(60))));
        discord.awaitInteractionCallbacks(1, Duration.ofSeconds(30)); // the deferral, at the deadline
        assertThat(answer).isNotDone();
        release.countDown();
        WebhookResponse response = answer.get(30, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(202);
        assertThat(discord.interactionCallbacks()).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo(5));
        assertThat(discord.originalEdits()).singleElement().satisfies(e -> {
            assertThat(e.content()).isEqualTo("finally");
            assertThat(e.interactionToken()).contains(slow.token());
        });
    }

    @Test
    void severalRepliesHaveAllReachedDiscordWhenTheFunctionAnswers() {
        start();

        WebhookResponse response = bot.webhookRoutes().handle(signed(sender.command("two")),
                WebhookHost.function(Duration.ofSeconds(30)));

        assertThat(response.status()).isEqualTo(202);
        assertThat(discord.interactionCallbacks()).singleElement().satisfies(c -> assertThat(c.content())
                .isEqualTo("one"));
        assertThat(discord.followUps()).singleElement().satisfies(f -> assertThat(f.content()).isEqualTo("two"));
    }
}
