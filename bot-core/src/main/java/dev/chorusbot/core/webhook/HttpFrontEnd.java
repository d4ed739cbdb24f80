package dev.chorusbot.core.webhook;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The non-blocking front of the embedded host: one selector thread accepts connections and reads
 * request lines, header fields and bodies as they arrive, so a client that sends slowly costs a
 * connection and a few kilobytes, never a serving thread. Only a complete request goes to the
 * serving pool; the serving thread writes the answer, and an answer the client does not read at
 * once is finished here.
 *
 * <p>Limits, each closing the connection: the head must arrive within the header deadline, counted
 * from the connection's start or a request's first byte; the body within the body deadline after
 * its head; a keep-alive connection may wait for its next request for the idle time. Past the
 * connection cap, new connections are closed at once. Once a request is complete no deadline of
 * the host applies to it: it is answered however long its endpoint takes.
 */
final class HttpFrontEnd implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(HttpFrontEnd.class);
    /** How long a connection whose answer carried {@code Connection: close} may keep sending. */
    private static final long DRAIN_NANOS = 2_000_000_000L;

    /** Decides about a request as soon as its head is read, and serves complete ones. */
    interface Requests {
        /**
         * The refusal for a request whose head alone decides it (a body announced too large for
         * its endpoint), or null to read its body.
         */
        WebhookResponse refuseEarly(HttpHead head);

        /** Answers a complete request; runs on a serving thread. */
        WebhookResponse serve(WebhookRequest request);

        /**
         * The answer was not written whole: the client closed the connection before it was written,
         * or the connection failed before its last byte left.
         */
        void undelivered(WebhookRequest request, WebhookResponse response, IOException cause);
    }

    /** The front end's limits. */
    record Limits(long headerNanos, long bodyNanos, long idleNanos, int maxConnections, int maxHeaderBytes,
            int maxBodyBytes) {}

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Executor pool;
    private final Requests requests;
    private final Limits limits;
    private final long sweepNanos;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int open; // connections; selector thread only
    private long nextSweep;
    private long acceptPausedUntil;

    HttpFrontEnd(InetSocketAddress address, int backlog, Executor pool, Requests requests, Limits limits)
            throws IOException {
        this.pool = pool;
        this.requests = requests;
        this.limits = limits;
        long shortest = Math.min(limits.headerNanos(), Math.min(limits.bodyNanos(), limits.idleNanos()));
        this.sweepNanos = Math.max(10_000_000L, Math.min(250_000_000L, shortest / 5));
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, backlog);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            server.close();
            selector.close();
            throw e;
        }
        this.thread = new Thread(this, "chorus-webhook-io");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    InetSocketAddress address() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("webhook server address unavailable", e);
        }
    }

    /** Stops accepting and closes every connection; waits up to {@code millis} for the thread. */
    void stop(long millis) {
        running = false;
        selector.wakeup();
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            while (running) {
                long now = System.nanoTime();
                long timeout = open > 0 || acceptPausedUntil != 0
                        ? Math.max(1, (nextSweep - now) / 1_000_000) : 0;
                selector.select(this::ready, timeout);
                runTasks();
                now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + sweepNanos;
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                log.error("Webhook server stopped serving: {}", e.toString());
            }
        } finally {
            closeAll();
        }
    }

    private void ready(SelectionKey key) {
        if (key.channel() == server) {
            accept();
            return;
        }
        HttpConnection connection = (HttpConnection) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                writePending(connection);
            } else if (key.isValid() && key.isReadable()) {
                readFrom(connection);
            }
        } catch (IOException e) {
            close(connection);
        }
    }

    private void accept() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // Out of file descriptors, most likely: stop accepting for a moment instead of
                // spinning on a listening socket that stays ready.
                log.warn("Webhook server could not accept a connection: {}", e.toString());
                pauseAccepting();
                return;
            }
            if (channel == null) {
                return;
            }
            if (open >= limits.maxConnections()) {
                closeQuietly(channel); // past the cap: closed before anything is read
                continue;
            }
            try {
                channel.configureBlocking(false);
                // One write per answer, so Nagle's algorithm would only hold the answer back
                // waiting for the client's delayed ACK.
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                HttpConnection connection = new HttpConnection(channel);
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
                connection.deadline = System.nanoTime() + limits.headerNanos();
                open++;
            } catch (IOException e) {
                closeQuietly(channel);
            }
        }
    }

    private void pauseAccepting() {
        acceptPausedUntil = System.nanoTime() + 100_000_000L;
        server.keyFor(selector).interestOps(0);
    }

    private void readFrom(HttpConnection connection) throws IOException {
        boolean wasEmpty = !connection.hasBufferedBytes();
        int n = connection.read();
        if (n < 0) {
            close(connection);
            return;
        }
        if (connection.state == HttpConnection.State.DRAINING) {
            connection.discardInput();
            return;
        }
        if (n > 0 && wasEmpty && connection.state == HttpConnection.State.HEAD && connection.head == null
                && connection.deadline == 0) {
            connection.deadline = System.nanoTime() + limits.headerNanos(); // a keep-alive request starts
        }
        advance(connection);
    }

    /** Reads as far as what arrived allows; hands a complete request to the serving pool. */
    private void advance(HttpConnection connection) throws IOException {
        try {
            if (connection.state == HttpConnection.State.HEAD) {
                int end = connection.headEnd();
                if (end < 0) {
                    if (connection.buffered() > limits.maxHeaderBytes()) {
                        refuse(connection, 431, "Request Header Fields Too Large");
                    }
                    return;
                }
                HttpHead head = connection.takeHead(end);
                connection.head = head;
                connection.closeAfter = !head.keepAlive();
                WebhookResponse refusal = requests.refuseEarly(head);
                if (refusal != null) {
                    // The body is not read, so the connection cannot carry another request.
                    connection.closeAfter = true;
                    answer(connection, HttpAnswer.of(refusal, isHead(head), true, false));
                    return;
                }
                if (!head.hasBody()) {
                    dispatch(connection, new byte[0]);
                    return;
                }
                int keep = limits.maxBodyBytes() + 1;
                connection.startBody(head.chunked() ? HttpBody.chunked(keep) : HttpBody.ofLength(head.contentLength(), keep));
                connection.state = HttpConnection.State.BODY;
                connection.deadline = System.nanoTime() + limits.bodyNanos();
                if (head.expectContinue()) {
                    // RFC 9110 §10.1.1: the client waits for this before sending the body. 25 bytes
                    // on a connection with nothing else in flight fit its send buffer.
                    connection.channel.write(HttpAnswer.continueLine());
                }
            }
            if (connection.state == HttpConnection.State.BODY) {
                HttpBody body = connection.advanceBody();
                if (body != null) {
                    if (body.truncated()) {
                        connection.closeAfter = true; // the rest of the body stays unread
                    }
                    dispatch(connection, body.bytes());
                }
            }
        } catch (HttpProtocolException e) {
            refuse(connection, e.status(), e.getMessage());
        }
    }

    private void dispatch(HttpConnection connection, byte[] body) {
        HttpHead head = connection.head;
        connection.state = HttpConnection.State.SERVING;
        connection.deadline = 0; // the host's deadlines are for reading only
        connection.interest(0);
        WebhookRequest request = new WebhookRequest(head.method(), head.path(), head.headers(), body);
        try {
            pool.execute(() -> serve(connection, head, request));
        } catch (RejectedExecutionException e) {
            close(connection); // stopping
        }
    }

    /** On a serving thread: answers the request and writes the answer, as far as the client takes it. */
    private void serve(HttpConnection connection, HttpHead head, WebhookRequest request) {
        WebhookResponse response;
        try {
            response = requests.serve(request);
        } catch (RuntimeException | Error e) {
            later(() -> close(connection)); // nothing to answer with; the client sees the close
            throw e;
        }
        ByteBuffer out;
        try {
            out = HttpAnswer.of(response, isHead(head), connection.closeAfter, head.http10() && head.keepAlive());
        } catch (IllegalArgumentException e) {
            // Not the path: it may hold a secret, and only the routes know how to show it.
            log.error("A webhook endpoint answered a header that cannot be sent: {}", e.getMessage());
            out = HttpAnswer.of(WebhookResponse.text(500, "Internal Server Error"), isHead(head),
                    connection.closeAfter, head.http10() && head.keepAlive());
        }
        try {
            if (response.fallback() != WebhookResponse.Fallback.NONE && connection.read() < 0) {
                // The client closed the connection while its request was served. Had the answer
                // been written now, the kernel would take it and the client's reset would follow,
                // unseen; so it is not written, and the answer's fallback does what it carried.
                throw new EOFException("the client closed the connection before the answer was written");
            }
            connection.channel.write(out);
        } catch (IOException e) {
            undelivered(connection, request, response, e);
            return;
        }
        ByteBuffer rest = out;
        if (rest.hasRemaining()) {
            connection.unwritten = () -> requests.undelivered(request, response,
                    new IOException("the connection closed before the whole answer was written"));
        }
        later(() -> written(connection, rest));
    }

    private void undelivered(HttpConnection connection, WebhookRequest request, WebhookResponse response,
            IOException cause) {
        later(() -> close(connection));
        requests.undelivered(request, response, cause);
    }

    /** On the selector thread: an answer was written as far as the socket took it. */
    private void written(HttpConnection connection, ByteBuffer out) {
        if (connection.state == HttpConnection.State.CLOSED) {
            return;
        }
        if (out.hasRemaining()) {
            connection.pending = out;
            connection.state = HttpConnection.State.WRITING;
            connection.deadline = System.nanoTime() + limits.idleNanos();
            connection.interest(SelectionKey.OP_WRITE);
            return;
        }
        if (connection.closeAfter) {
            drain(connection);
            return;
        }
        connection.head = null;
        connection.state = HttpConnection.State.HEAD;
        connection.interest(SelectionKey.OP_READ);
        if (connection.hasBufferedBytes()) {
            // The next request arrived before this answer left (pipelining).
            connection.deadline = System.nanoTime() + limits.headerNanos();
            try {
                advance(connection);
            } catch (IOException e) {
                close(connection);
            }
        } else {
            connection.deadline = 0; // idle: see sweep
            connection.idleSince = System.nanoTime();
        }
    }

    private void writePending(HttpConnection connection) throws IOException {
        connection.channel.write(connection.pending);
        if (!connection.pending.hasRemaining()) {
            ByteBuffer done = connection.pending;
            connection.pending = null;
            connection.unwritten = null;
            written(connection, done);
        }
    }

    /** Answers on the selector thread (a refusal decided from the head); then the connection closes. */
    private void answer(HttpConnection connection, ByteBuffer out) throws IOException {
        connection.state = HttpConnection.State.SERVING;
        connection.interest(0);
        connection.closeAfter = true;
        connection.channel.write(out);
        written(connection, out);
    }

    private void refuse(HttpConnection connection, int status, String text) throws IOException {
        answer(connection, HttpAnswer.refusal(status, text));
    }

    /**
     * After an answer with {@code Connection: close}, the client may still be sending a body the
     * host did not read. Closing now would make the kernel reset the connection, and the client
     * could lose the answer; so the host stops writing and reads and drops what comes, until the
     * client closes or a short time passes.
     */
    private void drain(HttpConnection connection) {
        try {
            connection.channel.shutdownOutput();
        } catch (IOException e) {
            close(connection);
            return;
        }
        connection.discardInput();
        connection.state = HttpConnection.State.DRAINING;
        connection.deadline = System.nanoTime() + DRAIN_NANOS;
        connection.interest(SelectionKey.OP_READ);
    }

    private void sweep(long now) {
        if (acceptPausedUntil != 0 && now - acceptPausedUntil >= 0) {
            acceptPausedUntil = 0;
            server.keyFor(selector).interestOps(SelectionKey.OP_ACCEPT);
        }
        List<HttpConnection> expired = null;
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof HttpConnection connection && expired(connection, now)) {
                if (expired == null) {
                    expired = new ArrayList<>();
                }
                expired.add(connection);
            }
        }
        if (expired != null) {
            expired.forEach(this::close);
        }
    }

    private boolean expired(HttpConnection connection, long now) {
        if (connection.deadline != 0) {
            return now - connection.deadline > 0;
        }
        return connection.state == HttpConnection.State.HEAD && now - connection.idleSince > limits.idleNanos();
    }

    private void later(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private void close(HttpConnection connection) {
        if (connection.state == HttpConnection.State.CLOSED) {
            return;
        }
        connection.state = HttpConnection.State.CLOSED;
        connection.key.cancel();
        closeQuietly(connection.channel);
        open--;
        Runnable unwritten = connection.unwritten;
        if (unwritten != null) {
            connection.unwritten = null;
            try {
                pool.execute(unwritten); // an answer was cut off before its last byte: off this thread
            } catch (RejectedExecutionException stopping) {
                unwritten.run();
            }
        }
    }

    private void closeAll() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof HttpConnection connection) {
                close(connection);
            }
        }
        closeQuietly(server);
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private static boolean isHead(HttpHead head) {
        return head.method().equals("HEAD");
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
