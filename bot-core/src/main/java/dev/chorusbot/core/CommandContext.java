package dev.chorusbot.core;

import java.util.Optional;
import java.util.Set;

/**
 * Everything a command handler needs: the command and its parsed arguments, and what every handler
 * gets ({@link HandlerContext}): who asked, where, state, services, a way to answer and the bot's
 * {@link Outbox}.
 *
 * <pre>{@code
 * ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")
 * }</pre>
 */
@Api(Api.Status.STABLE)
public interface CommandContext extends HandlerContext {

    /**
     * The message that invoked the command, unless it came from a button.
     *
     * @return the message, or empty for a {@link ButtonPress}
     */
    Optional<Message> message();

    /**
     * The command being run.
     *
     * @return the command as registered with the bot
     */
    Command command();

    /**
     * The name the user typed (the command's name or one of its aliases), in lower case.
     *
     * @return the invoked name, without prefix or {@code @botname}
     */
    String invokedName();

    /**
     * The prefix the user typed, such as {@code !}; for a button, the platform's own command prefix
     * ({@link Adapter#commandPrefix()}) or else its first.
     *
     * @return the prefix, never empty
     */
    String prefix();

    /**
     * The parsed arguments.
     *
     * @return the values of the command's declared arguments, by name
     */
    Arguments args();

    /**
     * The text after the command name, as typed.
     *
     * @return the unparsed arguments; empty when there are none
     */
    String rawArguments();
}
