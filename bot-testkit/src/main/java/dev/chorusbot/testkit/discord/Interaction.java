package dev.chorusbot.testkit.discord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Api;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An interaction as Discord POSTs it to an Interactions endpoint (Receiving and Responding:
 * "Interaction Object"), built by {@link InteractionSender}: a PING, a slash command with options
 * or a button press, from a guild member by default. Change what a test needs, then send it with
 * {@link InteractionSender#send(java.net.URI, Interaction)}.
 *
 * <pre>{@code
 * InteractionReply reply = sender.send(url, sender.command("roll").option("sides", 20).from("7", "anna", "Anna"));
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class Interaction {
    /** The guild interactions come from unless {@link #inDirectMessage()}. */
    public static final String DEFAULT_GUILD_ID = "300000000000000001";
    /** The channel interactions come from. */
    public static final String DEFAULT_CHANNEL_ID = "400000000000000001";
    /** Discord's epoch, the first second of 2015: a snowflake counts milliseconds from it. */
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final ObjectNode root = DiscordJson.object();
    private final String id;
    private final String token;

    Interaction(int type, String applicationId) {
        long sequence = SEQUENCE.incrementAndGet();
        this.id = Long.toString(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (sequence & 0xfff));
        // As Discord's: base64url of "interaction:<id>:<secret>", so it starts with "aW50ZXJhY3Rpb246".
        this.token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("interaction:" + id + ":"
                + java.util.UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        root.put("id", id).put("application_id", applicationId).put("type", type).put("token", token)
                .put("version", 1);
        if (type != 1) {
            root.put("guild_id", DEFAULT_GUILD_ID).put("channel_id", DEFAULT_CHANNEL_ID);
            root.putObject("channel").put("id", DEFAULT_CHANNEL_ID).put("type", 0).put("name", "general");
            root.put("locale", "en-US").put("app_permissions", "2248473465835073").put("context", 0);
            root.putArray("entitlements");
            root.putObject("authorizing_integration_owners").put("0", DEFAULT_GUILD_ID);
            ObjectNode member = root.putObject("member");
            member.putObject("user").put("id", "200000000000000001").put("username", "viktor")
                    .put("global_name", "Viktor").put("discriminator", "0");
            member.putNull("nick");
            member.putArray("roles");
            member.put("permissions", "0");
        }
    }

    static Interaction command(String name, String applicationId) {
        Interaction i = new Interaction(2, applicationId);
        i.root.putObject("data").put("id", "500000000000000001").put("name", name).put("type", 1);
        return i;
    }

    static Interaction press(String customId, String messageId, String applicationId) {
        Interaction i = new Interaction(3, applicationId);
        i.root.putObject("data").put("custom_id", customId).put("component_type", 2);
        i.root.putObject("message").put("id", messageId).put("channel_id", DEFAULT_CHANNEL_ID)
                .put("content", "").putArray("components");
        return i;
    }

    /**
     * Adds a slash command option: a string (type 3), an integer (4) or a boolean (5), by the value's type.
     *
     * @param name the option's name
     * @param value a {@code String}, an {@code Integer} or {@code Long}, or a {@code Boolean}
     * @return this interaction
     * @throws IllegalArgumentException for a value of another type
     */
    public Interaction option(String name, Object value) {
        ObjectNode data = (ObjectNode) root.path("data");
        ArrayNode options = data.has("options") ? (ArrayNode) data.get("options") : data.putArray("options");
        ObjectNode o = options.addObject().put("name", name);
        if (value instanceof String s) {
            o.put("type", 3).put("value", s);
        } else if (value instanceof Integer || value instanceof Long) {
            o.put("type", 4).put("value", ((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            o.put("type", 5).put("value", b);
        } else {
            throw new IllegalArgumentException("an option is a String, an Integer, a Long or a Boolean, not " + value);
        }
        return this;
    }

    /**
     * The user who used the command or pressed the button.
     *
     * @param userId the user's id
     * @param username the unique username
     * @param globalName the display name, or null for none
     * @return this interaction
     */
    public Interaction from(String userId, String username, String globalName) {
        ObjectNode user = (root.has("member") ? (ObjectNode) root.get("member") : root).putObject("user");
        user.put("id", userId).put("username", username).put("discriminator", "0");
        if (globalName == null) {
            user.putNull("global_name");
        } else {
            user.put("global_name", globalName);
        }
        return this;
    }

    /**
     * The member's nickname in the guild, which Chorus shows before the global name.
     *
     * @param nick the nickname
     * @return this interaction
     */
    public Interaction nick(String nick) {
        ((ObjectNode) root.get("member")).put("nick", nick);
        return this;
    }

    /**
     * The member's permissions in the channel.
     *
     * @param permissions the bit set, such as 8 for ADMINISTRATOR
     * @return this interaction
     */
    public Interaction permissions(long permissions) {
        ((ObjectNode) root.get("member")).put("permissions", Long.toUnsignedString(permissions));
        return this;
    }

    /**
     * From a direct message with the bot: {@code user} instead of {@code member}, no guild.
     *
     * @return this interaction
     */
    public Interaction inDirectMessage() {
        ObjectNode member = (ObjectNode) root.remove("member");
        root.set("user", member.get("user"));
        root.remove("guild_id");
        root.put("context", 1);
        ((ObjectNode) root.get("authorizing_integration_owners")).put("0", "0");
        ((ObjectNode) root.get("channel")).put("type", 1).remove("name");
        return this;
    }

    /**
     * Sets any field of the interaction object, for a test of an odd interaction.
     *
     * @param field the top-level field
     * @param value its value as text
     * @return this interaction
     */
    public Interaction with(String field, String value) {
        root.put(field, value);
        return this;
    }

    /**
     * Sets any number field of the interaction object, such as another {@code type}.
     *
     * @param field the top-level field
     * @param value its value
     * @return this interaction
     */
    public Interaction with(String field, long value) {
        root.put(field, value);
        return this;
    }

    /**
     * The interaction's id.
     *
     * @return a snowflake of now
     */
    public String id() {
        return id;
    }

    /**
     * The interaction's token, which follow-ups and callbacks carry in their path.
     *
     * @return the token
     */
    public String token() {
        return token;
    }

    /**
     * The interaction object.
     *
     * @return the JSON as it is sent
     */
    public String json() {
        return root.toString();
    }

    @Override
    public String toString() {
        return "Interaction[" + json() + "]";
    }
}
