package dev.chorusbot.twitch;

import dev.chorusbot.core.Api;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One IRC line, parsed: IRCv3 tags, source (prefix), command and parameters.
 *
 * <pre>{@code
 * IrcMessage line = IrcMessage.parse("@id=abc :viktor!viktor@viktor.tmi.twitch.tv PRIVMSG #chorus :!hello");
 * line.command();      // "PRIVMSG"
 * line.nick();         // "viktor"
 * line.params();       // ["#chorus", "!hello"]
 * line.tags().get("id") // Optional["abc"]
 * }</pre>
 *
 * <p>The grammar is RFC 1459 section 2.3.1 with the IRCv3 message-tags extension; runs of spaces
 * between parts are tolerated, as modern servers and clients do. {@link #toLine()} writes the message
 * back and refuses any parameter or tag section containing CR, LF or NUL, so text from a chat user can
 * never smuggle a second command onto the connection.
 *
 * @param tags the IRCv3 tags, {@link IrcTags#none()} when the line had none
 * @param source the source (prefix) without its leading colon, or {@code ""} when the line had none
 * @param command the command in upper case ({@code PRIVMSG}) or a three-digit numeric ({@code 001})
 * @param params the parameters; the trailing one (after {@code " :"}) is the last and may contain spaces
 */
@Api(Api.Status.EXPERIMENTAL)
public record IrcMessage(IrcTags tags, String source, String command, List<String> params) {
    /**
     * Validates and copies the components.
     *
     * @param tags the IRCv3 tags, {@link IrcTags#none()} for none
     * @param source the source without its leading colon, or {@code ""}
     * @param command upper-case letters ({@code PRIVMSG}) or exactly three digits ({@code 001})
     * @param params the parameters, the trailing one last; copied
     * @throws NullPointerException if a component or a parameter is null
     * @throws IllegalArgumentException if {@code command} is neither upper-case letters nor three
     *     digits
     */
    public IrcMessage {
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(command, "command");
        params = List.copyOf(params);
        if (!isCommand(command)) {
            throw new IllegalArgumentException("'" + command + "' is not an IRC command");
        }
    }

    /**
     * A message with no tags and no source, as a client sends: {@code of("JOIN", "#chorus")}.
     *
     * @param command upper-case letters or three digits, such as {@code PRIVMSG}
     * @param params the parameters; the last may contain spaces, {@link #toLine()} adds its colon
     * @return the message
     * @throws NullPointerException if {@code command} or a parameter is null
     * @throws IllegalArgumentException if {@code command} is not an IRC command
     */
    public static IrcMessage of(String command, String... params) {
        return new IrcMessage(IrcTags.none(), "", command, Arrays.asList(params));
    }

    /**
     * A copy carrying {@code newTags}.
     *
     * @param newTags the tags of the copy, replacing these; {@link IrcTags#none()} for none
     * @return a message with the same source, command and parameters
     * @throws NullPointerException if {@code newTags} is null
     */
    public IrcMessage withTags(IrcTags newTags) {
        return new IrcMessage(newTags, source, command, params);
    }

    /**
     * Parses one line (a trailing CR LF, LF or CR is ignored).
     *
     * @param line one line as received, with or without its line ending
     * @return the message, its command in upper case
     * @throws NullPointerException if {@code line} is null
     * @throws IllegalArgumentException naming what is wrong when the line is not valid IRC: empty,
     *     tags or a source without a command, an invalid command, or a NUL or line break inside
     */
    public static IrcMessage parse(String line) {
        Objects.requireNonNull(line, "line");
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        if (end == 0) {
            throw new IllegalArgumentException("empty IRC line");
        }
        // String.indexOf is vectorised by the JIT: three scans beat one loop over every character.
        int bad = firstBreak(line, end);
        if (bad >= 0) {
            throw new IllegalArgumentException("IRC line contains a NUL or line break at index " + bad);
        }
        int i = 0;
        IrcTags tags = IrcTags.none();
        if (line.charAt(0) == '@') {
            int space = line.indexOf(' ', 1);
            if (space < 0 || space >= end) {
                throw new IllegalArgumentException("IRC line has tags but no command");
            }
            tags = IrcTags.parse(line, 1, space);
            i = skipSpaces(line, space, end);
        }
        String source = "";
        if (i < end && line.charAt(i) == ':') {
            int space = line.indexOf(' ', i + 1);
            if (space < 0 || space >= end) {
                throw new IllegalArgumentException("IRC line has a source but no command");
            }
            if (space == i + 1) {
                throw new IllegalArgumentException("IRC line has an empty source");
            }
            source = line.substring(i + 1, space);
            i = skipSpaces(line, space, end);
        }
        if (i >= end) {
            throw new IllegalArgumentException("IRC line has no command");
        }
        int commandEnd = line.indexOf(' ', i);
        if (commandEnd < 0 || commandEnd > end) {
            commandEnd = end;
        }
        String command = command(line, i, commandEnd);
        i = skipSpaces(line, commandEnd, end);
        return new IrcMessage(tags, source, command, params(line, i, end));
    }

    /** The parameters from {@code i} to {@code end}; one or two (as a PRIVMSG has) without a scratch array. */
    private static List<String> params(String line, int i, int end) {
        if (i >= end) {
            return List.of();
        }
        if (line.charAt(i) == ':') {
            return List.of(line.substring(i + 1, end));
        }
        int space = line.indexOf(' ', i);
        if (space < 0 || space > end) {
            return List.of(line.substring(i, end));
        }
        String first = line.substring(i, space);
        i = skipSpaces(line, space, end);
        if (i >= end) {
            return List.of(first);
        }
        if (line.charAt(i) == ':') {
            return List.of(first, line.substring(i + 1, end));
        }
        String[] found = new String[8];
        found[0] = first;
        int count = 1;
        while (i < end) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            if (line.charAt(i) == ':') {
                found[count++] = line.substring(i + 1, end);
                break;
            }
            space = line.indexOf(' ', i);
            if (space < 0 || space > end) {
                found[count++] = line.substring(i, end);
                break;
            }
            found[count++] = line.substring(i, space);
            i = skipSpaces(line, space, end);
        }
        return count == 2 ? List.of(found[0], found[1]) : List.of(Arrays.copyOf(found, count));
    }

    private static int firstBreak(String line, int end) {
        int first = before(line.indexOf('\0'), end, -1);
        first = before(line.indexOf('\r'), end, first);
        return before(line.indexOf('\n'), end, first);
    }

    private static int before(int at, int end, int first) {
        return at >= 0 && at < end && (first < 0 || at < first) ? at : first;
    }

    private static int skipSpaces(String line, int from, int end) {
        int i = from;
        while (i < end && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Commands Twitch sends most, returned without allocating. */
    private static final String[] COMMON = {"PRIVMSG", "USERNOTICE", "USERSTATE", "ROOMSTATE", "NOTICE", "PING",
        "CLEARCHAT", "CLEARMSG", "JOIN", "PART", "WHISPER"};

    private static String command(String line, int start, int end) {
        int length = end - start;
        for (String known : COMMON) {
            if (known.length() == length && line.startsWith(known, start)) {
                return known;
            }
        }
        String command = line.substring(start, end);
        if (!isCommand(command)) {
            String upper = command.toUpperCase(java.util.Locale.ROOT);
            if (!isCommand(upper) || upper.equals(command)) {
                throw new IllegalArgumentException("'" + command + "' is not an IRC command");
            }
            return upper;
        }
        return command;
    }

    /** Upper-case letters, or exactly three digits (RFC 1459 section 2.3.1). */
    private static boolean isCommand(String command) {
        int length = command.length();
        if (length == 0) {
            return false;
        }
        if (length == 3 && isDigit(command.charAt(0)) && isDigit(command.charAt(1)) && isDigit(command.charAt(2))) {
            return true;
        }
        for (int i = 0; i < length; i++) {
            char c = command.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The nick of the source ({@code viktor} in {@code viktor!viktor@viktor.tmi.twitch.tv}), or the
     * whole source.
     *
     * @return the source up to its {@code !}, the whole source when it has none, or {@code ""}
     *     for a line without source
     */
    public String nick() {
        int bang = source.indexOf('!');
        return bang < 0 ? source : source.substring(0, bang);
    }

    /**
     * Parameter {@code index}, or {@code ""} when there is no such parameter.
     *
     * @param index the parameter's position, from 0
     * @return the parameter, or {@code ""} past the last one
     * @throws IndexOutOfBoundsException if {@code index} is negative
     */
    public String param(int index) {
        return index < params.size() ? params.get(index) : "";
    }

    /**
     * The last parameter (the text of a PRIVMSG or NOTICE), or {@code ""} when there is none.
     *
     * @return the last parameter, or {@code ""}
     */
    public String trailing() {
        return params.isEmpty() ? "" : params.get(params.size() - 1);
    }

    /**
     * This message as one IRC line, without the terminating CR LF.
     *
     * @return the line, with {@code @} before the tags, {@code :} before the source and, where
     *     needed, before the last parameter
     * @throws IllegalArgumentException when a parameter or the tags contain CR, LF or NUL (user text
     *     must not start a second command), the tags contain a space, or a middle parameter is empty,
     *     contains a space or starts with a colon
     */
    public String toLine() {
        StringBuilder line = new StringBuilder(64 + tags.wire().length());
        if (!tags.isEmpty()) {
            // IrcTags.of escapes what it is given, but IrcTags.parse takes any text as the wire form.
            checkTags(tags.wire());
            line.append('@').append(tags.wire()).append(' ');
        }
        if (!source.isEmpty()) {
            checkNoBreaks(source, "source");
            line.append(':').append(source).append(' ');
        }
        line.append(command);
        int last = params.size() - 1;
        for (int p = 0; p <= last; p++) {
            String param = params.get(p);
            checkNoBreaks(param, "parameter " + (p + 1));
            line.append(' ');
            // The last of several parameters (chat text, a notice, a CLEARCHAT login) goes as a trailing
            // parameter, as Twitch writes it, even when it is one word; any parameter may be trailing.
            boolean needsColon = param.isEmpty() || param.indexOf(' ') >= 0 || param.charAt(0) == ':'
                    || (p == last && p > 0);
            if (needsColon) {
                if (p != last) {
                    throw new IllegalArgumentException("IRC parameter " + (p + 1) + " of " + command
                            + " is empty, contains a space or starts with ':' but is not the last");
                }
                line.append(':');
            }
            line.append(param);
        }
        return line.toString();
    }

    private void checkTags(String wire) {
        checkNoBreaks(wire, "tags");
        if (wire.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("refusing to send " + command
                    + ": its tags contain a space, which would end the tags");
        }
    }

    private void checkNoBreaks(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException("refusing to send " + command + ": its " + what
                        + (what.equals("tags") ? " contain a " : " contains a ") + (c == '\0' ? "NUL" : "line break")
                        + ", which would end the IRC line");
            }
        }
    }

    /**
     * The line as {@link #toLine()} writes it, or a description when it cannot be written. The
     * password of a {@code PASS} line is masked.
     */
    @Override
    public String toString() {
        if (command.equals("PASS")) {
            return "PASS ***";
        }
        try {
            return toLine();
        } catch (IllegalArgumentException e) {
            return "IrcMessage[" + command + " " + params + "]";
        }
    }
}
