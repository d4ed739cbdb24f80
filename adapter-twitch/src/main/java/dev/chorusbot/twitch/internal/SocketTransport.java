package dev.chorusbot.twitch.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** IRC over a TCP socket, optionally TLS: lines end with CR LF (RFC 1459 section 2.3). */
final class SocketTransport implements IrcTransport {
    private static final Logger log = LoggerFactory.getLogger(SocketTransport.class);
    private static final byte[] CRLF = {'\r', '\n'};

    private final Socket socket;
    private final OutputStream out;
    private final Listener listener;

    private SocketTransport(Socket socket, Listener listener) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.listener = listener;
    }

    static SocketTransport open(String host, int port, SSLContext tls, Duration timeout, Listener listener)
            throws IOException {
        SocketTransport transport = new SocketTransport(connect(host, port, tls, timeout), listener);
        Thread reader = new Thread(transport::read, "chorus-twitch-read");
        reader.setDaemon(true);
        reader.start();
        return transport;
    }

    /**
     * A connected socket; with {@code tls}, one whose TLS handshake is done and whose certificate
     * names {@code host}, so a wrong certificate fails here, synchronously, with the JDK's reason.
     */
    static Socket connect(String host, int port, SSLContext tls, Duration timeout) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            plain.setTcpNoDelay(true);
            if (tls == null) {
                return plain;
            }
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            // Verify that the certificate names the host we asked for, as HTTPS does.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.setSoTimeout((int) timeout.toMillis());
            secure.startHandshake();
            secure.setSoTimeout(0);
            return secure;
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    private void read() {
        IOException cause;
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[8192];
            byte[] line = new byte[1024];
            int length = 0;
            boolean discarding = false;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (!discarding) {
                            int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                            if (end > 0) {
                                listener.onLine(new String(line, 0, end, StandardCharsets.UTF_8));
                            }
                        }
                        discarding = false;
                        length = 0;
                    } else if (!discarding) {
                        if (length == MAX_LINE_BYTES) {
                            log.warn("Twitch IRC line longer than {} bytes skipped", MAX_LINE_BYTES);
                            discarding = true;
                            continue;
                        }
                        if (length == line.length) {
                            line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, length * 2));
                        }
                        line[length++] = b;
                    }
                }
            }
            cause = new EOFException("the server closed the connection");
        } catch (IOException e) {
            cause = e;
        }
        closeSocket();
        listener.onClosed(cause); // the reader is the only caller, so exactly once
    }

    @Override
    public void send(String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.write(CRLF);
            out.flush();
        }
    }

    @Override
    public void close() {
        closeSocket(); // the reader thread then sees the socket closed and reports it
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("Closing the Twitch socket failed", e);
        }
    }
}
