package dev.chorusbot.core.webhook;

import java.util.Arrays;

/**
 * The body of one request, taken from the bytes as they arrive: {@code Content-Length} bytes, or a
 * chunked body (RFC 9112 §7.1) with its chunk extensions and trailer fields skipped. At most
 * {@code keep} bytes are kept: a body past the host's limit stops being read there, so the routes
 * see that it is too large and the connection closes after the answer.
 */
final class HttpBody {
    private static final int SIZE = 0;
    private static final int DATA = 1;
    private static final int DATA_END = 2;
    private static final int TRAILER = 3;
    private static final int DONE = 4;
    /** The longest chunk-size line (with extensions) or trailer section accepted. */
    private static final int MAX_LINE = 8192;

    private final int keep;
    private final boolean chunked;
    private byte[] bytes;
    private int size;
    private long remaining; // Content-Length bytes still to come, or the current chunk's
    private int state;
    private int lineBytes;
    private int digits;
    private boolean extension;
    private boolean truncated;

    private HttpBody(int keep, boolean chunked, long length) {
        this.keep = keep;
        this.chunked = chunked;
        this.remaining = chunked ? 0 : length;
        this.bytes = new byte[(int) Math.min(chunked ? 1024 : length, keep)];
        this.state = chunked ? SIZE : DATA;
    }

    /** A body of {@code length} bytes, of which at most {@code keep} are kept. */
    static HttpBody ofLength(long length, int keep) {
        return new HttpBody(keep, false, length);
    }

    /** A chunked body, of which at most {@code keep} bytes are kept. */
    static HttpBody chunked(int keep) {
        return new HttpBody(keep, true, -1);
    }

    /** Whether the body is complete, or as much of it was read as is kept. */
    boolean complete() {
        return state == DONE || truncated;
    }

    /** Whether reading stopped at the limit, leaving the rest of the body unread. */
    boolean truncated() {
        return truncated;
    }

    /** The bytes kept. */
    byte[] bytes() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    /**
     * Takes body bytes from {@code buf[from, to)} until the body is complete.
     *
     * @return the index of the first byte not taken (the next request's, when complete)
     * @throws HttpProtocolException when the chunked framing is malformed
     */
    int take(byte[] buf, int from, int to) throws HttpProtocolException {
        int at = from;
        while (at < to && !complete()) {
            switch (state) {
                case DATA -> {
                    int n = (int) Math.min(remaining, to - at);
                    keep(buf, at, n);
                    at += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = chunked ? DATA_END : DONE;
                    }
                }
                case SIZE -> at = sizeByte(buf[at], at);
                case DATA_END -> {
                    byte b = buf[at++];
                    if (b == '\n') {
                        startSizeLine();
                    } else if (b != '\r') {
                        throw malformed();
                    }
                }
                case TRAILER -> {
                    byte b = buf[at++];
                    if (b == '\n') {
                        if (lineBytes == 0) {
                            state = DONE;
                        }
                        lineBytes = 0;
                    } else if (b != '\r') {
                        lineBytes++;
                        if (lineBytes > MAX_LINE) {
                            throw malformed();
                        }
                    }
                }
                default -> throw new IllegalStateException("body already complete");
            }
        }
        return at;
    }

    private int sizeByte(byte b, int at) throws HttpProtocolException {
        if (++lineBytes > MAX_LINE) {
            throw malformed();
        }
        if (b == '\n') {
            if (digits == 0) {
                throw malformed();
            }
            if (remaining == 0) {
                state = TRAILER; // the last chunk; trailer fields follow, then an empty line
                lineBytes = 0;
            } else {
                state = DATA;
            }
        } else if (extension || b == '\r') {
            // chunk extensions are ignored (RFC 9112 §7.1.1)
        } else if (b == ';') {
            extension = true;
        } else if (b == ' ' || b == '\t') {
            if (digits == 0) {
                throw malformed();
            }
        } else {
            int value = Character.digit(b, 16);
            if (value < 0 || ++digits > 15) {
                throw malformed();
            }
            remaining = remaining * 16 + value;
        }
        return at + 1;
    }

    private void startSizeLine() {
        state = SIZE;
        lineBytes = 0;
        digits = 0;
        extension = false;
        remaining = 0;
    }

    private void keep(byte[] buf, int from, int n) {
        int room = keep - size;
        int copied = Math.min(n, room);
        if (size + copied > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(keep, Math.max((long) bytes.length * 2, size + copied)));
        }
        System.arraycopy(buf, from, bytes, size, copied);
        size += copied;
        if (size == keep && (n > copied || !lastBytes(n))) {
            truncated = true;
        }
    }

    /** Whether {@code n} bytes end the body (a Content-Length body's last bytes). */
    private boolean lastBytes(int n) {
        return !chunked && remaining == n;
    }

    private static HttpProtocolException malformed() {
        return new HttpProtocolException(400, "Bad Request: malformed chunked body");
    }
}
