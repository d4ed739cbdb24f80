package dev.chorusbot.testkit.telegram;

import dev.chorusbot.core.Api;
import java.util.List;
import java.util.Optional;

/**
 * A message the bot sent and the fake accepted.
 *
 * @param messageId the id the fake gave it
 * @param chatId the chat it went to
 * @param threadId its {@code message_thread_id}, if given
 * @param text its text
 * @param parseMode its {@code parse_mode}, if given
 * @param replyToMessageId {@code reply_parameters.message_id}, if given
 * @param buttons the rows of its {@code reply_markup.inline_keyboard}; empty without buttons
 * @param viaWebhookResponse true when it came back inside a webhook response
 */
@Api(Api.Status.EXPERIMENTAL)
public record SentMessage(long messageId, long chatId, Optional<Long> threadId, String text, Optional<String> parseMode,
        Optional<Long> replyToMessageId, List<List<InlineButton>> buttons, boolean viaWebhookResponse) {}
