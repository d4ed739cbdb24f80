package dev.chorusbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Api;
import java.util.Objects;
import java.util.Optional;

/**
 * An interaction as Discord POSTed it to the Interactions endpoint: what {@code
 * message.unwrap(DiscordInteraction.class)} gives for a slash command or a button press that
 * arrived there.
 *
 * <p>{@link #toString()} never shows the interaction token, which lets anyone answer the
 * interaction for 15 minutes.
 *
 * @param id the interaction's id
 * @param type 2 for a slash command (APPLICATION_COMMAND), 3 for a button press (MESSAGE_COMPONENT)
 * @param applicationId the application the interaction is for
 * @param token the interaction's token, valid for 15 minutes; keep it out of logs
 * @param guildId the guild it came from; empty in a direct message
 * @param channelId the channel it came from
 * @param json the interaction object as Discord sent it (with the token)
 */
@Api(Api.Status.EXPERIMENTAL)
public record DiscordInteraction(String id, int type, String applicationId, String token, Optional<String> guildId,
        String channelId, JsonNode json) {
    /** Interaction type PING. */
    public static final int PING = 1;
    /** Interaction type APPLICATION_COMMAND: a slash command. */
    public static final int APPLICATION_COMMAND = 2;
    /** Interaction type MESSAGE_COMPONENT: a button press. */
    public static final int MESSAGE_COMPONENT = 3;

    /**
     * Validates the components.
     *
     * @param id the interaction's id
     * @param type the interaction type
     * @param applicationId the application's id
     * @param token the interaction token
     * @param guildId the guild, or empty
     * @param channelId the channel
     * @param json the interaction object
     * @throws NullPointerException if a component is null
     */
    public DiscordInteraction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(json, "json");
    }

    /**
     * The slash command's name, for an application command.
     *
     * @return {@code data.name}; empty for a button press
     */
    public Optional<String> commandName() {
        return type == APPLICATION_COMMAND ? Optional.of(json.path("data").path("name").asText()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "DiscordInteraction[id=" + id + ", type=" + type + ", applicationId=" + applicationId
                + ", token=<hidden>, guildId=" + guildId.orElse("none") + ", channelId=" + channelId + "]";
    }
}
