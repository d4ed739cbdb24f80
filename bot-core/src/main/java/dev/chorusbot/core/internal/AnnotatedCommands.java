package dev.chorusbot.core.internal;

import dev.chorusbot.core.Arg;
import dev.chorusbot.core.Argument;
import dev.chorusbot.core.BotCommand;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.CommandContext;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Reply;
import dev.chorusbot.core.UsageException;
import dev.chorusbot.core.User;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Turns the {@link BotCommand} methods of one object into {@link Command}s. Only the given object's
 * class is inspected: no classpath scanning.
 */
public final class AnnotatedCommands {
    private AnnotatedCommands() {}

    /** The commands declared on {@code target}; problems are added to {@code problems}. */
    public static List<Command> of(Object target, List<String> problems) {
        List<Command> commands = new ArrayList<>();
        Method[] methods = target.getClass().getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName)); // stable order for help
        for (Method method : methods) {
            BotCommand annotation = method.getAnnotation(BotCommand.class);
            if (annotation != null) {
                Command command = toCommand(target, method, annotation, problems);
                if (command != null) {
                    commands.add(command);
                }
            }
        }
        if (commands.isEmpty() && problems.isEmpty()) {
            problems.add(target.getClass().getName() + " has no @BotCommand methods");
        }
        return commands;
    }

    private static Command toCommand(Object target, Method method, BotCommand annotation, List<String> problems) {
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (Modifier.isStatic(method.getModifiers())) {
            problems.add(where + " is static; @BotCommand methods must be instance methods");
            return null;
        }
        Class<?> returns = method.getReturnType();
        if (returns != void.class && !Reply.class.isAssignableFrom(returns) && returns != String.class) {
            problems.add(where + " returns " + returns.getSimpleName() + "; return Reply, String or void");
            return null;
        }
        try {
            method.setAccessible(true);
        } catch (RuntimeException e) {
            problems.add(where + " is not accessible: " + e.getMessage());
            return null;
        }
        String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
        Command.Builder builder = Command.named(name)
                .aliases(annotation.aliases())
                .description(annotation.description())
                .requiredRole(annotation.role())
                .cooldown(Duration.ofSeconds(Math.max(0, annotation.cooldownSeconds())));
        if (!annotation.usage().isEmpty()) {
            builder.usage(annotation.usage());
        }
        Parameter[] parameters = method.getParameters();
        List<Function<CommandContext, Object>> resolvers = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            Function<CommandContext, Object> resolver = resolver(parameters[i], i, where, builder, problems);
            if (resolver == null) {
                return null;
            }
            resolvers.add(resolver);
        }
        return builder.handler(ctx -> invoke(target, method, resolvers, ctx)).build();
    }

    private static Function<CommandContext, Object> resolver(
            Parameter parameter, int index, String where, Command.Builder builder, List<String> problems) {
        Class<?> type = parameter.getType();
        Arg arg = parameter.getAnnotation(Arg.class);
        if (arg == null) {
            if (type == CommandContext.class) {
                return ctx -> ctx;
            }
            if (type == User.class) {
                return CommandContext::sender;
            }
            if (type == Chat.class) {
                return CommandContext::chat;
            }
            if (type == Message.class) {
                return ctx -> ctx.message().orElse(null);
            }
            problems.add(where + " parameter " + (index + 1) + " (" + type.getSimpleName()
                    + ") is neither CommandContext, User, Chat, Message nor an @Arg");
            return null;
        }
        String name = !arg.value().isEmpty() ? arg.value() : parameter.isNamePresent() ? parameter.getName() : null;
        if (name == null) {
            problems.add(where + " parameter " + (index + 1)
                    + " needs a name: write @Arg(\"name\") or compile with -parameters");
            return null;
        }
        Argument<?> argument = argumentFor(type, name, arg.rest());
        if (argument == null) {
            problems.add(where + " argument '" + name + "' has unsupported type " + type.getSimpleName()
                    + "; use String, int, long, boolean or an enum");
            return null;
        }
        Arg.Default defaultValue = parameter.getAnnotation(Arg.Default.class);
        if (defaultValue != null) {
            try {
                argument = withDefault(argument, defaultValue.value());
            } catch (UsageException e) {
                problems.add(where + " argument '" + name + "' has a bad default: " + e.getMessage());
                return null;
            }
        } else if (parameter.isAnnotationPresent(Arg.Optional.class)) {
            if (type.isPrimitive()) {
                problems.add(where + " argument '" + name + "' is optional without default but primitive; "
                        + "use a boxed type or @Arg.Default");
                return null;
            }
            argument = argument.optional();
        }
        builder.argument(argument);
        Class<?> boxed = box(type);
        return ctx -> ctx.args().optional(name, boxed).orElse(null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Argument<?> argumentFor(Class<?> type, String name, boolean rest) {
        if (type == String.class) {
            return rest ? Argument.rest(name) : Argument.string(name);
        }
        if (type == int.class || type == Integer.class) {
            return Argument.integer(name);
        }
        if (type == long.class || type == Long.class) {
            return Argument.longInteger(name);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Argument.bool(name);
        }
        if (type.isEnum()) {
            return Argument.enumeration(name, (Class) type);
        }
        return null;
    }

    private static <T> Argument<T> withDefault(Argument<T> argument, String text) {
        return argument.optional(argument.parse(text));
    }

    private static Class<?> box(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        return type;
    }

    private static Reply invoke(
            Object target, Method method, List<Function<CommandContext, Object>> resolvers, CommandContext ctx)
            throws Exception {
        Object[] values = new Object[resolvers.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = resolvers.get(i).apply(ctx);
        }
        Object result;
        try {
            result = method.invoke(target, values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
        if (result instanceof Reply reply) {
            return reply;
        }
        if (result instanceof String text && !text.isBlank()) {
            return Reply.text(text);
        }
        return Reply.none();
    }
}
