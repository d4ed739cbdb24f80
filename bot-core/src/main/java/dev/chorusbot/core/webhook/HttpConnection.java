package dev.chorusbot.core.webhook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * One client connection of the {@link HttpFrontEnd}: reads requests without blocking and hands
 * each complete one on. Only the front end's selector thread touches it, except for the answer,
 * which a serving thread writes while the connection waits ({@link State#SERVING}).
 */
final class HttpConnection {
    private static final int INITIAL_BUFFER = 4096;

    /** Where the connection is in its request/answer cycle. */
    enum State {
        /** Waiting for a request line and header fields; the header deadline runs. */
        HEAD,
        /** Reading a body; the body deadline runs. */
        BODY,
        /** A complete request is with a serving thread; no deadline runs. */
        SERVING,
        /** An answer waits for the client to read it. */
        WRITING,
        /** The answer was sent and the connection closes once the client stops sending. */
        DRAINING,
        /** Closed. */
        CLOSED
    }

    final SocketChannel channel;
    SelectionKey key;
    State state = State.HEAD;
    /** When the current phase must end, in {@link System#nanoTime()}; 0 for no limit. */
    long deadline;
    /** When the connection last became idle between requests, in {@link System#nanoTime()}. */
    long idleSince;
    /** Whether the connection closes after the current answer. */
    boolean closeAfter;
    HttpHead head;
    ByteBuffer pending;
    /** Reports the answer in {@link #pending} undelivered, should the connection close before it is written. */
    Runnable unwritten;

    private byte[] buf = new byte[INITIAL_BUFFER];
    private ByteBuffer view = ByteBuffer.wrap(buf);
    private int len;
    private int scanned;
    private HttpBody body;

    HttpConnection(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * Reads what the client sent.
     *
     * @return the bytes read, or -1 when the client closed its side
     * @throws IOException when the connection failed
     */
    int read() throws IOException {
        if (len == buf.length) {
            grow(buf.length * 2);
        }
        view.limit(buf.length).position(len);
        int n = channel.read(view);
        if (n > 0) {
            len += n;
        }
        return n;
    }

    /** Whether bytes of a request not yet read whole are held. */
    boolean hasBufferedBytes() {
        return len > 0;
    }

    /** Drops whatever was read: the connection only drains now. */
    void discardInput() {
        len = 0;
        scanned = 0;
    }

    /**
     * The end of the head (just past its empty line) in what was read, or -1 when it has not all
     * arrived. Empty lines before a request line are dropped (RFC 9112 §2.2).
     */
    int headEnd() {
        int skip = 0;
        while (skip < len && (buf[skip] == '\r' || buf[skip] == '\n')) {
            skip++;
        }
        if (skip > 0) {
            consume(skip);
        }
        for (int i = Math.max(scanned, 0); i < len; i++) {
            if (buf[i] == '\n') {
                if (i + 1 < len && buf[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < len && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        scanned = Math.max(0, len - 3);
        return -1;
    }

    /** Bytes held: how far a head without its end has grown. */
    int buffered() {
        return len;
    }

    /** Parses the head ending at {@code end} (from {@link #headEnd()}) and drops its bytes. */
    HttpHead takeHead(int end) throws HttpProtocolException {
        int lastLine = end - 1; // the LF of the empty line
        int to = lastLine > 0 && buf[lastLine - 1] == '\r' ? lastLine - 1 : lastLine;
        HttpHead parsed = HttpHead.parse(buf, 0, to);
        consume(end);
        return parsed;
    }

    /** Starts reading a body into {@code target}. */
    void startBody(HttpBody target) {
        this.body = target;
    }

    /**
     * Moves what was read into the body.
     *
     * @return the body once complete (or truncated at its limit), else null
     */
    HttpBody advanceBody() throws HttpProtocolException {
        int used = body.take(buf, 0, len);
        consume(used);
        if (!body.complete()) {
            return null;
        }
        HttpBody done = body;
        body = null;
        return done;
    }

    void interest(int ops) {
        if (key.isValid()) {
            key.interestOps(ops);
        }
    }

    private void consume(int n) {
        if (n >= len) {
            len = 0;
        } else {
            System.arraycopy(buf, n, buf, 0, len - n);
            len -= n;
        }
        scanned = 0;
        if (len == 0 && buf.length > INITIAL_BUFFER) {
            buf = new byte[INITIAL_BUFFER]; // a large head once should not keep its buffer
            view = ByteBuffer.wrap(buf);
        }
    }

    private void grow(int size) {
        buf = Arrays.copyOf(buf, size);
        view = ByteBuffer.wrap(buf);
    }
}
