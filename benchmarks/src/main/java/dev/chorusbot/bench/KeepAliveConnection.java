package dev.chorusbot.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection that POSTs JSON and reads the answer, as Telegram's webhook
 * sender does. Kept minimal so the load generator spends little of the machine's two cores.
 */
final class KeepAliveConnection implements AutoCloseable {
    /** A status code and body. */
    record Answer(int status, byte[] body) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] head;

    KeepAliveConnection(int port, String path, String secret) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        out = socket.getOutputStream();
        head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "X-Telegram-Bot-Api-Secret-Token: " + secret + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    Answer post(byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream(head.length + body.length + 32);
        request.write(head);
        request.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.write(body);
        out.write(request.toByteArray());
        out.flush();
        String status = line();
        if (status == null) {
            throw new IOException("connection closed before an answer");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = 0;
        boolean chunked = false;
        String line;
        while ((line = line()) != null && !line.isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        return new Answer(code, chunked ? chunkedBody() : in.readNBytes(length));
    }

    /** A chunked body (RFC 9112 section 7.1), as servers other than Chorus's embedded host may send. */
    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        while (true) {
            String size = line();
            if (size == null) {
                throw new IOException("connection closed inside a chunked answer");
            }
            int semicolon = size.indexOf(';'); // chunk extensions are ignored
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                String trailer;
                while ((trailer = line()) != null && !trailer.isEmpty()) {
                    // trailer fields are not used
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(); // the CRLF after the chunk's data
        }
    }

    private String line() throws IOException {
        StringBuilder text = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = text.length();
                return n > 0 && text.charAt(n - 1) == '\r' ? text.substring(0, n - 1) : text.toString();
            }
            text.append((char) c);
        }
        return text.length() == 0 ? null : text.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
