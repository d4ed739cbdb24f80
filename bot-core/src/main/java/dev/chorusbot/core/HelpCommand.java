package dev.chorusbot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The automatic {@code help} command: lists commands, or shows how to use one. */
final class HelpCommand {
    private HelpCommand() {}

    static Command create(List<Command> commands) {
        List<Command> all = new ArrayList<>(commands);
        Command help = Command.named("help")
                .description("List the commands, or show how to use one")
                .argument(Argument.string("command").optional())
                .handler(ctx -> answer(ctx, all))
                .build();
        all.add(help);
        return help;
    }

    private static Reply answer(CommandContext ctx, List<Command> commands) {
        String prefix = ctx.prefix();
        if (ctx.args().has("command")) {
            String wanted = ctx.args().string("command").toLowerCase(Locale.ROOT);
            if (!wanted.isEmpty() && ctx.prefix().length() > 0 && wanted.startsWith(ctx.prefix())) {
                wanted = wanted.substring(ctx.prefix().length());
            }
            for (Command command : commands) {
                if (command.name().equals(wanted) || command.aliases().contains(wanted)) {
                    return Reply.text(describe(command, prefix));
                }
            }
            return Reply.text("There is no command '" + wanted + "'. Send " + prefix + "help for the list.");
        }
        StringBuilder text = new StringBuilder("Commands:");
        for (Command command : sorted(commands)) {
            text.append('\n').append(prefix).append(command.name());
            if (!command.description().isEmpty()) {
                text.append(" — ").append(command.description());
            }
            if (command.requiredRole() != Role.EVERYONE) {
                text.append(" (").append(roleName(command.requiredRole())).append(" only)");
            }
        }
        return Reply.text(text.toString());
    }

    private static String describe(Command command, String prefix) {
        StringBuilder text = new StringBuilder("Usage: ").append(prefix).append(command.name());
        if (!command.usage().isEmpty()) {
            text.append(' ').append(command.usage());
        }
        if (!command.description().isEmpty()) {
            text.append(" — ").append(command.description());
        }
        if (!command.aliases().isEmpty()) {
            text.append(". Also: ").append(command.aliases().stream()
                    .map(a -> prefix + a).collect(Collectors.joining(", ")));
        }
        if (command.requiredRole() != Role.EVERYONE) {
            text.append(". For ").append(roleName(command.requiredRole())).append(" only");
        }
        if (!command.cooldown().isZero()) {
            text.append(". Once per ").append(command.cooldown().toSeconds()).append(" s");
        }
        return text.toString();
    }

    private static List<Command> sorted(List<Command> commands) {
        Map<String, Command> byName = new java.util.TreeMap<>();
        commands.forEach(c -> byName.put(c.name(), c));
        return List.copyOf(byName.values());
    }

    static String roleName(Role role) {
        return role.name().toLowerCase(Locale.ROOT) + "s";
    }
}
