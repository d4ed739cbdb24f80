package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;
import java.util.Optional;

/**
 * A press on an inline keyboard button (the Bot API's {@code CallbackQuery}).
 *
 * @param id the query id, answered with answerCallbackQuery
 * @param from who pressed
 * @param message the message carrying the button, when the bot can still see it
 * @param inlineMessageId the inline message carrying the button, for inline-mode messages
 * @param data the button's {@code callback_data}, if any
 */
@Api(Api.Status.EXPERIMENTAL)
public record TelegramCallbackQuery(String id, TelegramUser from, Optional<TelegramMessage> message,
        Optional<String> inlineMessageId, Optional<String> data) {}
