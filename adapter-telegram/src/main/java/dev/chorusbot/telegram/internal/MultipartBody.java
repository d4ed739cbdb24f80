package dev.chorusbot.telegram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.MediaFile;
import dev.chorusbot.json.JsonTrees;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (RFC 7578) for a Bot API call that uploads a file: each
 * parameter is a text part (objects and arrays such as {@code reply_markup} JSON-serialized, as the
 * Bot API wants them), then the file as a part with its file name and content type.
 */
final class MultipartBody {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BOUNDARY_CHARS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final String boundary;
    private final byte[] bytes;

    private MultipartBody(String boundary, byte[] bytes) {
        this.boundary = boundary;
        this.bytes = bytes;
    }

    /** The body of {@code params} plus {@code upload} as the part named {@code field}. */
    static MultipartBody of(ObjectNode params, String field, MediaFile.Upload upload) {
        String boundary = boundary();
        ByteArrayOutputStream out = new ByteArrayOutputStream(upload.bytes().length + 512);
        Iterator<Map.Entry<String, JsonNode>> fields = params.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            JsonNode value = entry.getValue();
            String text = value.isContainerNode() ? JsonTrees.text(value) : value.asText();
            write(out, "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + entry.getKey() + "\"\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\n");
            write(out, text);
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName(upload) + "\"\r\n"
                + "Content-Type: " + upload.mimeType() + "\r\n\r\n");
        out.writeBytes(upload.bytes());
        write(out, "\r\n--" + boundary + "--\r\n");
        return new MultipartBody(boundary, out.toByteArray());
    }

    /** The value of the {@code Content-Type} header. */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The encoded body. */
    byte[] bytes() {
        return bytes;
    }

    /**
     * A boundary of 32 random letters and digits: the chance that it occurs in a file is nil, and
     * it needs no quoting in the header (RFC 2046 allows up to 70 such characters).
     */
    private static String boundary() {
        char[] chars = new char[32];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = BOUNDARY_CHARS[RANDOM.nextInt(BOUNDARY_CHARS.length)];
        }
        return "chorus" + new String(chars);
    }

    /** The file name as UTF-8 in the quoted string (RFC 7578 section 4.2); quotes and line breaks are refused earlier. */
    private static String fileName(MediaFile.Upload upload) {
        return upload.fileName().replace("\\", "\\\\");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
