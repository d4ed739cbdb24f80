package dev.chorusbot.core.internal;

import dev.chorusbot.core.Capabilities.LengthUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into pieces no longer than a platform's limit, preferring paragraph breaks, then
 * line breaks, then spaces, and cutting a word only when it alone is too long. Never cuts inside a
 * surrogate pair.
 */
public final class TextSplitter {
    private TextSplitter() {}

    /**
     * Splits {@code text} into pieces of at most {@code max} units; only a character that alone is
     * longer than {@code max} (a surrogate pair when {@code max} is one UTF-16 unit) makes a piece
     * of its own that is longer.
     */
    public static List<String> split(String text, int max, LengthUnit unit) {
        Checks.positive(max, "max");
        if (text.length() <= max) { // a fast path: no unit counts a text longer than its UTF-16 length
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (length(rest, unit) > max) {
            int limit = charIndexOf(rest, max, unit); // chars that fit
            int cut = lastBreak(rest, limit);
            String piece = rest.substring(0, cut).stripTrailing();
            if (piece.isEmpty()) { // only white space before the break: cut hard instead
                cut = limit;
                piece = rest.substring(0, cut);
            }
            pieces.add(piece);
            rest = stripLeadingBreaks(rest.substring(cut));
        }
        if (!rest.isEmpty() || pieces.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** The length of {@code text} in {@code unit}s. */
    public static int length(String text, LengthUnit unit) {
        return unit == LengthUnit.UTF16 ? text.length() : text.codePointCount(0, text.length());
    }

    private static int charIndexOf(String text, int units, LengthUnit unit) {
        int index = unit == LengthUnit.UTF16 ? units : text.offsetByCodePoints(0, units);
        if (index > 0 && index < text.length()
                && Character.isHighSurrogate(text.charAt(index - 1))
                && Character.isLowSurrogate(text.charAt(index))) {
            index--; // never split a surrogate pair
        }
        // A limit of one UTF-16 unit cannot hold a pair: the pair then goes alone, over the limit,
        // rather than the split cutting empty pieces forever.
        return index == 0 ? text.offsetByCodePoints(0, 1) : index;
    }

    private static int lastBreak(String text, int limit) {
        // A break at index i means: the piece is text[0, i) and the next starts after white space.
        int paragraph = text.lastIndexOf("\n\n", limit - 1);
        if (paragraph > 0) {
            return paragraph;
        }
        int line = text.lastIndexOf('\n', limit);
        if (line > 0) {
            return line;
        }
        for (int i = Math.min(limit, text.length() - 1); i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return limit;
    }

    private static String stripLeadingBreaks(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.substring(i);
    }
}
