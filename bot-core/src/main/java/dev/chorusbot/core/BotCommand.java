package dev.chorusbot.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a command on a method of an object registered with {@code Bot.Builder.commands(obj)}.
 * Sugar over {@link Command#named(String)}: no classpath scanning takes place, only the objects
 * given to the builder are inspected.
 *
 * <p>Parameters may be {@link CommandContext}, {@link User}, {@link Chat}, {@link Message} (null
 * for a button press), or an argument annotated with {@link Arg}: {@code String}, {@code int},
 * {@code long}, {@code boolean} (or their boxes), or an enum. The method may return {@link Reply},
 * a {@code String} (sent as plain text; null or blank sends nothing) or {@code void}.
 *
 * <pre>{@code
 * final class Dice {
 *     @BotCommand(name = "roll", description = "Roll dice", cooldownSeconds = 5)
 *     String roll(User user, @Arg("sides") @Arg.Default("6") int sides) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Api(Api.Status.STABLE)
public @interface BotCommand {

    /**
     * The command's name; by default the method's name.
     *
     * @return 1 to 32 letters, digits or underscores, or empty for the method's name
     */
    String name() default "";

    /**
     * Other names for the command.
     *
     * @return the aliases; none by default
     */
    String[] aliases() default {};

    /**
     * A one-line description for {@code help}.
     *
     * @return the description; empty by default
     */
    String description() default "";

    /**
     * The usage shown for errors; by default generated from the arguments.
     *
     * @return the usage after the command name, or empty to generate it
     */
    String usage() default "";

    /**
     * The lowest role that may run the command.
     *
     * @return the required role; {@link Role#EVERYONE} by default
     */
    Role role() default Role.EVERYONE;

    /**
     * Seconds one user must wait between two runs; 0 for none.
     *
     * @return the cooldown per user in seconds
     */
    long cooldownSeconds() default 0;
}
