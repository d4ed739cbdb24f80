package dev.chorusbot.core.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request line and header fields of one HTTP/1.x request, as {@link HttpConnection} read them
 * (RFC 9112). Headers are kept under lower-case names, which is what {@link WebhookRequest} keeps.
 *
 * @param method the method as sent, such as {@code POST}
 * @param path the request target's path, percent-decoded as {@link URI#getPath()} gives it
 * @param http10 whether the request is HTTP/1.0 (keep-alive only when asked for)
 * @param headers lower-case names to their values, in the order received
 * @param contentLength the {@code Content-Length}, or -1 when absent
 * @param chunked whether the body is sent with {@code Transfer-Encoding: chunked}
 * @param keepAlive whether the connection may carry another request after this one
 * @param expectContinue whether the client waits for {@code 100 Continue} before the body
 */
record HttpHead(String method, String path, boolean http10, Map<String, List<String>> headers,
        long contentLength, boolean chunked, boolean keepAlive, boolean expectContinue) {

    /** As the JDK's server: at most this many header fields in one request. */
    static final int MAX_HEADER_FIELDS = 200;

    /** Whether the request has a body to read. */
    boolean hasBody() {
        return chunked || contentLength > 0;
    }

    /**
     * Parses the head in {@code bytes[from, to)}: the request line, then one field per line, up to
     * (not including) the empty line that ends it. Lines end in CRLF or a bare LF (RFC 9112 §2.2
     * lets a server accept a bare LF).
     *
     * @throws HttpProtocolException with the status to answer when the head is malformed
     */
    static HttpHead parse(byte[] bytes, int from, int to) throws HttpProtocolException {
        int lineEnd = lineEnd(bytes, from, to);
        String requestLine = latin1(bytes, from, trimCr(bytes, from, lineEnd));
        int sp1 = requestLine.indexOf(' ');
        int sp2 = requestLine.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 == sp1) {
            throw new HttpProtocolException(400, "Bad Request: malformed request line");
        }
        String method = requestLine.substring(0, sp1);
        String target = requestLine.substring(sp1 + 1, sp2);
        String version = requestLine.substring(sp2 + 1);
        if (!isToken(method) || target.isEmpty() || target.indexOf(' ') >= 0) {
            throw new HttpProtocolException(400, "Bad Request: malformed request line");
        }
        boolean http10;
        if (version.equals("HTTP/1.1")) {
            http10 = false;
        } else if (version.equals("HTTP/1.0")) {
            http10 = true;
        } else if (version.startsWith("HTTP/")) {
            throw new HttpProtocolException(505, "HTTP Version Not Supported");
        } else {
            throw new HttpProtocolException(400, "Bad Request: malformed request line");
        }
        FoldedHeaders.Builder headers = new FoldedHeaders.Builder();
        int fields = 0;
        for (int at = lineEnd + 1; at < to; ) {
            int end = lineEnd(bytes, at, to);
            int stop = trimCr(bytes, at, end);
            if (stop > at) {
                if (++fields > MAX_HEADER_FIELDS) {
                    throw new HttpProtocolException(431, "Request Header Fields Too Large");
                }
                addField(headers, bytes, at, stop);
            }
            at = end + 1;
        }
        return head(method, path(target), http10, headers);
    }

    private static HttpHead head(String method, String path, boolean http10, FoldedHeaders.Builder headers)
            throws HttpProtocolException {
        List<String> encodings = headers.get("transfer-encoding");
        boolean chunked = false;
        if (encodings != null) {
            String last = encodings.get(encodings.size() - 1);
            int comma = last.lastIndexOf(',');
            String coding = (comma < 0 ? last : last.substring(comma + 1)).trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("chunked")) {
                // RFC 9112 §6.3: without chunked last, the length cannot be known; 501 for a coding
                // a server does not understand.
                throw new HttpProtocolException(501, "Not Implemented: transfer coding " + coding);
            }
            chunked = true;
        }
        long contentLength = -1;
        List<String> lengths = headers.get("content-length");
        if (lengths != null) {
            for (String value : lengths) {
                for (String part : value.split(",", -1)) {
                    long parsed = contentLength(part.trim());
                    if (contentLength >= 0 && parsed != contentLength) {
                        throw new HttpProtocolException(400, "Bad Request: conflicting Content-Length");
                    }
                    contentLength = parsed;
                }
            }
        }
        List<String> connections = headers.get("connection");
        String connection = connections == null ? "" : String.join(",", connections).toLowerCase(Locale.ROOT);
        // RFC 9112 §6.1: a request with both is answered and the connection then closed, since a
        // proxy in front may have read its length differently.
        boolean keepAlive = !(chunked && contentLength >= 0)
                && (http10 ? hasToken(connection, "keep-alive") : !hasToken(connection, "close"));
        List<String> expect = headers.get("expect");
        boolean expectContinue = !http10 && expect != null && expect.stream()
                .anyMatch(v -> v.equalsIgnoreCase("100-continue"));
        return new HttpHead(method, path, http10, headers.build(), chunked ? -1 : contentLength, chunked, keepAlive,
                expectContinue);
    }

    private static long contentLength(String value) throws HttpProtocolException {
        if (value.isEmpty() || value.length() > 18) {
            throw new HttpProtocolException(400, "Bad Request: malformed Content-Length");
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new HttpProtocolException(400, "Bad Request: malformed Content-Length");
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    private static void addField(FoldedHeaders.Builder headers, byte[] bytes, int from, int to)
            throws HttpProtocolException {
        if (bytes[from] == ' ' || bytes[from] == '\t') {
            // Obsolete line folding (RFC 9112 §5.2): a server may refuse it with 400.
            throw new HttpProtocolException(400, "Bad Request: folded header field");
        }
        int colon = from;
        while (colon < to && bytes[colon] != ':') {
            colon++;
        }
        if (colon == to || colon == from) {
            throw new HttpProtocolException(400, "Bad Request: malformed header field");
        }
        String name = lowerCaseToken(bytes, from, colon);
        if (name == null) {
            // Whitespace before the colon is refused too (RFC 9112 §5.1).
            throw new HttpProtocolException(400, "Bad Request: malformed header field name");
        }
        int start = colon + 1;
        int end = to;
        while (start < end && (bytes[start] == ' ' || bytes[start] == '\t')) {
            start++;
        }
        while (end > start && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            end--;
        }
        headers.add(name, latin1(bytes, start, end));
    }

    /** The path of a request target: origin form without query, or the path of an absolute URI. */
    private static String path(String target) throws HttpProtocolException {
        if (target.charAt(0) == '/' && target.indexOf('%') < 0) {
            int end = target.length();
            int query = target.indexOf('?');
            if (query >= 0) {
                end = query;
            }
            int fragment = target.indexOf('#');
            if (fragment >= 0 && fragment < end) {
                end = fragment;
            }
            return target.substring(0, end);
        }
        try {
            String path = new URI(target).getPath();
            return path == null ? "" : path;
        } catch (URISyntaxException e) {
            throw new HttpProtocolException(400, "Bad Request: malformed request target");
        }
    }

    private static boolean hasToken(String list, String token) {
        for (String part : list.split(",")) {
            if (part.trim().equals(token)) {
                return true;
            }
        }
        return false;
    }

    /** The token in {@code bytes[from, to)} in lower case, or null when it is not a token. */
    private static String lowerCaseToken(byte[] bytes, int from, int to) {
        byte[] lower = new byte[to - from];
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b <= 0x20 || b >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(b) >= 0) {
                return null;
            }
            lower[i - from] = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
        }
        return new String(lower, StandardCharsets.ISO_8859_1);
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The index of the LF ending the line that starts at {@code from}, or {@code to}. */
    private static int lineEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    private static int trimCr(byte[] bytes, int from, int lf) {
        return lf > from && bytes[lf - 1] == '\r' ? lf - 1 : lf;
    }

    private static String latin1(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
