package dev.chorusbot.core.time;

import dev.chorusbot.core.Api;

/**
 * A task handed to a {@link Scheduler}: one delayed run, or a repeating one.
 */
@Api(Api.Status.EXPERIMENTAL)
public interface ScheduledTask {

    /**
     * Stops the task: a delayed task that has not started never runs, a repeating one runs no more.
     * A run already under way finishes.
     *
     * @return true if this call stopped the task, false if it had already finished or been cancelled
     */
    boolean cancel();

    /**
     * Whether the task will run no more: it ran (a delayed task), or was cancelled.
     *
     * @return true once the task is finished or cancelled
     */
    boolean isDone();
}
