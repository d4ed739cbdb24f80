package dev.chorusbot.core.internal;

import dev.chorusbot.core.Format;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns formatted text into plain text for platforms that do not render the format. */
public final class Markup {
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    // Telegram's HTML style: "All numerical HTML entities are supported. The API currently supports
    // only the following named HTML entities: &lt;, &gt;, &amp; and &quot;."
    // (https://core.telegram.org/bots/api#html-style)
    private static final Pattern HTML_ENTITY =
            Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));");

    private Markup() {}

    /** {@code text} in {@code format} with the markup removed. */
    public static String toPlain(String text, Format format) {
        switch (format) {
            case HTML: {
                String plain = HTML_TAG.matcher(text).replaceAll("");
                // One pass, so that a decoded '&' never starts another entity (&amp;lt; is "&lt;").
                return HTML_ENTITY.matcher(plain).replaceAll(entity -> Matcher.quoteReplacement(decode(entity)));
            }
            case MARKDOWN:
                return markdownToPlain(text);
            default:
                return text;
        }
    }

    /**
     * Telegram MarkdownV2 without its markup. The rules
     * (https://core.telegram.org/bots/api#markdownv2-style): any character may be escaped with a
     * backslash; inside {@code `code`} and {@code ```pre```} only {@code `} and {@code \} are
     * escaped and everything else is literal; inside a link's {@code (...)} only {@code )} and
     * {@code \} are; a pre block's first line may name its language.
     */
    private static String markdownToPlain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n) {
                out.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (text.startsWith("```", i)) {
                int end = closing(text, i + 3, "```");
                if (end >= 0) {
                    String body = text.substring(i + 3, end);
                    int newline = body.indexOf('\n');
                    if (newline >= 0 && body.substring(0, newline).chars().noneMatch(Character::isWhitespace)) {
                        body = body.substring(newline + 1); // the language line
                    }
                    out.append(unescape(body));
                    i = end + 3;
                    continue;
                }
            } else if (c == '`') {
                int end = closing(text, i + 1, "`");
                if (end >= 0) {
                    out.append(unescape(text.substring(i + 1, end)));
                    i = end + 1;
                    continue;
                }
            } else if (c == '[' || (c == '!' && text.startsWith("[", i + 1))) {
                // [label](url), or ![emoji](tg://emoji?id=...) for a custom emoji shown as its emoji
                int open = c == '[' ? i : i + 1;
                int close = closing(text, open + 1, "]");
                int urlEnd = close >= 0 && text.startsWith("(", close + 1) ? closing(text, close + 2, ")") : -1;
                if (urlEnd >= 0) {
                    out.append(markdownToPlain(text.substring(open + 1, close)));
                    if (c == '[') {
                        out.append(" (").append(unescape(text.substring(close + 2, urlEnd))).append(')');
                    }
                    i = urlEnd + 1;
                    continue;
                }
            }
            if (c == '*' || c == '_' || c == '~' || c == '`') {
                i++; // bold, italic, underline, strikethrough, or an unpaired code mark
            } else if (text.startsWith("||", i)) {
                i += 2; // spoiler
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where the next unescaped {@code token} starts at or after {@code from}; -1 when there is none. */
    private static int closing(String text, int from, String token) {
        for (int j = from; j < text.length(); j++) {
            if (text.charAt(j) == '\\') {
                j++;
            } else if (text.startsWith(token, j)) {
                return j;
            }
        }
        return -1;
    }

    /** {@code text} with each backslash escape replaced by the character it escapes. */
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int j = 0; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\' && j + 1 < text.length()) {
                c = text.charAt(++j);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String decode(MatchResult entity) {
        if (entity.group(3) != null) {
            switch (entity.group(3)) {
                case "lt":
                    return "<";
                case "gt":
                    return ">";
                case "amp":
                    return "&";
                default:
                    return "\"";
            }
        }
        int codePoint = entity.group(1) != null
                ? Integer.parseInt(entity.group(1))
                : Integer.parseInt(entity.group(2), 16);
        boolean valid = codePoint > 0 && codePoint <= Character.MAX_CODE_POINT
                && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
        return valid ? Character.toString(codePoint) : entity.group(); // no character: keep it as written
    }
}
