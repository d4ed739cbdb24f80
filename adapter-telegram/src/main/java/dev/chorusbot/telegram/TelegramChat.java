package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;
import java.util.Optional;

/**
 * A Telegram chat (the Bot API's {@code Chat}).
 *
 * @param id the chat id; negative for groups, {@code -100…} for supergroups and channels
 * @param type {@code private}, {@code group}, {@code supergroup} or {@code channel}
 * @param title the title of a group or channel, or the user's name in a private chat
 * @param username the public username, if any
 * @param isForum whether the supergroup has forum topics
 */
@Api(Api.Status.EXPERIMENTAL)
public record TelegramChat(long id, String type, String title, Optional<String> username, boolean isForum) {}
