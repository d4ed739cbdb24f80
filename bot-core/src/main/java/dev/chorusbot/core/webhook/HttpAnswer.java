package dev.chorusbot.core.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link WebhookResponse} written as one HTTP/1.1 response: status line, the response's headers,
 * {@code Date}, {@code Content-Length} and, when the connection ends after it,
 * {@code Connection: close}; then the body, except for HEAD. One buffer, so one write.
 */
final class HttpAnswer {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);
    /** The Date header of the current second, rebuilt once a second: {@code Date: ...\r\n}. */
    private static volatile CachedDate date = new CachedDate(-1, new byte[0]);

    private HttpAnswer() {}

    private record CachedDate(long second, byte[] line) {}

    /**
     * The bytes of {@code response}; {@code head} says whether the body is left out, {@code close}
     * whether {@code Connection: close} is added, and {@code keepAliveHttp10} whether an HTTP/1.0
     * client is told the connection stays.
     *
     * @throws IllegalArgumentException when a header name or value holds a CR or LF
     */
    static ByteBuffer of(WebhookResponse response, boolean head, boolean close, boolean keepAliveHttp10) {
        byte[] body = response.body();
        StringBuilder text = new StringBuilder(128);
        text.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            String name = header.getKey();
            if (isFraming(name)) {
                continue; // the host frames the message itself
            }
            String value = header.getValue();
            if (hasLineBreak(name) || hasLineBreak(value)) {
                throw new IllegalArgumentException("response header " + name + " holds a line break");
            }
            text.append(name).append(": ").append(value).append("\r\n");
        }
        int status = response.status();
        boolean bodiless = status < 200 || status == 204 || status == 304;
        if (!bodiless) {
            // RFC 9110 §9.3.2: the answer to HEAD may carry the Content-Length a GET would have had.
            text.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (close) {
            text.append("Connection: close\r\n");
        } else if (keepAliveHttp10) {
            text.append("Connection: keep-alive\r\n");
        }
        byte[] dateLine = dateLine();
        int bodyLength = head || bodiless ? 0 : body.length;
        ByteBuffer out = ByteBuffer.allocate(text.length() + dateLine.length + 2 + bodyLength);
        for (int i = 0; i < text.length(); i++) {
            out.put((byte) text.charAt(i)); // names and values are Latin-1, as HTTP/1.1 fields are
        }
        out.put(dateLine).put(CRLF);
        if (bodyLength > 0) {
            out.put(body);
        }
        return out.flip();
    }

    /** The whole answer for a request the host refused before any endpoint saw it; then close. */
    static ByteBuffer refusal(int status, String text) {
        return of(WebhookResponse.text(status, text), false, true, false);
    }

    /** {@code HTTP/1.1 100 Continue}, sent before reading a body whose client waits for it. */
    static ByteBuffer continueLine() {
        return ByteBuffer.wrap("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] dateLine() {
        long second = System.currentTimeMillis() / 1000;
        CachedDate cached = date;
        if (cached.second() != second) {
            String formatted = HTTP_DATE.format(ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(second),
                    ZoneOffset.UTC));
            cached = new CachedDate(second, ("Date: " + formatted + "\r\n").getBytes(StandardCharsets.US_ASCII));
            date = cached;
        }
        return cached.line();
    }

    private static boolean isFraming(String name) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
                || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Date");
    }

    private static boolean hasLineBreak(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
    }

    /** The reason phrases of the codes a webhook host answers with; others get none (RFC 9112 §4). */
    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 411 -> "Length Required";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }
}
