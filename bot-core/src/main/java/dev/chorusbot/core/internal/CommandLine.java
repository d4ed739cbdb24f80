package dev.chorusbot.core.internal;

import dev.chorusbot.core.Argument;
import dev.chorusbot.core.Arguments;
import dev.chorusbot.core.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the text after a command name into words and parses them into typed {@link Arguments}.
 * A word in double quotes may hold spaces ({@code "two words"}); inside quotes {@code \"} is a
 * literal quote and {@code \\} a backslash, so a quoted word may end with one; any other backslash
 * stays as typed. A rest argument takes the remainder of the line exactly as typed.
 */
public final class CommandLine {
    private CommandLine() {}

    /** One word and where the text after it starts in the raw line. */
    record Word(String text, int start, int end) {}

    /** Splits {@code raw} into words. */
    static List<Word> words(String raw) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            StringBuilder word = new StringBuilder();
            if (raw.charAt(i) == '"') {
                i++;
                while (i < n && raw.charAt(i) != '"') {
                    char next = i + 1 < n ? raw.charAt(i + 1) : ' ';
                    if (raw.charAt(i) == '\\' && (next == '"' || next == '\\')) {
                        i++;
                    }
                    word.append(raw.charAt(i));
                    i++;
                }
                i = Math.min(i + 1, n); // past the closing quote, if there is one
            } else {
                while (i < n && !Character.isWhitespace(raw.charAt(i))) {
                    word.append(raw.charAt(i));
                    i++;
                }
            }
            words.add(new Word(word.toString(), start, i));
        }
        return words;
    }

    /**
     * Parses {@code raw} against {@code arguments}.
     *
     * @throws UsageException when a required argument is missing, a word does not parse, or there
     *     are more words than arguments
     */
    public static Arguments parse(List<Argument<?>> arguments, String raw) {
        if (arguments.isEmpty()) {
            return Arguments.empty();
        }
        List<Word> words = words(raw);
        Map<String, Object> values = new LinkedHashMap<>();
        int next = 0;
        for (Argument<?> argument : arguments) {
            if (next >= words.size()) {
                if (!argument.isOptional()) {
                    throw UsageException.localized("arg.missing", argument.name());
                }
                argument.defaultValue().ifPresent(v -> values.put(argument.name(), v));
                continue;
            }
            if (argument.kind() == Argument.Kind.REST) {
                values.put(argument.name(), raw.substring(words.get(next).start()).strip());
                next = words.size();
            } else {
                values.put(argument.name(), argument.parse(words.get(next).text()));
                next++;
            }
        }
        if (next < words.size()) {
            throw UsageException.localized("arg.tooMany");
        }
        return Arguments.of(values);
    }
}
