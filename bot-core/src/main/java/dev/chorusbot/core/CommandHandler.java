package dev.chorusbot.core;

/**
 * The code behind a {@link Command}.
 *
 * <pre>{@code
 * CommandHandler hello = ctx -> Reply.text("hello " + ctx.sender().displayName() + "!");
 * }</pre>
 */
@FunctionalInterface
@Api(Api.Status.STABLE)
public interface CommandHandler {

    /**
     * Handles one invocation.
     *
     * @param context who asked, where, the parsed arguments, state and services
     * @return the reply; {@link Reply#none()} for none
     * @throws UsageException to answer with the command's usage and the given reason
     * @throws Exception anything else is logged and the user gets a short apology
     */
    Reply handle(CommandContext context) throws Exception;
}
