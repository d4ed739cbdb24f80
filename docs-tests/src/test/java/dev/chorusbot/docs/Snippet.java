package dev.chorusbot.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fenced {@code ```java} block of a Markdown page, and how it is compiled.
 *
 * @param page the Markdown file, relative to the repository root (as it is printed in failures)
 * @param firstLine the page's line number (1-based) of the block's first code line
 * @param code the block's code, with the fence's indentation removed
 * @param kind how the block is compiled
 * @param notCompiledReason the reason given in a {@code <!-- not compiled: … -->} marker, or empty
 */
record Snippet(Path page, int firstLine, String code, Kind kind, Optional<String> notCompiledReason) {

    /** How a block becomes Java source; see {@link DocSnippetsTest} for the rules. */
    enum Kind {
        /** A whole compilation unit: it has a {@code package} or an {@code import} line. */
        FILE,
        /** Class-body declarations (methods, fields, nested types), placed in the page's snippet class. */
        MEMBERS,
        /** Statements, placed in a method of the page's snippet class. */
        STATEMENTS
    }

    private static final Pattern FENCE_OPEN = Pattern.compile("^(\\s*)```java\\s*$");
    private static final Pattern FENCE_CLOSE = Pattern.compile("^\\s*```\\s*$");
    private static final Pattern NOT_COMPILED = Pattern.compile("^\\s*<!--\\s*not compiled:(.*?)-->\\s*$");
    private static final Pattern COMPILED_AS = Pattern.compile("^\\s*<!--\\s*compiled as (file|members|statements)\\s*-->\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*(not compiled|compiled as)\\b.*");
    private static final Pattern FILE_LINE = Pattern.compile("^(package|import)\\s+[\\w.]+.*;\\s*$");
    private static final Pattern MEMBER_START = Pattern.compile(
            "^(@\\w|((public|protected|private|static|abstract|final|sealed)\\s+)*(class|interface|enum|record)\\s"
                    + "|(public|protected|private|static)\\s)");

    /**
     * Reads every {@code ```java} block of a page.
     *
     * @param page the page's path relative to the repository root
     * @param markdown the page's text
     * @return the page's Java blocks, in order
     * @throws IllegalArgumentException when a block is not closed, or a marker is malformed (a
     *     {@code not compiled} marker without a reason), naming the page and line
     */
    static List<Snippet> parse(Path page, String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE_OPEN.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            int indent = open.group(1).length();
            int start = i + 1;
            int end = start;
            while (end < lines.length && !FENCE_CLOSE.matcher(lines[end]).matches()) {
                end++;
            }
            if (end == lines.length) {
                throw new IllegalArgumentException(page + ":" + (i + 1) + ": the ```java block is never closed");
            }
            StringBuilder code = new StringBuilder();
            for (int j = start; j < end; j++) {
                String line = lines[j];
                int strip = 0;
                while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
                    strip++;
                }
                code.append(line.substring(strip)).append('\n');
            }
            int markerIndex = markerBefore(lines, i);
            String marker = markerIndex < 0 ? null : lines[markerIndex];
            Optional<String> reason = Optional.empty();
            Kind kind = null;
            if (marker != null) {
                Matcher notCompiled = NOT_COMPILED.matcher(marker);
                Matcher compiledAs = COMPILED_AS.matcher(marker);
                if (notCompiled.matches() && !notCompiled.group(1).isBlank()) {
                    reason = Optional.of(notCompiled.group(1).strip());
                } else if (compiledAs.matches()) {
                    kind = Kind.valueOf(compiledAs.group(1).toUpperCase(java.util.Locale.ROOT));
                } else {
                    throw new IllegalArgumentException(page + ":" + (markerIndex + 1) + ": malformed snippet marker '"
                            + marker.strip() + "': write <!-- not compiled: <the reason> --> or"
                            + " <!-- compiled as file|members|statements -->");
                }
            }
            String text = code.toString();
            snippets.add(new Snippet(page, start + 1, text, kind != null ? kind : kindOf(text), reason));
            i = end;
        }
        return snippets;
    }

    /** The index of the marker comment on the last non-blank line before the fence, or -1. */
    private static int markerBefore(String[] lines, int fence) {
        for (int k = fence - 1; k >= 0; k--) {
            if (lines[k].isBlank()) {
                continue;
            }
            return MARKER.matcher(lines[k]).matches() ? k : -1;
        }
        return -1;
    }

    /**
     * The kind a block's text implies: a {@code package} or {@code import} line at the start of a
     * line makes it a file; a first code line that starts with an annotation, an access or
     * {@code static} modifier, or a type declaration makes it members; anything else is statements.
     *
     * @param code the block's code
     * @return its kind
     */
    static Kind kindOf(String code) {
        String first = null;
        for (String line : code.split("\n")) {
            if (FILE_LINE.matcher(line).matches()) {
                return Kind.FILE;
            }
            String trimmed = line.strip();
            if (first == null && !trimmed.isEmpty() && !trimmed.startsWith("//")) {
                first = line;
            }
        }
        return first != null && MEMBER_START.matcher(first).find() ? Kind.MEMBERS : Kind.STATEMENTS;
    }

    /**
     * Where the block is, as failures print it.
     *
     * @return {@code page:line} of the block's first code line
     */
    String location() {
        return page + ":" + firstLine;
    }
}
