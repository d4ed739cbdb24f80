package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notBlank;
import static dev.chorusbot.core.internal.Checks.notNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A photo or document for the bot to send, with where its bytes come from: a URL the platform
 * fetches itself, bytes uploaded with the message, or a file the platform already holds (its file
 * id). See {@link Reply#media(MediaFile)}.
 *
 * <pre>{@code
 * MediaFile.photo(URI.create("https://example.org/cat.png"))
 * MediaFile.photo(Path.of("dice.png"))           // uploaded
 * MediaFile.document(bytes, "report.pdf", "application/pdf")
 * MediaFile.photo(attachment.fileId())            // one the platform has, such as a received photo
 * }</pre>
 *
 * @param kind whether it is shown as a photo or offered as a file
 * @param source where its bytes come from
 */
@Api(Api.Status.STABLE)
public record MediaFile(Kind kind, Source source) {

    /** How the platform presents the file. */
    public enum Kind {
        /** Shown as a picture (Telegram sendPhoto: JPEG, PNG, WebP; at most 10 MB uploaded). */
        PHOTO,
        /** Offered as a file to download (Telegram sendDocument: at most 50 MB uploaded). */
        DOCUMENT
    }

    /** Where the bytes come from. */
    public sealed interface Source permits Url, Upload, FileId {}

    /**
     * A file the platform fetches from the web.
     *
     * @param uri an {@code http} or {@code https} URL
     */
    public record Url(URI uri) implements Source {
        /**
         * Validates the URL.
         *
         * @param uri an absolute {@code http} or {@code https} URL
         * @throws IllegalArgumentException if the URL is not absolute http or https
         */
        public Url {
            notNull(uri, "uri");
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("a media URL must be http or https, was " + uri);
            }
        }
    }

    /**
     * Bytes uploaded with the message ({@code multipart/form-data} on Telegram).
     *
     * @param fileName the name the platform shows, such as {@code dice.png}
     * @param mimeType the content type, such as {@code image/png}
     * @param bytes the file's content; not copied, so do not change it afterwards
     */
    public record Upload(String fileName, String mimeType, byte[] bytes) implements Source {
        /**
         * Validates the components.
         *
         * @param fileName the name the platform shows; not blank
         * @param mimeType the content type; not blank
         * @param bytes the content; not empty
         * @throws IllegalArgumentException if the name or type is blank or there are no bytes
         */
        public Upload {
            notBlank(fileName, "fileName");
            notBlank(mimeType, "mimeType");
            if (notNull(bytes, "bytes").length == 0) {
                throw new IllegalArgumentException("an upload needs at least one byte");
            }
            if (fileName.indexOf('"') >= 0 || fileName.indexOf('\r') >= 0 || fileName.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("fileName must not contain quotes or line breaks: " + fileName);
            }
        }

        @Override
        public String toString() {
            return "Upload[" + fileName + ", " + mimeType + ", " + bytes.length + " bytes]";
        }
    }

    /**
     * A file the platform already holds, by its id (Telegram's {@code file_id}, as in a received
     * {@link Attachment}).
     *
     * @param id the platform's file id
     */
    public record FileId(String id) implements Source {
        /**
         * Validates the id.
         *
         * @param id the platform's file id; not blank
         * @throws IllegalArgumentException if the id is blank
         */
        public FileId {
            notBlank(id, "id");
        }
    }

    /**
     * Validates the components.
     *
     * @param kind photo or document
     * @param source where the bytes come from
     * @throws NullPointerException if a component is {@code null}
     */
    public MediaFile {
        notNull(kind, "kind");
        notNull(source, "source");
    }

    /**
     * A photo the platform fetches from {@code url}.
     *
     * @param url an http or https URL
     * @return the photo
     */
    public static MediaFile photo(URI url) {
        return new MediaFile(Kind.PHOTO, new Url(url));
    }

    /**
     * A photo uploaded from a file.
     *
     * @param file a readable image file; read now
     * @return the photo, named as the file, typed by its extension
     * @throws UncheckedIOException when the file cannot be read
     */
    public static MediaFile photo(Path file) {
        return new MediaFile(Kind.PHOTO, upload(file));
    }

    /**
     * A photo uploaded from bytes.
     *
     * @param bytes the image
     * @param fileName its name, such as {@code dice.png}; the type is guessed from the extension
     * @return the photo
     */
    public static MediaFile photo(byte[] bytes, String fileName) {
        return new MediaFile(Kind.PHOTO, new Upload(fileName, mimeType(fileName), bytes));
    }

    /**
     * A photo the platform already holds.
     *
     * @param fileId the platform's file id
     * @return the photo
     */
    public static MediaFile photo(String fileId) {
        return new MediaFile(Kind.PHOTO, new FileId(fileId));
    }

    /**
     * A document the platform fetches from {@code url}.
     *
     * @param url an http or https URL
     * @return the document
     */
    public static MediaFile document(URI url) {
        return new MediaFile(Kind.DOCUMENT, new Url(url));
    }

    /**
     * A document uploaded from a file.
     *
     * @param file a readable file; read now
     * @return the document, named as the file, typed by its extension
     * @throws UncheckedIOException when the file cannot be read
     */
    public static MediaFile document(Path file) {
        return new MediaFile(Kind.DOCUMENT, upload(file));
    }

    /**
     * A document uploaded from bytes.
     *
     * @param bytes the content
     * @param fileName its name, such as {@code report.pdf}
     * @param mimeType its content type, such as {@code application/pdf}
     * @return the document
     */
    public static MediaFile document(byte[] bytes, String fileName, String mimeType) {
        return new MediaFile(Kind.DOCUMENT, new Upload(fileName, mimeType, bytes));
    }

    /**
     * A document the platform already holds.
     *
     * @param fileId the platform's file id
     * @return the document
     */
    public static MediaFile document(String fileId) {
        return new MediaFile(Kind.DOCUMENT, new FileId(fileId));
    }

    private static Upload upload(Path file) {
        try {
            String name = file.getFileName().toString();
            return new Upload(name, mimeType(name), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the media file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The content type for a file name's extension; {@code application/octet-stream} when unknown. */
    static String mimeType(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "pdf" -> "application/pdf";
            case "txt" -> "text/plain";
            case "json" -> "application/json";
            case "zip" -> "application/zip";
            default -> "application/octet-stream";
        };
    }
}
