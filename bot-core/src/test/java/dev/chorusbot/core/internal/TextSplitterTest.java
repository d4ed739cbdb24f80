package dev.chorusbot.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorusbot.core.Capabilities.LengthUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void aLimitTooSmallForOneCharacterStillEnds() {
        // One UTF-16 unit cannot hold a surrogate pair: each emoji becomes its own piece instead of
        // the split producing empty pieces forever.
        List<String> pieces = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> TextSplitter.split("\ud83d\ude00\ud83d\ude01a", 1, LengthUnit.UTF16));
        assertThat(pieces).containsExactly("\ud83d\ude00", "\ud83d\ude01", "a");
    }

    @Test
    void shortTextStaysWhole() {
        assertThat(TextSplitter.split("hello", 10, LengthUnit.UTF16)).containsExactly("hello");
    }

    @Test
    void prefersParagraphBreaks() {
        String text = "first paragraph\n\nsecond one here";
        assertThat(TextSplitter.split(text, 20, LengthUnit.UTF16))
                .containsExactly("first paragraph", "second one here");
    }

    @Test
    void thenLineBreaks() {
        assertThat(TextSplitter.split("line one\nline two", 12, LengthUnit.UTF16))
                .containsExactly("line one", "line two");
    }

    @Test
    void thenSpaces() {
        assertThat(TextSplitter.split("aaa bbb ccc ddd", 8, LengthUnit.UTF16))
                .containsExactly("aaa bbb", "ccc ddd");
    }

    @Test
    void cutsAWordOnlyWhenItAloneIsTooLong() {
        assertThat(TextSplitter.split("abcdefghij", 4, LengthUnit.UTF16)).containsExactly("abcd", "efgh", "ij");
    }

    @Test
    void neverCutsInsideASurrogatePair() {
        String text = "abc\uD83D\uDE00def"; // the emoji is two UTF-16 units
        List<String> pieces = TextSplitter.split(text, 4, LengthUnit.UTF16);
        assertThat(pieces).containsExactly("abc", "\uD83D\uDE00de", "f");
        pieces.forEach(p -> assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse());
    }

    @Test
    void countsCodePointsWhereThePlatformDoes() {
        String emoji = "\uD83D\uDE00".repeat(6);
        assertThat(TextSplitter.split(emoji, 5, LengthUnit.CODE_POINTS))
                .containsExactly("\uD83D\uDE00".repeat(5), "\uD83D\uDE00");
        assertThat(TextSplitter.split(emoji, 5, LengthUnit.UTF16))
                .containsExactly("\uD83D\uDE00".repeat(2), "\uD83D\uDE00".repeat(2), "\uD83D\uDE00".repeat(2));
    }

    @Test
    void everyPieceFitsAndNothingIsLost() {
        String text = ("The quick brown fox jumps over the lazy dog. ".repeat(200) + "\n\n").repeat(3);
        List<String> pieces = TextSplitter.split(text, 4096, LengthUnit.UTF16);
        assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
        assertThat(String.join("", pieces).replaceAll("\\s", "")).isEqualTo(text.replaceAll("\\s", ""));
    }
}
