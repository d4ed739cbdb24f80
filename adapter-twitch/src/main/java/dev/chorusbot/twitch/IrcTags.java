package dev.chorusbot.twitch;

import dev.chorusbot.core.Api;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The IRCv3 message tags of one line ({@code @id=abc;display-name=Viktor}), immutable.
 *
 * <p>Values are unescaped when read, following the IRCv3 message-tags specification
 * (https://ircv3.net/specs/extensions/message-tags): {@code \:} is a semicolon, {@code \s} a space,
 * {@code \\} a backslash, {@code \r} and {@code \n} CR and LF; any other escaped character stands for
 * itself and a lone backslash at the end is dropped. A tag written without a value ({@code flags})
 * and one with an empty value ({@code flags=}) both read as {@code ""}, as the specification asks, but
 * are kept apart ({@link #hasExplicitValue(String)}) so that a parsed line is written back unchanged.
 * When a key occurs twice, the last value wins.
 *
 * <p>Parsing only records where the tags are; the first read indexes them (where each key and value
 * starts and ends) and values are unescaped when asked for, which keeps reading a chat line cheap when
 * a bot looks at three of its twenty tags, and free when it looks at none. Instances are immutable and
 * safe to share between threads.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class IrcTags {
    private static final IrcTags NONE = new IrcTags("", 0, 0, Index.EMPTY);

    /** The text holding the tags (often the whole line: parsing does not copy it). */
    private final String raw;
    /** Where the tags start and end in {@code raw}. */
    private final int start;
    private final int end;
    /**
     * The wire form, cut from {@code raw} when first asked for. Racing threads may each cut one; they
     * are equal, and a String is safe to publish without a lock.
     */
    private String wire;
    /**
     * Where the tags are, built by the first read. Racing threads may each build one; they are equal,
     * and an {@link Index} (final fields only) is safe to publish without a lock.
     */
    private Index index;

    private IrcTags(String raw, int start, int end, Index index) {
        this.raw = raw;
        this.start = start;
        this.end = end;
        this.index = index;
    }

    /**
     * No tags.
     *
     * @return the shared empty instance
     */
    public static IrcTags none() {
        return NONE;
    }

    /**
     * Tags with the given keys and (unescaped) values, in the map's iteration order.
     *
     * @param tags tag name to unescaped value; every value is written with {@code =}, so an empty
     *     value reads back as {@code ""} with {@link #hasExplicitValue(String)} true
     * @return the tags, or {@link #none()} when the map is empty
     * @throws NullPointerException if the map, a key or a value is null
     * @throws IllegalArgumentException when a key is empty or contains a space, {@code ;}, {@code =},
     *     a line break or NUL, or a value contains NUL (which has no escape)
     */
    public static IrcTags of(Map<String, String> tags) {
        Objects.requireNonNull(tags, "tags");
        if (tags.isEmpty()) {
            return NONE;
        }
        StringBuilder wire = new StringBuilder(tags.size() * 16);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = Objects.requireNonNull(tag.getKey(), "tag key");
            String value = Objects.requireNonNull(tag.getValue(), () -> "value of tag " + key);
            checkKey(key);
            if (wire.length() > 0) {
                wire.append(';');
            }
            wire.append(key).append('=');
            escape(value, wire);
        }
        return parse(wire.toString());
    }

    /**
     * One tag.
     *
     * @param key the tag name, such as {@code reply-parent-msg-id}
     * @param value the unescaped value; may be empty
     * @return the one tag
     * @throws NullPointerException if {@code key} or {@code value} is null
     * @throws IllegalArgumentException on the same bad keys and values as {@link #of(Map)}
     */
    public static IrcTags of(String key, String value) {
        return of(Map.of(key, value));
    }

    /**
     * Reads the tag section of a line, without its leading {@code @}. Empty tags ({@code a=1;;b=2})
     * are ignored.
     *
     * @param wire the escaped tags as sent, such as {@code id=abc;display-name=Viktor}
     * @return the tags, or {@link #none()} when {@code wire} holds none
     */
    public static IrcTags parse(String wire) {
        return parse(wire, 0, wire.length());
    }

    /**
     * The tag section found in {@code line} between {@code start} and {@code end}, without copying or
     * reading it: the tags are indexed when first read.
     */
    static IrcTags parse(String line, int start, int end) {
        return start >= end ? NONE : new IrcTags(line, start, end, null);
    }

    /**
     * Per tag: key start, key end, tag end. A value exists when tag end > key end (the '=' sits at key
     * end). Immutable once built.
     */
    private static final class Index {
        static final Index EMPTY = new Index(new int[0], 0, Integer.MAX_VALUE);

        final int[] bounds;
        final int count;
        /** The first backslash in the tags, or {@link Integer#MAX_VALUE}: values before it need no unescaping. */
        final int firstEscape;

        Index(int[] bounds, int count, int firstEscape) {
            this.bounds = bounds;
            this.count = count;
            this.firstEscape = firstEscape;
        }
    }

    private Index index() {
        Index built = index;
        return built != null ? built : buildIndex();
    }

    private Index buildIndex() {
        String raw = this.raw;
        int start = this.start;
        int end = this.end;
        int[] bounds = new int[96]; // Twitch chat lines carry 15 to 30 tags
        int count = 0;
        int tagStart = start;
        while (tagStart <= end) {
            int tagEnd = raw.indexOf(';', tagStart);
            if (tagEnd < 0 || tagEnd > end) {
                tagEnd = end;
            }
            if (tagEnd > tagStart) {
                int equals = raw.indexOf('=', tagStart);
                int keyEnd = equals < 0 || equals > tagEnd ? tagEnd : equals;
                // A tag with an empty key ("=x") is no tag.
                if (keyEnd > tagStart) {
                    if (count * 3 + 3 > bounds.length) {
                        bounds = Arrays.copyOf(bounds, bounds.length * 2);
                    }
                    bounds[count * 3] = tagStart;
                    bounds[count * 3 + 1] = keyEnd;
                    bounds[count * 3 + 2] = tagEnd;
                    count++;
                }
            }
            tagStart = tagEnd + 1;
        }
        int slash = raw.indexOf('\\', start);
        Index built = new Index(bounds, count, slash < 0 || slash >= end ? Integer.MAX_VALUE : slash);
        index = built;
        return built;
    }

    /**
     * The number of tags (a repeated key counts each time).
     *
     * @return the count of tags, 0 for none
     */
    public int size() {
        return index().count;
    }

    /**
     * True when the line carried no tags.
     *
     * @return whether there are no tags
     */
    public boolean isEmpty() {
        return this == NONE || index().count == 0;
    }

    /**
     * True when a tag named {@code key} is present, with or without a value.
     *
     * @param key the tag name, matched exactly (case-sensitive)
     * @return whether the tag is present
     */
    public boolean contains(String key) {
        return find(index(), key) >= 0;
    }

    /**
     * The unescaped value of {@code key}: empty when the tag is absent, {@code ""} when it is present
     * without a value or with an empty one.
     *
     * @param key the tag name, matched exactly (case-sensitive)
     * @return the value, or empty when the tag is absent
     */
    public Optional<String> get(String key) {
        Index tags = index();
        int tag = find(tags, key);
        return tag < 0 ? Optional.empty() : Optional.of(valueAt(tags, tag));
    }

    /**
     * The unescaped value of {@code key}, or {@code fallback} when the tag is absent or empty.
     *
     * @param key the tag name, matched exactly (case-sensitive)
     * @param fallback what to return for an absent or empty tag; may be null
     * @return the value, or {@code fallback}
     */
    public String getOrDefault(String key, String fallback) {
        Index tags = index();
        int tag = find(tags, key);
        if (tag < 0) {
            return fallback;
        }
        String value = valueAt(tags, tag);
        return value.isEmpty() ? fallback : value;
    }

    /**
     * True when {@code key} is written with an {@code =} ({@code flags=} or {@code flags=x}), false
     * when it is written bare ({@code flags}) or is absent.
     *
     * @param key the tag name, matched exactly (case-sensitive)
     * @return whether the tag is present and written with {@code =}
     */
    public boolean hasExplicitValue(String key) {
        Index tags = index();
        int tag = find(tags, key);
        return tag >= 0 && tags.bounds[tag * 3 + 2] > tags.bounds[tag * 3 + 1];
    }

    /**
     * All tags, unescaped, in wire order; for a repeated key the last value wins.
     *
     * @return an unmodifiable map of tag name to unescaped value; empty for no tags
     */
    public Map<String, String> asMap() {
        Index tags = index();
        Map<String, String> map = new LinkedHashMap<>();
        for (int tag = 0; tag < tags.count; tag++) {
            map.put(keyAt(tags, tag), valueAt(tags, tag));
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The tags as written on the wire, without the leading {@code @}; escaped.
     *
     * @return the escaped tag section, {@code ""} for no tags
     */
    public String wire() {
        String text = wire;
        if (text == null) {
            // A section with no tag in it (";;" or "=x") is written as none, as it is read.
            text = isEmpty() ? "" : start == 0 && end == raw.length() ? raw : raw.substring(start, end);
            wire = text;
        }
        return text;
    }

    /** The last tag whose key is {@code key}, or -1. */
    private int find(Index tags, String key) {
        int[] bounds = tags.bounds;
        int keyLength = key.length();
        if (keyLength == 0) {
            return -1;
        }
        char first = key.charAt(0);
        for (int tag = tags.count - 1; tag >= 0; tag--) {
            int start = bounds[tag * 3];
            // Keys of one length mostly differ in their first letter (user-id, room-id): test it first.
            if (bounds[tag * 3 + 1] - start == keyLength && raw.charAt(start) == first
                    && raw.regionMatches(start + 1, key, 1, keyLength - 1)) {
                return tag;
            }
        }
        return -1;
    }

    private String keyAt(Index tags, int tag) {
        return raw.substring(tags.bounds[tag * 3], tags.bounds[tag * 3 + 1]);
    }

    private String valueAt(Index tags, int tag) {
        int valueStart = tags.bounds[tag * 3 + 1] + 1;
        int valueEnd = tags.bounds[tag * 3 + 2];
        if (valueStart >= valueEnd) {
            return "";
        }
        if (valueEnd <= tags.firstEscape) {
            return raw.substring(valueStart, valueEnd);
        }
        int slash = raw.indexOf('\\', valueStart);
        if (slash < 0 || slash >= valueEnd) {
            return raw.substring(valueStart, valueEnd);
        }
        return unescape(raw, valueStart, valueEnd);
    }

    /** Unescapes a tag value as the message-tags specification describes. */
    static String unescape(String text, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 == end) {
                break; // a lone trailing backslash is dropped
            }
            char escaped = text.charAt(++i);
            switch (escaped) {
                case ':' -> out.append(';');
                case 's' -> out.append(' ');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                default -> out.append(escaped); // "\\" and unknown escapes keep the character
            }
        }
        return out.toString();
    }

    /** Escapes a tag value for the wire. */
    static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ';' -> out.append("\\:");
                case ' ' -> out.append("\\s");
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\0' -> throw new IllegalArgumentException("an IRC tag value cannot contain NUL");
                default -> out.append(c);
            }
        }
    }

    private static void checkKey(String key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("an IRC tag key must not be empty");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ' ' || c == ';' || c == '=' || c == '\r' || c == '\n' || c == '\0' || c == '\\') {
                throw new IllegalArgumentException("IRC tag key '" + printable(key) + "' contains a forbidden character");
            }
        }
    }

    private static String printable(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IrcTags tags && tags.wire().equals(wire());
    }

    @Override
    public int hashCode() {
        return wire().hashCode();
    }

    /** The wire form, as {@link #wire()}. */
    @Override
    public String toString() {
        return wire();
    }
}
