package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A command users invoke as {@code !name args} or {@code /name args}. Names and aliases are matched
 * in any case. Build one with {@link #named(String)}, or declare it with {@link BotCommand} on a
 * method.
 *
 * <pre>{@code
 * Command hello = Command.named("hello")
 *     .description("Say hello")
 *     .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
 *     .build();
 * }</pre>
 *
 * <p>A command is checked when the bot is built: a bad name, a clash with another command's name
 * or alias, a missing handler or a misplaced argument is reported there, all problems at once.
 */
@Api(Api.Status.STABLE)
public final class Command {
    private final String name;
    private final List<String> aliases;
    private final String description;
    private final Map<Locale, String> descriptions;
    private final String usage;
    private final Role requiredRole;
    private final Duration cooldown;
    private final CooldownScope cooldownScope;
    private final List<Argument<?>> arguments;
    private final CommandHandler handler;

    private Command(Builder builder) {
        this.name = builder.name.toLowerCase(Locale.ROOT);
        this.aliases = builder.aliases.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        this.description = builder.description;
        this.descriptions = Map.copyOf(builder.descriptions);
        this.usage = builder.usage;
        this.requiredRole = builder.requiredRole;
        this.cooldown = builder.cooldown;
        this.cooldownScope = builder.cooldownScope;
        this.arguments = List.copyOf(builder.arguments);
        this.handler = builder.handler;
    }

    /**
     * Starts a command called {@code name}.
     *
     * @param name 1 to 32 letters, digits or underscores, in any case; a bad name is reported
     *     when the bot is built
     * @return a builder for the command
     */
    public static Builder named(String name) {
        return new Builder(notNull(name, "name"));
    }

    /**
     * The name, in lower case.
     *
     * @return the name the command is invoked by, without prefix
     */
    public String name() {
        return name;
    }

    /**
     * Other names that invoke the command, in lower case.
     *
     * @return the aliases in the order given; empty when there are none
     */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * A one-line description for {@code help} and Telegram's command menu; may be empty.
     *
     * @return the description, never {@code null}
     */
    public String description() {
        return description;
    }

    /**
     * The description in {@code locale}: the one given for that locale, else for its language,
     * else {@link #description()}.
     *
     * @param locale the reader's language
     * @return the description, never {@code null}; may be empty
     */
    public String description(Locale locale) {
        if (descriptions.isEmpty()) {
            return description;
        }
        String found = descriptions.get(locale);
        if (found == null) {
            found = descriptions.get(new Locale(locale.getLanguage()));
        }
        return found != null ? found : description;
    }

    /**
     * The descriptions given for particular locales with {@link Builder#description(Locale, String)}.
     *
     * @return the localized descriptions by locale; empty when there are none
     */
    public Map<Locale, String> descriptions() {
        return descriptions;
    }

    /** Who shares one {@link #cooldown()}. */
    public enum CooldownScope {
        /** Each user waits on their own (the default). */
        USER,
        /** Everyone in a chat waits once one of them ran the command there. */
        CHAT,
        /** Everyone everywhere waits once anyone ran the command. */
        BOT
    }

    /**
     * Who shares the cooldown.
     *
     * @return {@link CooldownScope#USER} unless {@link Builder#cooldown(Duration, CooldownScope)} chose another
     */
    public CooldownScope cooldownScope() {
        return cooldownScope;
    }

    /**
     * How to call the command after its name, such as {@code <dice> [times]}: the declared usage,
     * or one generated from the arguments.
     *
     * @return the usage; empty for a command without arguments or declared usage
     */
    public String usage() {
        if (usage != null) {
            return usage;
        }
        return arguments.stream().map(Argument::usage).collect(Collectors.joining(" "));
    }

    /**
     * The lowest role that may run the command.
     *
     * @return the required role; {@link Role#EVERYONE} unless set
     */
    public Role requiredRole() {
        return requiredRole;
    }

    /**
     * How long one user must wait between two runs; {@link Duration#ZERO} for no cooldown.
     *
     * @return the cooldown per user
     */
    public Duration cooldown() {
        return cooldown;
    }

    /**
     * The declared arguments, in order.
     *
     * @return an unmodifiable list; empty for a command without arguments
     */
    public List<Argument<?>> arguments() {
        return arguments;
    }

    /**
     * The handler.
     *
     * @return the code that runs the command; {@code null} only for an invalid command, which a
     *     bot refuses to build with
     */
    public CommandHandler handler() {
        return handler;
    }

    /** Problems that make the command invalid, each a sentence; empty when it is valid. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!CommandNames.isValid(name)) {
            problems.add("command name '" + name + "' " + CommandNames.RULE);
        }
        for (String alias : aliases) {
            if (!CommandNames.isValid(alias)) {
                problems.add("alias '" + alias + "' of command '" + name + "' " + CommandNames.RULE);
            }
        }
        if (handler == null) {
            problems.add("command '" + name + "' has no handler");
        }
        if (cooldown.isNegative()) {
            problems.add("command '" + name + "' has a negative cooldown");
        }
        boolean sawOptional = false;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            Argument<?> argument = arguments.get(i);
            if (seen.contains(argument.name())) {
                problems.add("command '" + name + "' declares argument '" + argument.name() + "' twice");
            }
            seen.add(argument.name());
            if (argument.kind() == Argument.Kind.REST && i != arguments.size() - 1) {
                problems.add("command '" + name + "': rest argument '" + argument.name() + "' must be the last");
            }
            if (sawOptional && !argument.isOptional()) {
                problems.add("command '" + name + "': required argument '" + argument.name()
                        + "' follows an optional one");
            }
            sawOptional |= argument.isOptional();
        }
        return problems;
    }

    @Override
    public String toString() {
        return "Command[" + name + (aliases.isEmpty() ? "" : " " + aliases) + ']';
    }

    /** Builds a {@link Command}. */
    public static final class Builder {
        private final String name;
        private final List<String> aliases = new ArrayList<>();
        private String description = "";
        private final Map<Locale, String> descriptions = new LinkedHashMap<>();
        private CooldownScope cooldownScope = CooldownScope.USER;
        private String usage;
        private Role requiredRole = Role.EVERYONE;
        private Duration cooldown = Duration.ZERO;
        private final List<Argument<?>> arguments = new ArrayList<>();
        private CommandHandler handler;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Adds other names for the command.
         *
         * @param names aliases following the same rules as the name, in any case
         * @return this builder
         */
        public Builder aliases(String... names) {
            for (String alias : names) {
                aliases.add(notNull(alias, "alias"));
            }
            return this;
        }

        /**
         * A one-line description, shown by {@code help}.
         *
         * @param text the description; empty for none
         * @return this builder
         */
        public Builder description(String text) {
            this.description = notNull(text, "description");
            return this;
        }

        /**
         * The description in one language, for {@code help} and Telegram's command menu of users
         * with that language; {@link #description(String)} stays the one for every other language.
         *
         * <pre>{@code
         * Command.named("hello").description("Say hello").description(Locale.GERMAN, "Sagt hallo")
         * }</pre>
         *
         * @param locale the language, such as {@code Locale.GERMAN}
         * @param text the description in that language
         * @return this builder
         */
        public Builder description(Locale locale, String text) {
            descriptions.put(notNull(locale, "locale"), notNull(text, "description"));
            return this;
        }

        /**
         * Overrides the usage generated from the arguments, such as {@code <dice> [times]}.
         *
         * @param text the usage after the command name
         * @return this builder
         */
        public Builder usage(String text) {
            this.usage = notNull(text, "usage");
            return this;
        }

        /**
         * Only users with this role or a higher one may run the command.
         *
         * @param role the lowest role allowed; default {@link Role#EVERYONE}
         * @return this builder
         */
        public Builder requiredRole(Role role) {
            this.requiredRole = notNull(role, "role");
            return this;
        }

        /**
         * One user may run the command once per {@code duration}.
         *
         * @param duration the cooldown per user; zero for none, negative is reported when the bot
         *     is built
         * @return this builder
         */
        public Builder cooldown(Duration duration) {
            this.cooldown = notNull(duration, "cooldown");
            return this;
        }

        /**
         * How long to wait between two runs, and who waits: each user, each chat, or everyone.
         *
         * <pre>{@code
         * Command.named("raid").cooldown(Duration.ofMinutes(5), Command.CooldownScope.CHAT)
         * }</pre>
         *
         * @param duration the cooldown; zero for none, negative is reported when the bot is built
         * @param scope who shares it
         * @return this builder
         */
        public Builder cooldown(Duration duration, CooldownScope scope) {
            this.cooldownScope = notNull(scope, "scope");
            return cooldown(duration);
        }

        /**
         * Adds the next argument.
         *
         * @param argument the argument; optional ones and a rest argument must come last
         * @return this builder
         */
        public Builder argument(Argument<?> argument) {
            arguments.add(notNull(argument, "argument"));
            return this;
        }

        /**
         * The code that runs the command.
         *
         * @param commandHandler the handler, required
         * @return this builder
         */
        public Builder handler(CommandHandler commandHandler) {
            this.handler = notNull(commandHandler, "handler");
            return this;
        }

        /**
         * The command; validity is checked when the bot is built.
         *
         * @return the command
         */
        public Command build() {
            return new Command(this);
        }
    }
}
