package dev.chorusbot.testkit.telegram;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (RFC 7578) read as the Bot API reads one: text parts become
 * parameters, parts with a {@code filename} are files. Malformed bodies are refused with the reason.
 */
final class MultipartForm {
    /** One uploaded file part. */
    record Part(String name, String fileName, String contentType, byte[] bytes) {}

    final Map<String, String> fields = new LinkedHashMap<>();
    final Map<String, Part> files = new LinkedHashMap<>();

    /** The boundary named by a {@code multipart/form-data} content type, if it is one. */
    static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = p.substring("boundary=".length());
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Parses {@code body}; throws IllegalArgumentException naming what is wrong. */
    static MultipartForm parse(String boundary, byte[] body) {
        MultipartForm form = new MultipartForm();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("multipart body without its boundary");
        }
        while (true) {
            int after = at + delimiter.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                return form; // the closing delimiter
            }
            int headersStart = skipLineBreak(body, after);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("multipart part without the blank line after its headers");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            int contentEnd = indexOf(body, next, contentStart);
            if (contentEnd < 0) {
                throw new IllegalArgumentException("multipart body not closed by its boundary");
            }
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
            form.add(headers, content);
            at = contentEnd + 2;
        }
    }

    private void add(String headers, byte[] content) {
        String name = null;
        String fileName = null;
        String type = "text/plain";
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (header.equals("content-disposition")) {
                name = quoted(value, "name");
                fileName = quoted(value, "filename");
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("multipart part without a name in its Content-Disposition");
        }
        if (fileName != null) {
            files.put(name, new Part(name, fileName, type, content));
        } else {
            fields.put(name, new String(content, StandardCharsets.UTF_8));
        }
    }

    /** The value of {@code key="..."} in a Content-Disposition header, with {@code \"} and {@code \\} unescaped. */
    private static String quoted(String header, String key) {
        int i = 0;
        while ((i = header.indexOf(key + "=\"", i)) >= 0) {
            boolean whole = i == 0 || header.charAt(i - 1) == ' ' || header.charAt(i - 1) == ';';
            if (!whole) {
                i++;
                continue;
            }
            StringBuilder value = new StringBuilder();
            for (int j = i + key.length() + 2; j < header.length(); j++) {
                char c = header.charAt(j);
                if (c == '\\' && j + 1 < header.length()) {
                    value.append(header.charAt(++j));
                } else if (c == '"') {
                    return value.toString();
                } else {
                    value.append(c);
                }
            }
            throw new IllegalArgumentException("unclosed quote in Content-Disposition: " + header);
        }
        return null;
    }

    private static int skipLineBreak(byte[] body, int at) {
        return at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n' ? at + 2 : at;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
