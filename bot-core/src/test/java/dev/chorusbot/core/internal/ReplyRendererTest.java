package dev.chorusbot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Button;
import dev.chorusbot.core.Capabilities;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Format;
import dev.chorusbot.core.Outbound;
import dev.chorusbot.core.Reply;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplyRendererTest {
    private static final Chat CHAT = Chat.of("c", Chat.Kind.GROUP, "");
    private static final Capabilities TELEGRAM = new Capabilities(
            true, 4096, Capabilities.LengthUnit.UTF16, Set.of(Format.HTML, Format.MARKDOWN), true, true);
    private static final Capabilities TWITCH = new Capabilities(
            false, 500, Capabilities.LengthUnit.CODE_POINTS, Set.of(), false, false);

    private static final Capabilities TELEGRAM_WITHOUT_MARKDOWN = new Capabilities(
            true, 4096, Capabilities.LengthUnit.UTF16, Set.of(), true, true);

    private static List<Outbound> render(Reply reply, Capabilities caps) {
        return ReplyRenderer.render(reply, caps, CHAT, Optional.of("m1"), "!");
    }

    @Test
    void marksAnEphemeralTextOnlyWhereThePlatformShowsEphemeralReplies() {
        Reply reply = Reply.text("only you").asEphemeral();

        assertThat(render(reply, TELEGRAM.withEphemeral(true))).singleElement()
                .satisfies(out -> assertThat(out.ephemeral()).isTrue());
        assertThat(render(reply, TELEGRAM)).singleElement().satisfies(out -> {
            assertThat(out.ephemeral()).isFalse(); // degraded: the chat sees it
            assertThat(out.text()).isEqualTo("only you");
        });
    }

    @Test
    void keepsEphemeralThroughTheOtherCopiesOfATextButNotOnAnEdit() {
        Reply.Text text = Reply.text("secret").asEphemeral().withButtons(Button.of("Again", "again")).asQuestion();
        assertThat(text.ephemeral()).isTrue();

        List<Outbound> edit = ReplyRenderer.render(text.asEdit(), new Capabilities(true, 4096,
                Capabilities.LengthUnit.UTF16, Set.of(), true, false, false, true, 64, true), CHAT,
                Optional.empty(), "!", Optional.of("m9"));

        assertThat(edit).singleElement().satisfies(out -> {
            assertThat(out.editId()).contains("m9");
            assertThat(out.ephemeral()).isFalse(); // an existing message's visibility cannot change
        });
    }

    @Test
    void decodesNumericHtmlEntitiesWhenStrippingHtml() {
        // Telegram's HTML accepts every numeric entity besides &lt; &gt; &amp; &quot;; a plain-text
        // platform must show the character, not the entity. &#38;lt; is an ampersand and "lt;".
        Outbound out = render(Reply.text(Format.HTML,
                "<b>Viktor&#39;s</b> score: 5 &#x2192; 7 &#8212; caf&#233; &#38;lt; &#128512;"), TWITCH).get(0);
        assertThat(out.text()).isEqualTo("Viktor's score: 5 \u2192 7 \u2014 caf\u00e9 &lt; \ud83d\ude00");
    }

    @Test
    void keepsCharactersThatMarkdownV2TakesLiterallyInCodeAndLinkAddresses() {
        // MarkdownV2: inside code only ` and \ are escaped; inside a link's (...) only ) and \ are;
        // everything else there is literal, so an underscore in a URL or identifier must survive.
        String markdown = "Use `snake_case` and `a*b` \\(see [the\\_docs](https://x.y/a_b?q=\\)*) and"
                + " ```java\nint a_b = 2 * 3;```)";
        Outbound out = render(Reply.text(Format.MARKDOWN, markdown), TELEGRAM_WITHOUT_MARKDOWN).get(0);
        assertThat(out.text()).isEqualTo(
                "Use snake_case and a*b (see the_docs (https://x.y/a_b?q=)*) and int a_b = 2 * 3;)");
    }

    @Test
    void keepsButtonsWhereThePlatformHasThem() {
        Reply reply = Reply.text("You rolled 7").withButtons(Button.of("Roll again", "roll 2d6"));
        Outbound out = render(reply, TELEGRAM).get(0);
        assertThat(out.text()).isEqualTo("You rolled 7");
        assertThat(out.buttons()).containsExactly(List.of(Button.of("Roll again", "roll 2d6")));
    }

    @Test
    void writesButtonsAsTextWhereThePlatformHasNone() {
        Reply reply = Reply.text("You rolled 7")
                .withButtons(Button.of("Roll again", "roll 2d6"), Button.of("Stop", "stop"));
        Outbound out = render(reply, TWITCH).get(0);
        assertThat(out.text()).isEqualTo("You rolled 7 | Roll again: !roll 2d6 | Stop: !stop");
        assertThat(out.buttons()).isEmpty();
    }

    @Test
    void keepsTheFormatWhereThePlatformRendersIt() {
        Outbound out = render(Reply.text(Format.HTML, "<b>bold</b> &amp; co"), TELEGRAM).get(0);
        assertThat(out.format()).isEqualTo(Format.HTML);
        assertThat(out.text()).isEqualTo("<b>bold</b> &amp; co");
    }

    @Test
    void stripsHtmlWhereThePlatformLacksIt() {
        Outbound out = render(Reply.text(Format.HTML, "<b>bold</b> &amp; <a href=\"x\">link</a> 1 &lt; 2"), TWITCH)
                .get(0);
        assertThat(out.format()).isEqualTo(Format.PLAIN);
        assertThat(out.text()).isEqualTo("bold & link 1 < 2");
    }

    @Test
    void stripsMarkdownWhereThePlatformLacksIt() {
        Outbound out = render(Reply.text(Format.MARKDOWN, "*bold* _it_ `code` [site](https://x.y) 1\\.5"), TWITCH)
                .get(0);
        assertThat(out.text()).isEqualTo("bold it code site (https://x.y) 1.5");
    }

    @Test
    void joinsLinesOnSingleLinePlatforms() {
        assertThat(render(Reply.text("Commands:\n!a — A\n!b — B"), TWITCH).get(0).text())
                .isEqualTo("Commands: | !a — A | !b — B");
    }

    @Test
    void splitsLongTextAndPutsButtonsUnderTheLastPiece() {
        String text = "word ".repeat(1000).strip();
        List<Outbound> pieces = render(Reply.text(text).withButtons(Button.of("More", "more")), TELEGRAM);
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).buttons()).isEmpty();
        assertThat(pieces.get(1).buttons()).hasSize(1);
        assertThat(pieces).allSatisfy(p -> assertThat(p.replyToId()).contains("m1"));
    }

    @Test
    void rendersSeveralRepliesInOrder() {
        assertThat(render(Reply.of(Reply.text("a"), Reply.text("b")), TWITCH))
                .extracting(Outbound::text).containsExactly("a", "b");
        assertThat(render(Reply.none(), TWITCH)).isEmpty();
    }
}
