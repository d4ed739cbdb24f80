package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notBlank;
import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file that came with a message: a photo, a document, a voice note. Its bytes stay on the
 * platform until asked for with {@link CommandContext#download(Attachment, long)}.
 *
 * @param kind what kind of file it is
 * @param fileId the platform's id of the file, usable to download it or to send it again
 *     ({@link MediaFile#photo(String)})
 * @param size its size in bytes, when the platform tells it
 * @param fileName its name, when the platform tells it (Telegram documents)
 * @param mimeType its content type, when the platform tells it
 */
@Api(Api.Status.STABLE)
public record Attachment(Kind kind, String fileId, OptionalLong size, Optional<String> fileName,
        Optional<String> mimeType) {

    /** What kind of file an attachment is. */
    public enum Kind {
        /** A picture (of a photo, the largest size). */
        PHOTO,
        /** A general file. */
        DOCUMENT,
        /** A music or audio file. */
        AUDIO,
        /** A video. */
        VIDEO,
        /** A voice note. */
        VOICE,
        /** A GIF or silent video. */
        ANIMATION,
        /** A sticker. */
        STICKER,
        /** A round video note. */
        VIDEO_NOTE
    }

    /**
     * Validates the components.
     *
     * @param kind what kind of file it is
     * @param fileId the platform's file id; not blank
     * @param size its size in bytes, or empty
     * @param fileName its name, or empty
     * @param mimeType its content type, or empty
     * @throws IllegalArgumentException if the file id is blank
     * @throws NullPointerException if a component is {@code null}
     */
    public Attachment {
        notNull(kind, "kind");
        notBlank(fileId, "fileId");
        notNull(size, "size");
        notNull(fileName, "fileName");
        notNull(mimeType, "mimeType");
    }
}
