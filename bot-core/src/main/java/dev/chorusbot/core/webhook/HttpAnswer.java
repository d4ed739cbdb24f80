package dev.chorusbot.core.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A {@link WebhookResponse} written as one HTTP/1.1 response: status line, the response's headers,
 * {@code Date}, {@code Content-Length} and, when the connection ends after it,
 * {@code Connection: close}; then the body, except for HEAD. One buffer, so one write.
 */
final class HttpAnswer {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
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
        int status = response.status();
        boolean bodiless = status < 200 || status == 204 || status == 304;
        String reason = reason(status);
        String length = bodiless ? null : Integer.toString(body.length);
        String connection = close ? "close" : keepAliveHttp10 ? "keep-alive" : null;
        byte[] dateLine = dateLine();
        // Sized first, then written once: no builder that grows and is copied again.
        int size = "HTTP/1.1 200 ".length() + reason.length() + 2 + dateLine.length + 2;
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            String name = header.getKey();
            String value = header.getValue();
            if (hasLineBreak(name) || hasLineBreak(value)) {
                throw new IllegalArgumentException("response header " + name + " holds a line break");
            }
            if (!isFraming(name)) {
                size += name.length() + 2 + value.length() + 2;
            }
        }
        if (length != null) {
            // RFC 9110 §9.3.2: the answer to HEAD may carry the Content-Length a GET would have had.
            size += "Content-Length: ".length() + length.length() + 2;
        }
        if (connection != null) {
            size += "Connection: ".length() + connection.length() + 2;
        }
        int bodyLength = head || bodiless ? 0 : body.length;
        byte[] out = new byte[size + bodyLength];
        int at = put(out, 0, "HTTP/1.1 ");
        at = put(out, at, Integer.toString(status));
        out[at++] = ' ';
        at = put(out, at, reason);
        at = crlf(out, at);
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            if (!isFraming(header.getKey())) {
                at = field(out, at, header.getKey(), header.getValue());
            }
        }
        if (length != null) {
            at = field(out, at, "Content-Length", length);
        }
        if (connection != null) {
            at = field(out, at, "Connection", connection);
        }
        System.arraycopy(dateLine, 0, out, at, dateLine.length);
        at = crlf(out, at + dateLine.length);
        System.arraycopy(body, 0, out, at, bodyLength);
        return ByteBuffer.wrap(out, 0, at + bodyLength);
    }

    private static int field(byte[] out, int at, String name, String value) {
        at = put(out, at, name);
        out[at++] = ':';
        out[at++] = ' ';
        return crlf(out, put(out, at, value));
    }

    /** Writes {@code text} as Latin-1, which HTTP/1.1 field names and values are. */
    private static int put(byte[] out, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            out[at++] = (byte) text.charAt(i);
        }
        return at;
    }

    private static int crlf(byte[] out, int at) {
        out[at] = '\r';
        out[at + 1] = '\n';
        return at + 2;
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
            cached = new CachedDate(second, ("Date: " + httpDate(second) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            date = cached;
        }
        return cached.line();
    }

    /**
     * The IMF-fixdate of RFC 9110 §5.6.7 ({@code Sun, 06 Nov 1994 08:49:37 GMT}), written by hand:
     * a {@code DateTimeFormatter} with day and month names loads the locale data on the first
     * answer, tens of milliseconds of a cold start.
     */
    static String httpDate(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(29);
        out.append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(out, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        out.append(t.getYear()).append(' ');
        twoDigits(out, t.getHour()).append(':');
        twoDigits(out, t.getMinute()).append(':');
        return twoDigits(out, t.getSecond()).append(" GMT").toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
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
