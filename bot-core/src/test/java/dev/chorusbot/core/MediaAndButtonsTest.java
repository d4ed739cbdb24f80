package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MediaAndButtonsTest {
    static final Capabilities TELEGRAM_LIKE = new Capabilities(true, 4096, Capabilities.LengthUnit.UTF16, Set.of(),
            true, true, true, true, 64);
    static final Capabilities TWITCH_LIKE = new Capabilities(false, 500, Capabilities.LengthUnit.CODE_POINTS,
            Set.of(), false, false);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private static Bot bot(Capabilities caps, Fixtures.ManualTime time, Command... commands) {
        Fixtures.RecordingAdapter adapter = new Fixtures.RecordingAdapter(Fixtures.TEST, caps, null);
        Bot.Builder builder = Bot.builder().adapter(adapter).scheduler(time).buttonDataTtl(Duration.ofHours(1));
        for (Command command : commands) {
            builder.command(command);
        }
        return builder.build();
    }

    private static ButtonPress press(String data, User user) {
        return new ButtonPress(Fixtures.TEST, "p" + data.hashCode(), Fixtures.GROUP, user, data, Optional.of("77"),
                Instant.EPOCH, null);
    }

    static final Command PHOTO = Command.named("photo")
            .handler(ctx -> Reply.media(MediaFile.photo(PNG, "dice.png")).withCaption("a photo from Chorus")).build();
    static final Command LINK = Command.named("link")
            .handler(ctx -> Reply.photo(URI.create("https://example.org/cat.png")).withCaption("a cat")).build();
    static final Command BARE = Command.named("bare").handler(ctx -> Reply.media(MediaFile.photo(PNG, "dice.png"))).build();
    static final Command ROLL = Command.named("roll")
            .handler(ctx -> Reply.of(Reply.text("rolled 4").withButtons(Button.of("Roll again", "roll")).asEdit(),
                    Reply.notice("rolled!")))
            .build();

    @Test
    void mediaGoesOutAsMediaWhereThePlatformHasIt() {
        Handled handled = bot(TELEGRAM_LIKE, new Fixtures.ManualTime(), PHOTO).handle(Fixtures.message("!photo"));

        Outbound photo = handled.outbound().get(0);
        assertThat(photo.media()).hasValueSatisfying(m -> {
            assertThat(m.kind()).isEqualTo(MediaFile.Kind.PHOTO);
            assertThat(m.source()).isInstanceOfSatisfying(MediaFile.Upload.class, u -> {
                assertThat(u.fileName()).isEqualTo("dice.png");
                assertThat(u.mimeType()).isEqualTo("image/png");
            });
        });
        assertThat(photo.text()).isEqualTo("a photo from Chorus");
    }

    @Test
    void mediaBecomesItsCaptionAndLinkWithoutMediaButNeverNothing() {
        Bot bot = bot(TWITCH_LIKE, new Fixtures.ManualTime(), PHOTO, LINK, BARE);

        assertThat(bot.handle(Fixtures.message("!photo")).texts()).containsExactly("a photo from Chorus");
        assertThat(bot.handle(Fixtures.message("!link")).texts()).containsExactly("a cat https://example.org/cat.png");
        assertThat(bot.handle(Fixtures.message("!bare")).texts()).containsExactly("[photo: dice.png]");
        assertThat(bot.handle(Fixtures.message("!photo")).outbound().get(0).media()).isEmpty();
    }

    @Test
    void aPressEditsTheMessageThatCarriedTheButtonAndAnswersWithANotice() {
        Handled handled = bot(TELEGRAM_LIKE, new Fixtures.ManualTime(), ROLL).handle(press("roll", Fixtures.VIKTOR));

        assertThat(handled.outbound()).singleElement().satisfies(edit -> {
            assertThat(edit.editId()).contains("77");
            assertThat(edit.text()).isEqualTo("rolled 4");
            assertThat(edit.buttons()).containsExactly(List.of(Button.of("Roll again", "roll")));
            assertThat(edit.replyToId()).isEmpty();
        });
        assertThat(handled.notice()).contains(new Reply.Notice("rolled!", false));
    }

    @Test
    void aTypedCommandWithAnEditSendsANewMessageAndNoNotice() {
        Handled handled = bot(TELEGRAM_LIKE, new Fixtures.ManualTime(), ROLL).handle(Fixtures.message("!roll"));

        assertThat(handled.outbound()).singleElement().satisfies(m -> assertThat(m.editId()).isEmpty());
        assertThat(handled.notice()).isEmpty();
    }

    @Test
    void buttonDataPastThePlatformsLimitRoundTripsThroughTheStateStore() {
        String longData = "echo " + "x".repeat(195); // 200 bytes
        Command menu = Command.named("menu")
                .handler(ctx -> Reply.text("pick").withButtons(Button.of("Long", longData))).build();
        Command echo = Command.named("echo").argument(Argument.rest("text"))
                .handler(ctx -> Reply.text("echo " + ctx.args().string("text").length())).build();
        Fixtures.ManualTime time = new Fixtures.ManualTime();
        Bot bot = bot(TELEGRAM_LIKE, time, menu, echo);

        Button sent = bot.handle(Fixtures.message("!menu")).outbound().get(0).buttons().get(0).get(0);
        assertThat(sent.data()).startsWith("~").hasSize(17);
        assertThat(bot.handle(press(sent.data(), Fixtures.ANNA)).texts()).containsExactly("echo 195");

        time.advance(Duration.ofHours(1));
        Handled expired = bot.handle(press(sent.data(), Fixtures.ANNA.withLocale(Locale.GERMAN)));
        assertThat(expired.outbound()).isEmpty();
        assertThat(expired.notice()).contains(new Reply.Notice(
                "Diese Schaltfläche ist abgelaufen. Sende den Befehl noch einmal.", false));
    }

    @Test
    void shortButtonDataIsSentAsItIs() {
        Command menu = Command.named("menu")
                .handler(ctx -> Reply.text("pick").withButtons(Button.of("Short", "echo hi"))).build();

        Button sent = bot(TELEGRAM_LIKE, new Fixtures.ManualTime(), menu).handle(Fixtures.message("!menu"))
                .outbound().get(0).buttons().get(0).get(0);

        assertThat(sent.data()).isEqualTo("echo hi");
    }

    @Test
    void aKeyboardReplyChangesOnlyThePressedMessagesButtons() {
        Command done = Command.named("done").handler(ctx -> Reply.keyboard()).build();

        Handled handled = bot(TELEGRAM_LIKE, new Fixtures.ManualTime(), done).handle(press("done", Fixtures.VIKTOR));

        assertThat(handled.outbound()).singleElement().satisfies(edit -> {
            assertThat(edit.isKeyboardEdit()).isTrue();
            assertThat(edit.buttons()).isEmpty();
        });
        assertThat(bot(TWITCH_LIKE, new Fixtures.ManualTime(), done).handle(press("done", Fixtures.VIKTOR)).outbound())
                .isEmpty();
    }
}
