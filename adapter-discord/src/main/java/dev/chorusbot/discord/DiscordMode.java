package dev.chorusbot.discord;

import dev.chorusbot.core.Api;

/** How a Discord bot receives its events. */
@Api(Api.Status.STABLE)
public enum DiscordMode {
    /** A WebSocket to Discord's Gateway that the bot keeps open: channel messages such as {@code !hello}. */
    GATEWAY,
    /** Discord POSTs slash commands and button presses to the bot's Interactions endpoint (a webhook). */
    INTERACTIONS
}
