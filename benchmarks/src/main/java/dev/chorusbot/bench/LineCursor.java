package dev.chorusbot.bench;

/**
 * Hands out sample lines in turn, one per operation, so consecutive operations never see the same
 * line. Not thread-safe: each benchmark state holds its own.
 */
public final class LineCursor {
    private final String[] lines;
    private final int mask;
    private int next;

    /**
     * A cursor over {@code lines}.
     *
     * @param lines the lines; their count must be a power of two (the wrap is a mask, cheaper than
     *     a division inside the measured loop)
     * @throws IllegalArgumentException if the count is not a power of two
     */
    public LineCursor(String[] lines) {
        if (Integer.bitCount(lines.length) != 1) {
            throw new IllegalArgumentException("the line count must be a power of two, was " + lines.length);
        }
        this.lines = lines.clone();
        this.mask = lines.length - 1;
    }

    /**
     * The next line.
     *
     * @return the line after the one returned last, wrapping around
     */
    public String next() {
        String line = lines[next];
        next = (next + 1) & mask;
        return line;
    }
}
