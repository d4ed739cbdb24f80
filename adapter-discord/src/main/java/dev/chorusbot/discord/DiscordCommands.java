package dev.chorusbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.Argument;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.discord.internal.DiscordRest;
import dev.chorusbot.discord.internal.Route;
import dev.chorusbot.json.JsonTrees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's commands as Discord slash commands: one bulk overwrite, {@code PUT
 * /applications/{application.id}/commands} (global) or {@code PUT
 * /applications/{application.id}/guilds/{guild.id}/commands} (one guild, shown at once), which
 * replaces the whole set, so registering twice changes nothing and a command the bot dropped
 * disappears.
 *
 * <p>Each command is a CHAT_INPUT command (type 1) named by its name; aliases are not registered.
 * Its description (1 to 100 characters; the name when it has none, longer ones cut with …) and its
 * localized descriptions in Discord's locales go along; each {@link Argument} is an option named
 * by the argument's name in lower case: string (3) for a word or the rest of the line, integer (4)
 * for a whole number (bounded to an {@code int} for {@link Argument#integer}), boolean (5), and a
 * string with one choice per constant for an enum (at most 25). An optional argument is an option
 * that is not required. Discord's rules are checked before anything is sent, all at once (Application
 * Commands): names of 1 to 32 lower-case letters, digits, {@code -}, {@code _} or {@code '}, at
 * most 100 commands, at most 25 options, required options before optional ones, and at most 8000
 * characters in a command's names, descriptions and choice values together (of a description with
 * translations, the longest counts).
 *
 * <pre>{@code
 * new DiscordCommands(DiscordConfig.fromEnv()).register(bot.commands());
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class DiscordCommands {
    private static final Logger log = LoggerFactory.getLogger(DiscordCommands.class);
    /** Discord's rule for CHAT_INPUT command and option names (Application Command Naming). */
    private static final Pattern NAME = Pattern.compile("^[-_'\\p{L}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}$",
            Pattern.UNICODE_CHARACTER_CLASS);
    static final int MAX_COMMANDS = 100;
    static final int MAX_OPTIONS = 25;
    static final int MAX_CHOICES = 25;
    static final int MAX_DESCRIPTION = 100;
    /** A choice's name and its string value: 1 to 100 characters each. */
    static final int MAX_CHOICE = 100;
    /** Characters of a command's names, descriptions and values together, the longest localization counted. */
    static final int MAX_COMMAND_CHARACTERS = 8000;
    private static final int CHAT_INPUT = 1;
    private static final int OPTION_STRING = 3;
    private static final int OPTION_INTEGER = 4;
    private static final int OPTION_BOOLEAN = 5;
    /** Discord's locales (Reference: "Locales"), for description_localizations. */
    private static final Set<String> LOCALES = Set.of("id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr",
            "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru",
            "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko");

    private final DiscordConfig config;
    private final DiscordRest rest;

    /**
     * Registration for the application of {@code config}, on a REST client of its own.
     *
     * @param config the token, the application id and the guild, if any
     * @throws IllegalArgumentException when the configuration has no application id
     */
    public DiscordCommands(DiscordConfig config) {
        this(config, new DiscordRest(config, Scheduler.system()));
    }

    DiscordCommands(DiscordConfig config, DiscordRest rest) {
        if (config.applicationId().isEmpty()) {
            throw new IllegalArgumentException("registering commands needs the application's id: set"
                    + " DISCORD_APPLICATION_ID from the Developer Portal's General Information page");
        }
        this.config = config;
        this.rest = rest;
    }

    /**
     * The request body: the commands as Discord's application command objects.
     *
     * @param commands the bot's commands, as {@code bot.commands()} lists them
     * @return the JSON array to PUT
     * @throws IllegalArgumentException listing every command or option Discord would refuse
     */
    public static ArrayNode body(List<Command> commands) {
        List<String> problems = new ArrayList<>();
        ArrayNode array = JsonTrees.object().arrayNode();
        Set<String> names = new HashSet<>();
        for (Command command : commands) {
            String name = command.name().toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches()) {
                problems.add("command '" + command.name() + "': a slash command's name is 1 to 32 letters, digits,"
                        + " -, _ or '");
            } else if (!names.add(name)) {
                problems.add("command '" + command.name() + "' is there twice");
            }
            ObjectNode c = array.addObject().put("name", name).put("type", CHAT_INPUT)
                    .put("description", description(command.description(), name));
            // Sorted by locale, so the same commands always make the same body.
            java.util.TreeMap<String, String> byLocale = new java.util.TreeMap<>();
            command.descriptions().forEach((locale, text) -> discordLocale(locale)
                    .ifPresent(tag -> byLocale.put(tag, description(text, name))));
            ObjectNode localized = JsonTrees.object();
            byLocale.forEach(localized::put);
            if (!localized.isEmpty()) {
                c.set("description_localizations", localized);
            }
            List<Argument<?>> arguments = command.arguments();
            if (arguments.size() > MAX_OPTIONS) {
                problems.add("command '" + name + "' has " + arguments.size() + " arguments, Discord takes "
                        + MAX_OPTIONS + " options");
            }
            if (!arguments.isEmpty()) {
                ArrayNode options = c.putArray("options");
                boolean optionalSeen = false;
                for (Argument<?> argument : arguments) {
                    if (argument.isOptional()) {
                        optionalSeen = true;
                    } else if (optionalSeen) {
                        problems.add("command '" + name + "': required argument '" + argument.name()
                                + "' follows an optional one; Discord lists required options first");
                    }
                    options.add(option(name, argument, problems));
                }
            }
            int characters = characters(c);
            if (characters > MAX_COMMAND_CHARACTERS) {
                problems.add("command '" + name + "' has " + characters + " characters in its names, descriptions"
                        + " and values, Discord takes " + MAX_COMMAND_CHARACTERS);
            }
        }
        if (array.size() > MAX_COMMANDS) {
            problems.add("the bot has " + array.size() + " commands, Discord registers at most " + MAX_COMMANDS);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Discord would refuse these commands: " + String.join("; ", problems));
        }
        return array;
    }

    private static ObjectNode option(String command, Argument<?> argument, List<String> problems) {
        String name = argument.name().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            problems.add("command '" + command + "': option '" + argument.name() + "' is not 1 to 32 letters, digits,"
                    + " -, _ or '");
        }
        ObjectNode o = JsonTrees.object();
        o.put("type", switch (argument.kind()) {
            case INT, LONG -> OPTION_INTEGER;
            case BOOLEAN -> OPTION_BOOLEAN;
            default -> OPTION_STRING;
        });
        o.put("name", name).put("description", description(argument.usage(), name));
        o.put("required", !argument.isOptional());
        if (argument.kind() == Argument.Kind.INT) {
            o.put("min_value", Integer.MIN_VALUE).put("max_value", Integer.MAX_VALUE);
        }
        if (argument.kind() == Argument.Kind.ENUM) {
            Object[] constants = argument.type().getEnumConstants();
            if (constants.length > MAX_CHOICES) {
                problems.add("command '" + command + "': option '" + name + "' has " + constants.length
                        + " values, Discord shows at most " + MAX_CHOICES + " choices");
            }
            ArrayNode choices = o.putArray("choices");
            for (Object constant : constants) {
                String value = ((Enum<?>) constant).name();
                if (length(value) > MAX_CHOICE) {
                    problems.add("command '" + command + "': option '" + name + "' has the value " + value
                            + ", longer than the " + MAX_CHOICE + " characters of a Discord choice");
                }
                choices.addObject().put("name", value.toLowerCase(Locale.ROOT)).put("value", value);
            }
        }
        return o;
    }

    /**
     * What Discord counts against a command's 8000 characters: every name, description and value of
     * the command, its options and their choices; of a field with localizations only the longest.
     */
    static int characters(JsonNode command) {
        int count = 0;
        for (String field : new String[] {"name", "description", "value"}) {
            JsonNode value = command.get(field);
            if (value != null && value.isValueNode()) {
                int longest = length(value.asText());
                JsonNode localized = command.get(field + "_localizations");
                if (localized != null) {
                    for (JsonNode translation : localized) {
                        longest = Math.max(longest, length(translation.asText()));
                    }
                }
                count += longest;
            }
        }
        for (String children : new String[] {"options", "choices"}) {
            JsonNode list = command.get(children);
            if (list != null) {
                for (JsonNode child : list) {
                    count += characters(child);
                }
            }
        }
        return count;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** 1 to 100 characters: the name when there is no text, a longer text cut with an ellipsis. */
    static String description(String text, String fallback) {
        String d = text == null || text.isBlank() ? fallback : text.strip();
        if (d.length() <= MAX_DESCRIPTION) {
            return d;
        }
        int end = MAX_DESCRIPTION - 1;
        if (Character.isHighSurrogate(d.charAt(end - 1))) {
            end--;
        }
        return d.substring(0, end) + "…";
    }

    /** Discord's locale for a Java one: the exact tag, else the language alone; empty for one Discord lacks. */
    static Optional<String> discordLocale(Locale locale) {
        String tag = locale.toLanguageTag();
        if (LOCALES.contains(tag)) {
            return Optional.of(tag);
        }
        return LOCALES.contains(locale.getLanguage()) ? Optional.of(locale.getLanguage()) : Optional.empty();
    }

    /**
     * Replaces the application's commands (or the configured guild's) with {@code commands}.
     *
     * @param commands the bot's commands
     * @return the commands as Discord registered them, with their ids
     * @throws IllegalArgumentException listing what Discord would refuse, before anything is sent
     * @throws DiscordException when Discord refused the set or could not be reached
     * @throws InterruptedException when interrupted while waiting for Discord
     */
    public List<JsonNode> register(List<Command> commands) throws InterruptedException {
        return await(put(body(commands)));
    }

    /**
     * The commands registered now.
     *
     * @return Discord's application command objects
     * @throws DiscordException when Discord refused or could not be reached
     * @throws InterruptedException when interrupted while waiting for Discord
     */
    public List<JsonNode> list() throws InterruptedException {
        return await(rest.request(route("GET"), null));
    }

    /**
     * Removes every command of the application (or of the configured guild).
     *
     * @throws DiscordException when Discord refused or could not be reached
     * @throws InterruptedException when interrupted while waiting for Discord
     */
    public void clear() throws InterruptedException {
        await(put(JsonTrees.object().arrayNode()));
    }

    /**
     * As {@link #register}, in the background: the outcome is logged, {@code info} when done and
     * {@code warn} when refused.
     *
     * @param commands the bot's commands
     * @return completes when done; never fails
     */
    public CompletableFuture<Void> registerInBackground(List<Command> commands) {
        ArrayNode body;
        try {
            body = body(commands);
        } catch (IllegalArgumentException e) {
            log.warn("Not registering the Discord commands: {}", e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return put(body).handle((answer, failure) -> {
            if (failure == null) {
                log.info("Registered {} Discord command(s) {}", answer.size(), where());
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                log.warn("Could not register the Discord commands {}: {}", where(), cause.getMessage());
            }
            return null;
        });
    }

    private String where() {
        return config.commandGuildId().map(g -> "in guild " + g).orElse("globally");
    }

    private CompletableFuture<JsonNode> put(ArrayNode body) {
        return rest.requestArray(route("PUT"), body);
    }

    private Route route(String method) {
        String app = config.applicationId().orElseThrow();
        return config.commandGuildId()
                .map(g -> Route.of(method, "/applications/{application.id}/guilds/{guild.id}/commands", app, g))
                .orElseGet(() -> Route.of(method, "/applications/{application.id}/commands", app));
    }

    private static List<JsonNode> await(CompletableFuture<JsonNode> call) throws InterruptedException {
        try {
            JsonNode answer = call.get();
            List<JsonNode> out = new ArrayList<>();
            answer.forEach(out::add);
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public String toString() {
        return "DiscordCommands[application " + config.applicationId().orElse("-") + ", " + where() + "]";
    }

    /** For tests: the body as text. */
    static String json(List<Command> commands) {
        return JsonTrees.text(body(commands));
    }
}
