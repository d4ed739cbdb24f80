package dev.chorusbot.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Argument;
import dev.chorusbot.core.ButtonPress;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import dev.chorusbot.core.webhook.MalformedWebhookException;
import dev.chorusbot.discord.Discord;
import dev.chorusbot.discord.DiscordInteraction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An interaction object (Receiving and Responding: "Interaction Object") as a Chorus event:
 * <ul>
 *   <li>a slash command (type 2) becomes a {@link Message} whose text is the command line the
 *       command's parser reads: {@code /name} and the options' values in the order of the command's
 *       {@link Argument}s (strings with spaces quoted, a rest argument last as given), so a
 *       command runs the same as when typed on another platform;</li>
 *   <li>a button press (type 3) becomes a {@link ButtonPress} whose data is the button's
 *       {@code custom_id} and whose message is the one the button is on.</li>
 * </ul>
 * The sender is {@code member.user} in a guild, {@code user} in a direct message, with the
 * member's {@code permissions} as roles ({@link DiscordUsers}) and {@code locale} as locale; the
 * chat is {@code channel_id}, a group in a guild or a group DM, private in a direct message with
 * the bot. The time is the one the interaction's id (a snowflake) holds.
 */
final class InteractionReader {
    /** Discord's epoch, the first second of 2015, in milliseconds: a snowflake's time counts from it. */
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    /** Option types SUB_COMMAND (1) and SUB_COMMAND_GROUP (2): their options are nested. */
    private static final int SUB_COMMAND = 1;
    private static final int SUB_COMMAND_GROUP = 2;
    /** Interaction context type PRIVATE_CHANNEL: a group DM, or a DM with someone other than the bot. */
    private static final int PRIVATE_CHANNEL = 2;

    private InteractionReader() {}

    /** Options that cannot be written as a command line: the handler would read them in the wrong places. */
    static final class OptionGapException extends Exception {
        OptionGapException(String message) {
            super(message);
        }
    }

    /** The interaction's fields every type but PING has. */
    static DiscordInteraction interaction(JsonNode root, int type) throws MalformedWebhookException {
        String id = required(root, "id");
        if (!id.matches("[0-9]{1,19}")) {
            throw new MalformedWebhookException("the interaction's \"id\" is not a snowflake");
        }
        String token = required(root, "token");
        String channel = root.path("channel_id").asText(root.path("channel").path("id").asText(""));
        if (channel.isEmpty()) {
            throw new MalformedWebhookException("the interaction has no \"channel_id\"");
        }
        Optional<String> guild = root.hasNonNull("guild_id") ? Optional.of(root.get("guild_id").asText())
                : Optional.empty();
        return new DiscordInteraction(id, type, root.path("application_id").asText(""), token, guild, channel, root);
    }

    /** A slash command as a message whose text is its command line. */
    static Message command(DiscordInteraction interaction, List<Command> commands)
            throws MalformedWebhookException, OptionGapException {
        JsonNode data = interaction.json().path("data");
        String name = data.path("name").asText("");
        if (name.isEmpty()) {
            throw new MalformedWebhookException("the application command has no \"data.name\"");
        }
        StringBuilder line = new StringBuilder("/").append(name);
        Map<String, JsonNode> options = new LinkedHashMap<>();
        flatten(data.path("options"), line, options);
        Optional<Command> command = find(commands, name);
        for (String word : words(command, name, options)) {
            line.append(' ').append(word);
        }
        return new Message(Discord.PLATFORM, interaction.id(), chat(interaction), sender(interaction),
                line.toString(), time(interaction.id()), Optional.empty(), interaction);
    }

    /** A button press. */
    static ButtonPress press(DiscordInteraction interaction) throws MalformedWebhookException {
        JsonNode data = interaction.json().path("data");
        String customId = data.path("custom_id").asText("");
        if (customId.isEmpty()) {
            throw new MalformedWebhookException("the message component interaction has no \"data.custom_id\"");
        }
        JsonNode messageId = interaction.json().path("message").path("id");
        return new ButtonPress(Discord.PLATFORM, interaction.id(), chat(interaction), sender(interaction), customId,
                messageId.isMissingNode() || messageId.isNull() ? Optional.empty() : Optional.of(messageId.asText()),
                time(interaction.id()), interaction);
    }

    /**
     * The option name Discord knows an argument by: the argument's name in lower case (Application
     * Commands: option names are lower-case where the script has case).
     */
    static String optionName(Argument<?> argument) {
        return argument.name().toLowerCase(Locale.ROOT);
    }

