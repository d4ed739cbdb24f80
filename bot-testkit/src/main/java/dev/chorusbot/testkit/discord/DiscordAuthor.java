package dev.chorusbot.testkit.discord;

import dev.chorusbot.core.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who writes a message that the {@link FakeDiscordGateway} delivers: the {@code author} user
 * object, and in a guild the {@code member} object's {@code nick} and {@code roles}.
 *
 * <pre>{@code
 * DiscordAuthor anna = DiscordAuthor.of("200000000000000002", "anna").withNick("Annie").withRoles("300");
 * }</pre>
 *
 * @param id the user's snowflake
 * @param username the unique username
 * @param globalName the display name ({@code global_name}), if set
 * @param nick the guild nickname ({@code member.nick}), if set
 * @param roles the ids of the member's roles in the guild
 * @param bot whether the user is a bot ({@code author.bot})
 */
@Api(Api.Status.EXPERIMENTAL)
public record DiscordAuthor(String id, String username, Optional<String> globalName, Optional<String> nick,
        List<String> roles, boolean bot) {
    /**
     * Validates and copies the components.
     *
     * @param id the user's snowflake
     * @param username the unique username
     * @param globalName the display name, if set
     * @param nick the guild nickname, if set
     * @param roles the ids of the member's roles; copied
     * @param bot whether the user is a bot
     * @throws NullPointerException if a component is null
     */
    public DiscordAuthor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(globalName, "globalName");
        Objects.requireNonNull(nick, "nick");
        roles = List.copyOf(roles);
    }

    /**
     * A user without display name, nickname or roles.
     *
     * @param id the user's snowflake
     * @param username the username
     * @return the author
     */
    public static DiscordAuthor of(String id, String username) {
        return new DiscordAuthor(id, username, Optional.empty(), Optional.empty(), List.of(), false);
    }

    /**
     * A copy with a display name ({@code global_name}).
     *
     * @param name the display name
     * @return a new author
     */
    public DiscordAuthor withGlobalName(String name) {
        return new DiscordAuthor(id, username, Optional.of(name), nick, roles, bot);
    }

    /**
     * A copy with a guild nickname ({@code member.nick}).
     *
     * @param name the nickname
     * @return a new author
     */
    public DiscordAuthor withNick(String name) {
        return new DiscordAuthor(id, username, globalName, Optional.of(name), roles, bot);
    }

    /**
     * A copy with these guild roles ({@code member.roles}).
     *
     * @param roleIds the role ids
     * @return a new author
     */
    public DiscordAuthor withRoles(String... roleIds) {
        return new DiscordAuthor(id, username, globalName, nick, List.of(roleIds), bot);
    }

    /**
     * A copy that is a bot account ({@code author.bot: true}).
     *
     * @return a new author
     */
    public DiscordAuthor asBot() {
        return new DiscordAuthor(id, username, globalName, nick, roles, true);
    }
}
