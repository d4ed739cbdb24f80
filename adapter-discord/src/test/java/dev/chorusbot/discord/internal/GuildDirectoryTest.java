package dev.chorusbot.discord.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.core.Role;
import org.junit.jupiter.api.Test;

/** Guild events keep each guild's owner and role permissions, which make the senders' roles. */
class GuildDirectoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUILD = "400000000000000000";

    private final GuildDirectory guilds = new GuildDirectory();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private void create() throws Exception {
        guilds.apply("GUILD_CREATE", json("{'id':'" + GUILD + "','owner_id':'1','roles':[{'id':'" + GUILD
                + "','permissions':'0'},{'id':'50','permissions':'8192'}]}"));
    }

    private JsonNode memberRoles(String... ids) {
        var array = JSON.createArrayNode();
        for (String id : ids) {
            array.add(id);
        }
        return array;
    }

    @Test
    void theOwnerAndAMemberWithManageMessagesHaveTheirRoles() throws Exception {
        create();

        assertThat(guilds.roles(GUILD, "1", memberRoles())).containsExactly(Role.OWNER);
        assertThat(guilds.roles(GUILD, "2", memberRoles("50"))).containsExactly(Role.MODERATOR);
        assertThat(guilds.roles(GUILD, "3", memberRoles())).isEmpty();
    }

    @Test
    void roleUpdatesAndDeletesChangeTheRoles() throws Exception {
        create();

        guilds.apply("GUILD_ROLE_CREATE", json("{'guild_id':'" + GUILD + "','role':{'id':'60','permissions':'8'}}"));
        assertThat(guilds.roles(GUILD, "3", memberRoles("60"))).containsExactly(Role.MODERATOR);
        guilds.apply("GUILD_ROLE_UPDATE", json("{'guild_id':'" + GUILD + "','role':{'id':'50','permissions':'0'}}"));
        assertThat(guilds.roles(GUILD, "2", memberRoles("50"))).isEmpty();
        guilds.apply("GUILD_ROLE_DELETE", json("{'guild_id':'" + GUILD + "','role_id':'60'}"));
        assertThat(guilds.roles(GUILD, "3", memberRoles("60"))).isEmpty();
    }

    @Test
    void anOutageKeepsTheGuildAndLeavingForgetsIt() throws Exception {
        create();

        guilds.apply("GUILD_DELETE", json("{'id':'" + GUILD + "','unavailable':true}"));
        assertThat(guilds.size()).isEqualTo(1);
        guilds.apply("GUILD_CREATE", json("{'id':'" + GUILD + "','unavailable':true}"));
        assertThat(guilds.roles(GUILD, "1", memberRoles())).containsExactly(Role.OWNER);
        guilds.apply("GUILD_DELETE", json("{'id':'" + GUILD + "'}"));
        assertThat(guilds.size()).isZero();
        assertThat(guilds.roles(GUILD, "1", memberRoles())).isEmpty();
    }

    @Test
    void malformedGuildEventsAreTakenWithoutHarm() throws Exception {
        assertThat(guilds.apply("GUILD_CREATE", json("{'roles':'not an array'}"))).isTrue();
        assertThat(guilds.apply("GUILD_ROLE_UPDATE", json("{'guild_id':'9','role':{}}"))).isTrue();
        assertThat(guilds.apply("GUILD_ROLE_DELETE", json("[]"))).isTrue();
        assertThat(guilds.apply("MESSAGE_CREATE", json("{}"))).isFalse();
        assertThat(guilds.size()).isZero();
    }
}