    /** A sub-command's name goes into the line; every other option is collected by name. */
    private static void flatten(JsonNode options, StringBuilder line, Map<String, JsonNode> into) {
        for (JsonNode option : options) {
            int type = option.path("type").asInt();
            if (type == SUB_COMMAND || type == SUB_COMMAND_GROUP) {
                line.append(' ').append(option.path("name").asText());
                flatten(option.path("options"), line, into);
            } else {
                into.put(option.path("name").asText().toLowerCase(Locale.ROOT), option.path("value"));
            }
        }
    }

    private static Optional<Command> find(List<Command> commands, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Command c : commands) {
            if (c.name().equalsIgnoreCase(lower) || c.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(lower))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The words after the command's name, in the order of its arguments. An optional argument the
     * user left out before one they gave is written as its default; without a default the line
     * cannot say it, and the user is asked to give it. Options the command does not declare follow
     * in Discord's order (its parser then says what it expects).
     */
    private static List<String> words(Optional<Command> command, String name, Map<String, JsonNode> options)
            throws OptionGapException {
        List<String> words = new ArrayList<>();
        if (command.isPresent()) {
            List<Argument<?>> arguments = command.get().arguments();
            int last = -1;
            for (int i = 0; i < arguments.size(); i++) {
                if (options.containsKey(optionName(arguments.get(i)))) {
                    last = i;
                }
            }
            for (int i = 0; i <= last; i++) {
                Argument<?> argument = arguments.get(i);
                JsonNode value = options.remove(optionName(argument));
                if (value != null) {
                    words.add(argument.kind() == Argument.Kind.REST ? value.asText() : word(value.asText()));
                } else if (argument.defaultValue().isPresent()) {
                    Object fallback = argument.defaultValue().get();
                    words.add(word(fallback instanceof Enum<?> e ? e.name() : String.valueOf(fallback)));
                } else {
                    throw new OptionGapException("/" + name + ": fill in " + optionName(argument) + " too when you"
                            + " fill in " + optionName(arguments.get(last)) + ".");
                }
            }
        }
        options.values().forEach(value -> words.add(word(value.asText())));
        return words;
    }

    /**
     * One word of a command line: as it is, or quoted when it is empty, has spaces or starts with a
     * quote, with a quote inside as {@code \"} and a backslash as {@code \\}.
     */
    static String word(String value) {
        boolean plain = !value.isEmpty() && value.charAt(0) != '"';
        for (int i = 0; plain && i < value.length(); i++) {
            plain = !Character.isWhitespace(value.charAt(i));
        }
        return plain ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static Chat chat(DiscordInteraction interaction) {
        JsonNode root = interaction.json();
        String title = root.path("channel").path("name").asText("");
        Chat.Kind kind = interaction.guildId().isPresent() || root.path("context").asInt(-1) == PRIVATE_CHANNEL
                ? Chat.Kind.GROUP : Chat.Kind.PRIVATE;
        return Chat.of(interaction.channelId(), kind, title);
    }

    private static User sender(DiscordInteraction interaction) throws MalformedWebhookException {
        JsonNode root = interaction.json();
        JsonNode member = root.get("member");
        JsonNode user = member != null && member.hasNonNull("user") ? member.get("user") : root.get("user");
        if (user == null || !user.hasNonNull("id")) {
            throw new MalformedWebhookException("the interaction has neither \"member.user\" nor \"user\"");
        }
        // In a guild, member.permissions are the member's permissions in the channel, owner's included.
        Set<Role> roles = member == null ? EnumSet.noneOf(Role.class)
                : DiscordUsers.roles(false, DiscordUsers.parsePermissions(member.get("permissions")));
        User mapped = DiscordUsers.user(user, member, roles);
        String locale = root.path("locale").asText("");
        return locale.isEmpty() ? mapped : new User(mapped.id(), mapped.login(), mapped.displayName(),
                mapped.roles(), Optional.of(Locale.forLanguageTag(locale)));
    }

    /** A snowflake's time: its top 42 bits are milliseconds since Discord's epoch. */
    static Instant time(String snowflake) {
        return Instant.ofEpochMilli((Long.parseUnsignedLong(snowflake) >>> 22) + DISCORD_EPOCH);
    }

    private static String required(JsonNode root, String field) throws MalformedWebhookException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || node.asText().isEmpty()) {
            throw new MalformedWebhookException("the interaction has no \"" + field + "\"");
        }
        return node.asText();
    }
}
