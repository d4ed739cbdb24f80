package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file ready to be downloaded (the Bot API's {@code File}, from getFile).
 *
 * @param fileId the id to download or send the file again with
 * @param fileUniqueId the id that stays the same over time and bots; not usable to download
 * @param fileSize its size in bytes, if known
 * @param filePath where to download it: {@code <api>/file/bot<token>/<file_path>}
 */
@Api(Api.Status.EXPERIMENTAL)
public record TelegramFile(String fileId, String fileUniqueId, OptionalLong fileSize, Optional<String> filePath) {}
