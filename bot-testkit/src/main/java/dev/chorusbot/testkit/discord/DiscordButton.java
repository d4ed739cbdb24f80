package dev.chorusbot.testkit.discord;

import dev.chorusbot.core.Api;

/**
 * A button (component type 2) of a message the bot sent.
 *
 * @param label the text it shows
 * @param customId its {@code custom_id}: what an interaction carries back when it is pressed
 * @param style its style: 1 primary, 2 secondary, 3 success, 4 danger, 5 link
 */
@Api(Api.Status.EXPERIMENTAL)
public record DiscordButton(String label, String customId, int style) {}
