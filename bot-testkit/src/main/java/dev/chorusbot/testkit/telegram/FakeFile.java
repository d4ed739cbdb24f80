package dev.chorusbot.testkit.telegram;

import dev.chorusbot.core.Api;
import java.util.Optional;

/**
 * A file the fake holds: uploaded by the bot (sendPhoto, sendDocument) or added by a test as a
 * user's file ({@link FakeTelegramServer#addFile}). getFile describes it and {@code
 * /file/bot<token>/<path>} serves its bytes.
 *
 * @param fileId the id to send or download it with
 * @param fileUniqueId the id that stays the same
 * @param fileName its name, if it has one
 * @param mimeType its content type
 * @param bytes its content
 * @param filePath where {@code /file/bot<token>/} serves it
 */
@Api(Api.Status.EXPERIMENTAL)
public record FakeFile(String fileId, String fileUniqueId, Optional<String> fileName, String mimeType, byte[] bytes,
        String filePath) {

    @Override
    public String toString() {
        return "FakeFile[" + fileId + ", " + fileName.orElse("-") + ", " + mimeType + ", " + bytes.length + " bytes]";
    }
}
