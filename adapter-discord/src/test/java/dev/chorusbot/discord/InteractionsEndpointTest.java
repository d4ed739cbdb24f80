package dev.chorusbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.testkit.ManualScheduler;
import dev.chorusbot.testkit.discord.Interaction;
import dev.chorusbot.testkit.discord.InteractionCallback;
import dev.chorusbot.testkit.discord.InteractionReply;
import dev.chorusbot.testkit.discord.SentDiscordMessage;
import dev.chorusbot.core.webhook.WebhookHost;
import dev.chorusbot.core.webhook.WebhookResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Interactions endpoint over the embedded server on loopback, signed as Discord signs. */
class InteractionsEndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final InteractionsHarness h = new InteractionsHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private InteractionReply send(Interaction interaction) {
        return h.sender.send(h.url(), interaction);
    }

    @Test
    void answersAPingWithAPong() {
        InteractionReply reply = send(h.sender.ping());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body()).isEqualTo("{\"type\":1}");
        assertThat(h.discord.calls()).isEmpty();
    }

    @Test
    void answersHelloInlineWithTheMembersDisplayName() {
        InteractionReply reply = send(h.sender.command("hello"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(4);
        assertThat(reply.content()).isEqualTo("hello Viktor!");
        assertThat(reply.flags()).isZero();
        assertThat(reply.at("/data/message_reference")).isEmpty();
        assertThat(reply.at("/data/allowed_mentions/parse")).isEqualTo("[\"users\"]");
        assertThat(h.discord.calls()).isEmpty(); // nothing went through REST
    }

    @Test
    void namesTheMemberByNickThenGlobalNameThenUsername() {
        assertThat(send(h.sender.command("hello").nick("Vik")).content()).isEqualTo("hello Vik!");
        assertThat(send(h.sender.command("hello").from("7", "anna_k", null)).content()).isEqualTo("hello anna_k!");
        assertThat(send(h.sender.command("hello").inDirectMessage().from("8", "bo", "Bo")).content())
                .isEqualTo("hello Bo!");
    }

    @Test
    void mapsOptionsToTheCommandsArgumentsInTheirOrder() {
        InteractionReply reply = send(h.sender.command("roll").option("label", "two \"big\" dice")
                .option("loud", true).option("times", 3).option("die", "D20"));

        assertThat(reply.content()).isEqualTo("D20 x3 loud=true label=[two \"big\" dice]");
    }

    @Test
    void keepsBackslashesOfAnOptionAsTyped() {
        InteractionReply reply = send(h.sender.command("roll").option("die", "D6").option("label", "in C:\\new dir\\"));

        assertThat(reply.content()).isEqualTo("D6 x1 loud=false label=[in C:\\new dir\\]");
    }

    @Test
    void fillsAnOptionalArgumentLeftOutBeforeAGivenOneWithItsDefault() {
        InteractionReply reply = send(h.sender.command("roll").option("die", "D6").option("loud", true));

        assertThat(reply.content()).isEqualTo("D6 x1 loud=true label=[dice]");
    }

    @Test
    void passesARestArgumentAsTyped() {
        assertThat(send(h.sender.command("say").option("text", "  a  \"b\" c")).content())
                .isEqualTo("said [a  \"b\" c]");
    }

    @Test
    void theHandlerUnwrapsTheInteractionWhoseTextNeverShowsItsToken() {
        Interaction raw = h.sender.command("raw");

        InteractionReply reply = send(raw);

        assertThat(reply.content()).isEqualTo("raw DiscordInteraction[id=" + raw.id() + ", type=2, applicationId="
                + h.discord.applicationId() + ", token=<hidden>, guildId=" + Interaction.DEFAULT_GUILD_ID
                + ", channelId=" + Interaction.DEFAULT_CHANNEL_ID + "]");
        assertThat(reply.content()).doesNotContain(raw.token());
    }

    @Test
    void answersAnEphemeralReplyWithFlag64() {
        InteractionReply reply = send(h.sender.command("secret"));

        assertThat(reply.type()).isEqualTo(4);
        assertThat(reply.flags()).isEqualTo(64);
        assertThat(reply.content()).isEqualTo("only you");
    }

    @Test
    void answersSeveralRepliesByCallbackAndFollowUpsThen202() {
        Interaction two = h.sender.command("two");

        InteractionReply reply = send(two);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).isEmpty();
        // A long-running host answers once the sends that fit the deadline are done; on a loaded
        // machine the follow-up may still be on its way, in order, after the callback.
        List<InteractionCallback> callbacks = h.discord.awaitInteractionCallbacks(1, WAIT);
        assertThat(callbacks).singleElement().satisfies(c -> {
            assertThat(c.interactionId()).isEqualTo(two.id());
            assertThat(c.token()).isEqualTo(two.token());
            assertThat(c.type()).isEqualTo(4);
            assertThat(c.content()).isEqualTo("one");
        });
        assertThat(h.discord.awaitFollowUps(1, WAIT)).singleElement().satisfies(f -> {
            assertThat(f.interactionToken()).contains(two.token());
            assertThat(f.content()).isEqualTo("two");
        });
        // Interaction routes authenticate by their token: no bot token, outside the global limit.
        assertThat(h.discord.calls()).allSatisfy(c -> assertThat(c.authorized()).isFalse());
    }

    @Test
    void acknowledgesACommandThatAnswersNothingWithoutLeavingAPlaceholder() {
        Interaction quiet = h.sender.command("quiet");

        InteractionReply reply = send(quiet);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(h.discord.interactionCallbacks()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(5);
            assertThat(c.flags()).isEqualTo(64);
        });
        assertThat(h.discord.originalDeletes()).containsExactly(quiet.token());
    }

    @Test
    void aPressAnsweredWithAnEditUpdatesThePressedMessage() {
        InteractionReply reply = send(h.sender.press("again", "1300000000000000077"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.type()).isEqualTo(7);
        assertThat(reply.content()).isEqualTo("picked again");
        assertThat(reply.at("/data/components")).isEqualTo("[]"); // the old buttons go
    }

    @Test
    void aPressAnsweredWithANewMessageSendsOne() {
        InteractionReply reply = send(h.sender.press("fresh", "1300000000000000077"));

        assertThat(reply.type()).isEqualTo(4);
        assertThat(reply.content()).isEqualTo("a new message");
    }

    @Test
    void aPressWithANoticeShowsItToThePresserOnly() {
        InteractionReply reply = send(h.sender.press("note", "1300000000000000077"));

        assertThat(reply.type()).isEqualTo(4);
        assertThat(reply.content()).isEqualTo("noted");
        assertThat(reply.flags()).isEqualTo(64);
    }

    @Test
    void aPressOfAButtonThatRunsNothingIsAcknowledgedWithoutChange() {
        InteractionReply reply = send(h.sender.press("unknown-thing", "1300000000000000077"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"type\":6}");
    }

    @Test
    void sendsButtonsAsActionRowsWhosePressRunsTheCommand() {
        InteractionReply reply = send(h.sender.command("menu"));

        assertThat(reply.at("/data/components")).isEqualTo("[{\"type\":1,\"components\":["
                + "{\"type\":2,\"style\":2,\"label\":\"Again\",\"custom_id\":\"again\"},"
                + "{\"type\":2,\"style\":2,\"label\":\"Note\",\"custom_id\":\"note\"}]}]");
    }

    @Test
    void aButtonWhoseDataIsLongerThanACustomIdCarriesAStoredTokenThatRunsTheData() {
        InteractionReply reply = send(h.sender.command("long"));
        String customId = reply.buttons().get(0).get(0).customId();
        assertThat(customId).hasSize(17).startsWith("~"); // 150 characters do not fit Discord's 100

        InteractionReply pressed = send(h.sender.press(customId, "1300000000000000077"));

        assertThat(pressed.type()).isEqualTo(4);
        assertThat(pressed.content()).isEqualTo("said [" + "x".repeat(150) + "]");
    }

    @Test
    void defersASlowCommandAndReplacesThePlaceholderWithTheReply() {
        Interaction slow = h.sender.command("slow");

        InteractionReply reply = send(slow);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(h.discord.awaitInteractionCallbacks(1, WAIT)).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(5);
            assertThat(c.token()).isEqualTo(slow.token());
        });
        h.release.countDown();
        SentDiscordMessage edit = h.discord.awaitOriginalEdits(1, WAIT).get(0);
        assertThat(edit.content()).isEqualTo("finally");
        assertThat(edit.interactionToken()).contains(slow.token());
        assertThat(h.discord.followUps()).isEmpty();
    }

    @Test
    void aSlowCommandsFurtherRepliesFollowThePlaceholdersReplacement() {
        InteractionReply reply = send(h.sender.command("slowtwo"));
        h.release.countDown();

        assertThat(reply.status()).isEqualTo(202);
        assertThat(h.discord.awaitOriginalEdits(1, WAIT).get(0).content()).isEqualTo("late one");
        assertThat(h.discord.awaitFollowUps(1, WAIT).get(0).content()).isEqualTo("late two");
    }

    @Test
    void aSlowEphemeralReplyReplacesThePublicPlaceholderWithAnEphemeralFollowUp() {
        Interaction slow = h.sender.command("slowsecret");
        send(slow);
        h.release.countDown();

        SentDiscordMessage followUp = h.discord.awaitFollowUps(1, WAIT).get(0);
        assertThat(followUp.content()).isEqualTo("late secret");
        assertThat(followUp.flags()).isEqualTo(64);
        assertThat(h.discord.originalDeletes()).containsExactly(slow.token());
        assertThat(h.discord.originalEdits()).isEmpty();
    }

    @Test
    void defersASlowPressWithoutAPlaceholderAndEditsThePressedMessage() {
        InteractionReply reply = send(h.sender.press("slowedit", "1300000000000000077"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(h.discord.awaitInteractionCallbacks(1, WAIT)).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo(6));
        h.release.countDown();
        assertThat(h.discord.awaitOriginalEdits(1, WAIT).get(0).content()).isEqualTo("edited late");
    }

    @Test
    void aReplyWhoseAnswerCouldNotBeWrittenGoesThroughTheCallback() throws Exception {
        Interaction hello = h.sender.command("hello");
        WebhookResponse answer = h.adapter.endpoint().handle(h.signed(hello), WebhookHost.longRunning());
        assertThat(answer.bodyText()).contains("\"content\":\"hello Viktor!\"");

        answer.undelivered(new IOException("Connection reset by peer")).get(30, TimeUnit.SECONDS);

        assertThat(h.discord.interactionCallbacks()).singleElement().satisfies(c -> {
            assertThat(c.interactionId()).isEqualTo(hello.id());
            assertThat(c.type()).isEqualTo(4);
            assertThat(c.content()).isEqualTo("hello Viktor!");
        });
    }

    @Test
    void aPressAcknowledgementThatCouldNotBeWrittenGoesThroughTheCallback() throws Exception {
        WebhookResponse answer = h.adapter.endpoint().handle(h.signed(h.sender.press("unknown-thing",
                "1300000000000000077")), WebhookHost.longRunning());
        assertThat(answer.bodyText()).isEqualTo("{\"type\":6}");

        answer.undelivered(new IOException("Broken pipe")).get(30, TimeUnit.SECONDS);

        assertThat(h.discord.interactionCallbacks()).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo(6));
    }

    @Test
    void refusesAWrongSignatureWith401() {
        byte[] body = h.sender.command("hello").json().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String otherBody = h.sender.sign(timestamp, "{}".getBytes(StandardCharsets.UTF_8));

        InteractionReply reply = h.sender.post(h.url(), body, timestamp, otherBody);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo("Unauthorized: the X-Signature-Ed25519 does not match the body");
    }

    @Test
    void refusesASignatureByAnotherKeyWith401() {
        byte[] body = h.sender.command("hello").json().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String foreign = dev.chorusbot.testkit.discord.InteractionSender.create().sign(timestamp, body);

        assertThat(h.sender.post(h.url(), body, timestamp, foreign).status()).isEqualTo(401);
    }

    @Test
    void refusesMissingOrMalformedSignatureHeadersWith401() {
        byte[] body = h.sender.ping().json().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        assertThat(h.sender.post(h.url(), body, null, h.sender.sign(timestamp, body)).body())
                .isEqualTo("Unauthorized: missing X-Signature-Timestamp");
        assertThat(h.sender.post(h.url(), body, timestamp, null).body())
                .isEqualTo("Unauthorized: missing X-Signature-Ed25519");
        assertThat(h.sender.post(h.url(), body, timestamp, "zz").status()).isEqualTo(401);
        assertThat(h.sender.post(h.url(), body, timestamp, "g".repeat(128)).status()).isEqualTo(401);
        assertThat(h.sender.post(h.url(), body, "yesterday", h.sender.sign("yesterday", body)).body())
                .isEqualTo("Unauthorized: X-Signature-Timestamp is not a Unix time in seconds");
    }

    @Test
    void refusesAStaleTimestampWith401EvenWhenSigned() {
        InteractionReply reply = h.sender.send(h.url(), h.sender.command("hello"),
                Instant.now().minus(Duration.ofMinutes(6)));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo("Unauthorized: X-Signature-Timestamp is more than 300 seconds from the"
                + " bot's clock");
    }

    @Test
    void refusesMalformedJsonWith400() {
        byte[] body = "{\"type\":2,".getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        InteractionReply reply = h.sender.post(h.url(), body, timestamp, h.sender.sign(timestamp, body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).startsWith("Bad Request: the body is not JSON");
    }

    @Test
    void refusesAnInteractionWithoutItsFieldsWith400() {
        assertThat(send(h.sender.command("hello").with("channel_id", "")).body())
                .isEqualTo("Bad Request: the interaction has no \"channel_id\"");
        byte[] body = "[1,2]".getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        assertThat(h.sender.post(h.url(), body, timestamp, h.sender.sign(timestamp, body)).body())
                .isEqualTo("Bad Request: the body is not an interaction object");
    }

    @Test
    void refusesAnInteractionTypeChorusDoesNotAnswerWith400() {
        InteractionReply reply = send(h.sender.command("hello").with("type", 4));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("Bad Request: interaction type 4 (APPLICATION_COMMAND_AUTOCOMPLETE) is not"
                + " handled; Chorus answers types 1, 2 and 3");
    }

    @Test
    void refusesAReplayedInteractionWith409WithoutTouchingTheFirstAnswer() {
        Interaction hello = h.sender.command("hello");
        assertThat(send(hello).content()).isEqualTo("hello Viktor!");

        InteractionReply replay = send(hello); // signed again, as a captured request replayed in the window

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.body()).isEqualTo("Conflict: interaction " + hello.id() + " was received already");
        assertThat(h.discord.calls()).isEmpty(); // no callback, no deleted @original
    }

    @Test
    void refusesAReplayForAsLongAsItsTimestampPassesAndThenForThatReason() {
        Instant signedAt = Instant.now();
        ManualScheduler clock = new ManualScheduler(signedAt);
        try (InteractionsHarness timed = new InteractionsHarness(b -> { }, clock)) {
            Interaction hello = timed.sender.command("hello");
            assertThat(timed.sender.send(timed.url(), hello, signedAt).content()).isEqualTo("hello Viktor!");

            // Past the minute the answered interaction itself is kept, inside the 5-minute window.
            clock.advance(Duration.ofMinutes(4));
            InteractionReply late = timed.sender.send(timed.url(), hello, signedAt);
            assertThat(late.status()).isEqualTo(409);

            clock.advance(Duration.ofMinutes(2));
            InteractionReply stale = timed.sender.send(timed.url(), hello, signedAt);
            assertThat(stale.status()).isEqualTo(401);
            assertThat(stale.body()).isEqualTo("Unauthorized: X-Signature-Timestamp is more than 300 seconds from"
                    + " the bot's clock");
            assertThat(timed.discord.calls()).isEmpty();
        }
    }

    @Test
    void isReadyWhileTheEndpointTakesInteractions() {
        assertThat(new DiscordInteractionsAdapter(InteractionsHarness.config(h.discord, h.sender).build()).isReady())
                .as("ready before start").isFalse();
        assertThat(h.adapter.isReady()).isTrue();

        h.adapter.stopReceiving();

        assertThat(h.adapter.isReady()).isFalse();
        assertThat(send(h.sender.command("hello")).status()).isEqualTo(503);
    }

    @Test
    void refusesABodyOverTheHostsLimitWith413() {
        byte[] body = ("{\"type\":1,\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        assertThat(h.sender.post(h.url(), body, timestamp, h.sender.sign(timestamp, body)).status()).isEqualTo(413);
    }

    @Test
    void sendsWhatTheBotSaysOnItsOwnToTheChannel() {
        h.bot.send(DiscordInteractionsAdapter.PLATFORM,
                dev.chorusbot.core.Chat.of(Interaction.DEFAULT_CHANNEL_ID, dev.chorusbot.core.Chat.Kind.GROUP, ""),
                dev.chorusbot.core.Reply.text("reminder").asEphemeral());

        SentDiscordMessage sent = h.discord.awaitMessages(1, WAIT).get(0);
        assertThat(sent.channelId()).isEqualTo(Interaction.DEFAULT_CHANNEL_ID);
        assertThat(sent.content()).isEqualTo("reminder");
        assertThat(sent.flags()).isZero(); // no interaction to answer: everyone sees it
    }
}
