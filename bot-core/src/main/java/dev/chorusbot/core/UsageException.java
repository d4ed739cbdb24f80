package dev.chorusbot.core;

/**
 * Thrown by argument parsing, or by a handler, when the user called a command wrongly. The user is
 * answered with the reason and the command's correct usage, not a stack trace.
 *
 * <pre>{@code
 * if (!DICE.matcher(spec).matches()) {
 *     throw new UsageException("'" + spec + "' is not a dice roll like 2d6");
 * }
 * }</pre>
 */
@Api(Api.Status.STABLE)
public class UsageException extends RuntimeException {

    /**
     * A usage error with a reason the user will read.
     *
     * @param reason one sentence without final full stop, such as {@code "'x' is not a number"};
     *     the default {@link BotTexts} add a full stop and the usage after it
     */
    public UsageException(String reason) {
        super(reason);
    }
}
