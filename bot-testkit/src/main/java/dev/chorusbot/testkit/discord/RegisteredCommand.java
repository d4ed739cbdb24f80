package dev.chorusbot.testkit.discord;

import dev.chorusbot.core.Api;
import java.util.Optional;

/**
 * An application command the bot registered with {@code PUT /applications/{app}/commands} (or the
 * guild variant).
 *
 * @param id the id the fake gave it; a second PUT that names the command again keeps it
 * @param name its {@code name}
 * @param description its {@code description}
 * @param guildId the guild it was registered in; empty for a global command
 * @param json the command object as the bot sent it
 */
@Api(Api.Status.EXPERIMENTAL)
public record RegisteredCommand(String id, String name, String description, Optional<String> guildId, String json) {}
