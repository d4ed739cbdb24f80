package dev.chorusbot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The automatic {@code help} command: lists commands, or shows how to use one, in the reader's
 * language. On a single-line platform (Twitch) the list is one message when it can be: when the
 * descriptions would not fit, the names alone are listed.
 */
final class HelpCommand {
    private HelpCommand() {}

    static Command create(List<Command> commands, TextCatalog catalog) {
        List<Command> all = new ArrayList<>(commands);
        Command.Builder builder = Command.named("help")
                .description(catalog.text(catalog.defaultLocale(), "help.description"))
                .argument(Argument.string("command").optional())
                .handler(ctx -> answer(ctx, all));
        for (Locale locale : TextCatalog.SHIPPED) {
            builder.description(locale, catalog.text(locale, "help.description"));
        }
        Command help = builder.build();
        all.add(help);
        return help;
    }

    private static Reply answer(CommandContext ctx, List<Command> commands) {
        String prefix = ctx.prefix();
        Locale locale = ctx.locale();
        if (ctx.args().has("command")) {
            String wanted = ctx.args().string("command").toLowerCase(Locale.ROOT);
            if (!wanted.isEmpty() && ctx.prefix().length() > 0 && wanted.startsWith(ctx.prefix())) {
                wanted = wanted.substring(ctx.prefix().length());
            }
            for (Command command : commands) {
                if (command.name().equals(wanted) || command.aliases().contains(wanted)) {
                    return Reply.text(describe(ctx, command, prefix, locale));
                }
            }
            return Reply.text(ctx.text("help.unknown", wanted, prefix));
        }
        StringBuilder text = new StringBuilder(ctx.text("help.heading"));
        for (Command command : sorted(commands)) {
            text.append('\n').append(prefix).append(command.name());
            String description = command.description(locale);
            if (!description.isEmpty()) {
                text.append(" — ").append(description);
            }
            if (command.requiredRole() != Role.EVERYONE) {
                text.append(' ').append(ctx.text("help.roleOnly", ctx.text(roleKey(command.requiredRole()))));
            }
        }
        Capabilities caps = ctx instanceof DefaultCommandContext d ? d.capabilities() : Capabilities.plainText();
        if (!caps.multiline() && tooLong(text.toString(), caps)) {
            // One message beats two on a single-line platform (Twitch): names only, then a pointer.
            return Reply.text(ctx.text("help.heading") + ' '
                    + sorted(commands).stream().map(c -> prefix + c.name()).collect(Collectors.joining(", "))
                    + ". " + ctx.text("help.more", prefix));
        }
        return Reply.text(text.toString());
    }

    /** Whether {@code text}, written on one line as the renderer would, exceeds one message. */
    private static boolean tooLong(String text, Capabilities caps) {
        String oneLine = text.replace("\n", " | ");
        int length = caps.lengthUnit() == Capabilities.LengthUnit.CODE_POINTS
                ? oneLine.codePointCount(0, oneLine.length()) : oneLine.length();
        return length > caps.maxTextLength();
    }

    private static String describe(CommandContext ctx, Command command, String prefix, Locale locale) {
        StringBuilder usage = new StringBuilder(prefix).append(command.name());
        if (!command.usage().isEmpty()) {
            usage.append(' ').append(command.usage());
        }
        StringBuilder text = new StringBuilder(ctx.text("help.usage", usage.toString()));
        String description = command.description(locale);
        if (!description.isEmpty()) {
            text.append(" — ").append(description);
        }
        if (!command.aliases().isEmpty()) {
            text.append(". ").append(ctx.text("help.also", command.aliases().stream()
                    .map(a -> prefix + a).collect(Collectors.joining(", "))));
        }
        if (command.requiredRole() != Role.EVERYONE) {
            text.append(". ").append(ctx.text("help.forRole", ctx.text(roleKey(command.requiredRole()))));
        }
        if (!command.cooldown().isZero()) {
            String key = "help.cooldown." + command.cooldownScope().name().toLowerCase(Locale.ROOT);
            text.append(". ").append(ctx.text(key, Long.toString(command.cooldown().toSeconds())));
        }
        return text.toString();
    }

    private static List<Command> sorted(List<Command> commands) {
        Map<String, Command> byName = new TreeMap<>();
        commands.forEach(c -> byName.put(c.name(), c));
        return List.copyOf(byName.values());
    }

    /** The key of a role's plural name in the texts, such as {@code role.moderator}. */
    static String roleKey(Role role) {
        return "role." + role.name().toLowerCase(Locale.ROOT);
    }
}
