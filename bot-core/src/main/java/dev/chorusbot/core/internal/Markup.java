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
    private static final Pattern HTML_ENTITY = Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)]*)\\)");
    private static final Pattern MD_MARK = Pattern.compile("(?<!\\\\)(\\*|__|_|~|\\|\\||```|`)");
    private static final Pattern MD_ESCAPE = Pattern.compile("\\\\([_*\\[\\]()~`>#+\\-=|{}.!\\\\])");

    private Markup() {}

    /** {@code text} in {@code format} with the markup removed. */
    public static String toPlain(String text, Format format) {
        switch (format) {
            case HTML: {
                String plain = HTML_TAG.matcher(text).replaceAll("");
                // One pass, so that a decoded '&' never starts another entity (&amp;lt; is "&lt;").
                return HTML_ENTITY.matcher(plain).replaceAll(entity -> Matcher.quoteReplacement(decode(entity)));
            }
            case MARKDOWN: {
                String plain = MD_LINK.matcher(text).replaceAll("$1 ($2)");
                plain = MD_MARK.matcher(plain).replaceAll("");
                return MD_ESCAPE.matcher(plain).replaceAll("$1");
            }
            default:
                return text;
        }
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
