package dev.chorusbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.ConfigurationException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registers the bot's slash commands from a shell, with the same environment variables as the
 * adapter ({@code DISCORD_BOT_TOKEN}, {@code DISCORD_APPLICATION_ID}, and {@code
 * DISCORD_COMMAND_GUILD_ID} for one guild):
 *
 * <pre>
 * java -cp bot.jar dev.chorusbot.discord.DiscordCommandsCli register com.example.MyBotFactory
 * java -cp bot.jar dev.chorusbot.discord.DiscordCommandsCli list
 * java -cp bot.jar dev.chorusbot.discord.DiscordCommandsCli clear
 * </pre>
 *
 * {@code register} builds the bot with the named class, which has a public no-argument constructor
 * and either is a {@code Supplier<Bot>} or has a public {@code create()} returning the bot (as a
 * serverless {@code BotFactory} does), and replaces the registered commands with the bot's
 * ({@link DiscordCommands}). The bot is not started. Exit status: 0 done, 1 Discord refused, 2 bad
 * usage or configuration.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class DiscordCommandsCli {
    private static final String USAGE = "usage: DiscordCommandsCli register <bot-factory-class> | list | clear";

    private DiscordCommandsCli() {}

    /**
     * Runs one command and exits with its status.
     *
     * @param args {@code register <class>}, {@code list} or {@code clear}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs one command.
     *
     * @param args the command and, for {@code register}, the bot's factory class
     * @param env the environment to read the configuration from
     * @param out where results are printed, one command a line
     * @param err where usage, configuration problems and Discord's refusals are printed
     * @return the exit status: 0 done, 1 Discord refused, 2 bad usage or configuration
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || (args[0].equals("register") && args.length != 2)) {
            err.println(USAGE);
            return 2;
        }
        List<Command> commands = List.of();
        if (args[0].equals("register")) {
            try {
                commands = load(args[1]).commands();
            } catch (ConfigurationException | IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        return run(commands, args[0], env, out, err);
    }

    /**
     * Runs one command for a bot the caller built, such as from its own {@code main}.
     *
     * @param commands the bot's commands, from {@code bot.commands()}; only {@code register} reads them
     * @param command {@code register}, {@code list} or {@code clear}
     * @param env the environment to read the configuration from
     * @param out where results are printed, one command a line
     * @param err where usage, configuration problems and Discord's refusals are printed
     * @return the exit status: 0 done, 1 Discord refused, 2 bad usage or configuration
     */
    public static int run(List<Command> commands, String command, Map<String, String> env, PrintStream out,
            PrintStream err) {
        try {
            DiscordCommands registration = new DiscordCommands(DiscordConfig.fromEnv(env));
            switch (command) {
                case "register" -> {
                    List<JsonNode> registered = registration.register(commands);
                    registered.forEach(c -> out.println(line(c)));
                    out.println(registered.size() + " command(s) registered");
                }
                case "list" -> {
                    List<JsonNode> all = registration.list();
                    all.forEach(c -> out.println(line(c)));
                    out.println(all.size() + " command(s)");
                }
                case "clear" -> {
                    registration.clear();
                    out.println("every command removed");
                }
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (ConfigurationException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (DiscordException e) {
            err.println(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String line(JsonNode command) {
        return command.path("id").asText() + "  /" + command.path("name").asText() + "  "
                + command.path("description").asText();
    }

    /** The bot that {@code className} builds. */
    static Bot load(String className) {
        Object factory;
        try {
            factory = Class.forName(className).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + className + " on the class path");
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException(className + " needs a public constructor without arguments");
        } catch (InvocationTargetException e) {
            throw unwrap(className, e);
        }
        if (factory instanceof Supplier<?> supplier && supplier.get() instanceof Bot bot) {
            return bot;
        }
        try {
            Object made = factory.getClass().getMethod("create").invoke(factory);
            if (made instanceof Bot bot) {
                return bot;
            }
        } catch (NoSuchMethodException | IllegalAccessException e) {
            // falls through to the sentence below
        } catch (InvocationTargetException e) {
            throw unwrap(className, e);
        }
        throw new IllegalArgumentException(className + " must be a Supplier<Bot> or have a public create() returning"
                + " the Bot");
    }

    private static RuntimeException unwrap(String className, InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
            return r;
        }
        return new IllegalArgumentException(className + " failed to build the bot: " + e.getCause());
    }
}
