package dev.chorusbot.core.internal;

import dev.chorusbot.core.Format;
import java.util.regex.Pattern;

/** Turns formatted text into plain text for platforms that do not render the format. */
public final class Markup {
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)]*)\\)");
    private static final Pattern MD_MARK = Pattern.compile("(?<!\\\\)(\\*|__|_|~|\\|\\||```|`)");
    private static final Pattern MD_ESCAPE = Pattern.compile("\\\\([_*\\[\\]()~`>#+\\-=|{}.!\\\\])");

    private Markup() {}

    /** {@code text} in {@code format} with the markup removed. */
    public static String toPlain(String text, Format format) {
        switch (format) {
            case HTML: {
                String plain = HTML_TAG.matcher(text).replaceAll("");
                return plain.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                        .replace("&amp;", "&");
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
}
