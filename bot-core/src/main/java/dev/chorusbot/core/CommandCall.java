package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

/**
 * A command recognised in an event's text, before its arguments are parsed.
 *
 * @param command the command
 * @param invokedName the name or alias the user typed, in lower case
 * @param prefix the prefix the user typed ({@code !}, {@code /}); for a button, the platform's own
 *     ({@link Adapter#commandPrefix()}) or else its first
 * @param rawArguments the text after the name, as typed, without leading white space
 */
@Api(Api.Status.EXPERIMENTAL)
public record CommandCall(Command command, String invokedName, String prefix, String rawArguments) {

    /**
     * Validates the components.
     *
     * @param command the command
     * @param invokedName the name or alias the user typed, in lower case
     * @param prefix the prefix the user typed, or the platform's first for a button
     * @param rawArguments the text after the name, as typed; empty when there is none
     * @throws NullPointerException if a component is {@code null}
     */
    public CommandCall {
        notNull(command, "command");
        notNull(invokedName, "invokedName");
        notNull(prefix, "prefix");
        notNull(rawArguments, "rawArguments");
    }
}
