package dev.chorusbot.discord.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscordUsersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void theMembersNickComesFirst() throws Exception {
        JsonNode user = json("{'id':'80351110224678912','username':'viktor','global_name':'Viktor K'}");

        assertThat(DiscordUsers.displayName(user, json("{'nick':'Vik'}"))).isEqualTo("Vik");
        assertThat(DiscordUsers.displayName(user, json("{'nick':null}"))).isEqualTo("Viktor K");
        assertThat(DiscordUsers.displayName(user, null)).isEqualTo("Viktor K");
    }

    @Test
    void theUsernameIsTheLastResortAndTheLogin() throws Exception {
        JsonNode user = json("{'id':'80351110224678912','username':'viktor','global_name':null}");

        User mapped = DiscordUsers.user(user, null, DiscordUsers.roles(false, 0));

        assertThat(mapped.displayName()).isEqualTo("viktor");
        assertThat(mapped.login()).isEqualTo("viktor");
        assertThat(mapped.id()).isEqualTo("80351110224678912");
        assertThat(mapped.roles()).containsExactly(Role.EVERYONE);
    }

    @Test
    void theGuildOwnerIsOwner() {
        assertThat(DiscordUsers.roles(true, 0)).containsExactly(Role.OWNER);
    }

    @Test
    void administratorManageGuildAndManageMessagesMakeAModerator() {
        assertThat(DiscordUsers.roles(false, 0x8)).containsExactly(Role.MODERATOR);
        assertThat(DiscordUsers.roles(false, 0x20)).containsExactly(Role.MODERATOR);
        assertThat(DiscordUsers.roles(false, 0x2000)).containsExactly(Role.MODERATOR);
        assertThat(DiscordUsers.roles(false, 0x400 | 0x800)).isEmpty(); // VIEW_CHANNEL and SEND_MESSAGES
    }

    @Test
    void permissionsAreTheEveryoneRoleAndTheMembersRolesTogether() throws Exception {
        Map<String, Long> roles = Map.of("1000", 0x400L, "2000", 0x2000L, "3000", 0x8L);

        assertThat(DiscordUsers.permissions("1000", json("['2000']"), roles)).isEqualTo(0x2400L);
        assertThat(DiscordUsers.permissions("1000", json("[]"), roles)).isEqualTo(0x400L);
    }

    @Test
    void permissionsAreReadFromDiscordsStrings() throws Exception {
        assertThat(DiscordUsers.parsePermissions(json("'2199023255551'"))).isEqualTo(2199023255551L);
        assertThat(DiscordUsers.parsePermissions(json("{}").get("permissions"))).isZero();
    }
}
