package dev.chorusbot.testkit.telegram;

import dev.chorusbot.core.Api;
import java.util.List;
import java.util.Optional;

/**
 * A photo or document the fake accepted from the bot.
 *
 * @param messageId the id the fake gave the message
 * @param chatId the chat it went to
 * @param method {@code sendPhoto} or {@code sendDocument}
 * @param caption its caption; empty for none
 * @param upload the file uploaded with it as {@code multipart/form-data}, if it was uploaded
 * @param reference the URL or file id it named instead of uploading, if it did
 * @param buttons its inline keyboard
 */
@Api(Api.Status.EXPERIMENTAL)
public record SentMedia(long messageId, long chatId, String method, String caption, Optional<FakeFile> upload,
        Optional<String> reference, List<List<InlineButton>> buttons) {}
