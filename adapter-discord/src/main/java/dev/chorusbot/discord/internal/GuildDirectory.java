package dev.chorusbot.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Role;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Gateway said about each guild that roles need: its {@code owner_id} and each role's
 * {@code permissions}, from GUILD_CREATE (sent for every guild after READY and when the bot
 * joins one), kept current by GUILD_UPDATE, GUILD_ROLE_CREATE, GUILD_ROLE_UPDATE,
 * GUILD_ROLE_DELETE and GUILD_DELETE. Thread-safe.
 */
final class GuildDirectory {
    private final Map<String, Guild> guilds = new ConcurrentHashMap<>();

    /** One guild: its owner and its roles' permissions by role id. */
    private record Guild(String ownerId, Map<String, Long> permissions) {}

    /**
     * Takes in a guild event.
     *
     * @param type the dispatch's {@code t}
     * @param d its data
     * @return whether the event was one of the guild events kept here
     */
    boolean apply(String type, JsonNode d) {
        switch (type) {
            case "GUILD_CREATE", "GUILD_UPDATE" -> {
                String id = d.path("id").asText("");
                if (id.isEmpty() || d.path("unavailable").asBoolean(false)) {
                    return true; // an outage: keep what we knew
                }
                Map<String, Long> permissions = new ConcurrentHashMap<>();
                for (JsonNode role : d.path("roles")) {
                    permissions.put(role.path("id").asText(), DiscordUsers.parsePermissions(role.get("permissions")));
                }
                guilds.put(id, new Guild(d.path("owner_id").asText(""), permissions));
                return true;
            }
            case "GUILD_DELETE" -> {
                // "unavailable" set means an outage; without it the bot left the guild.
                if (!d.path("unavailable").asBoolean(false)) {
                    guilds.remove(d.path("id").asText(""));
                }
                return true;
            }
            case "GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE" -> {
                Guild guild = guilds.get(d.path("guild_id").asText(""));
                JsonNode role = d.path("role");
                if (guild != null && role.hasNonNull("id")) {
                    guild.permissions().put(role.path("id").asText(),
                            DiscordUsers.parsePermissions(role.get("permissions")));
                }
                return true;
            }
            case "GUILD_ROLE_DELETE" -> {
                Guild guild = guilds.get(d.path("guild_id").asText(""));
                if (guild != null) {
                    guild.permissions().remove(d.path("role_id").asText(""));
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * The Chorus roles of a guild member.
     *
     * @param guildId the guild
     * @param userId the member's user id
     * @param memberRoles the member's {@code roles} array, or a missing node
     * @return owner and moderator roles as far as the guild is known; none for an unknown guild
     */
    Set<Role> roles(String guildId, String userId, JsonNode memberRoles) {
        Guild guild = guilds.get(guildId);
        if (guild == null) {
            return Set.of();
        }
        return DiscordUsers.roles(guild.ownerId().equals(userId),
                DiscordUsers.permissions(guildId, memberRoles, guild.permissions()));
    }

    /** How many guilds are known. */
    int size() {
        return guilds.size();
    }
}
