package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;

/**
 * A member of a chat with their status (the Bot API's {@code ChatMember}), as getChatAdministrators
 * returns them.
 *
 * @param status {@code creator}, {@code administrator}, {@code member}, {@code restricted},
 *     {@code left} or {@code kicked}
 * @param user the member
 */
@Api(Api.Status.EXPERIMENTAL)
public record TelegramChatMember(String status, TelegramUser user) {}
