package dev.chorusbot.core;

import java.util.concurrent.RejectedExecutionException;

/**
 * The bot did not take an event: it is stopping, or was never started. {@link EventSink#dispatch}
 * completes exceptionally with this type, and only in that case, so an adapter can tell "not taken"
 * (leave the event unconfirmed; the platform delivers it again, and it is handled then) from a
 * failure while handling it (the event was taken; delivering it again would repeat it).
 *
 * <p>It is a {@link RejectedExecutionException}, the JDK's word for work an executor refused.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class EventNotTakenException extends RejectedExecutionException {

    /**
     * The bot did not take an event, for the given reason.
     *
     * @param reason why, such as {@code "the bot is stopping"}; becomes the message
     */
    public EventNotTakenException(String reason) {
        super(reason);
    }

    /**
     * Whether {@code failure} says the bot did not take an event: it is an
     * {@code EventNotTakenException}, possibly wrapped by a {@link java.util.concurrent.CompletionException}
     * or an {@link java.util.concurrent.ExecutionException} as futures wrap failures.
     *
     * @param failure the failure of a dispatch's future, as a callback or {@code get()} reports it
     * @return true when the event was not taken; false for any other failure, which means it was
     */
    public static boolean isNotTaken(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof EventNotTakenException;
    }
}
