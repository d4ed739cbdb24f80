package dev.chorusbot.testkit.telegram;

import dev.chorusbot.core.Api;

/**
 * One entry of the bot's command menu, as setMyCommands set it (a BotCommand).
 *
 * @param command the command without {@code /}, 1 to 32 of {@code a-z0-9_}
 * @param description its description, 1 to 256 characters
 */
@Api(Api.Status.EXPERIMENTAL)
public record MenuCommand(String command, String description) {}
