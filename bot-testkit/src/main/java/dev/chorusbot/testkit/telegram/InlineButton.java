package dev.chorusbot.testkit.telegram;

import dev.chorusbot.core.Api;
import java.util.Optional;

/**
 * One InlineKeyboardButton of a sent message's {@code reply_markup.inline_keyboard}.
 *
 * @param text the label
 * @param callbackData its {@code callback_data}, if it has one
 * @param url its {@code url}, if it has one
 */
@Api(Api.Status.EXPERIMENTAL)
public record InlineButton(String text, Optional<String> callbackData, Optional<String> url) {}
