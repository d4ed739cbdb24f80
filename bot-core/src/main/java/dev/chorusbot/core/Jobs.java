package dev.chorusbot.core;

/**
 * Schedules work for later: a reminder, a timed announcement, something every 15 minutes. A job
 * is a name (the {@link JobHandler} registered with {@code Bot.Builder.job(name, handler)}), a
 * payload of text, a {@link Schedule} and an id to cancel it by. Jobs scheduled from a handler's
 * context belong to its chat: what the job's handler returns is sent there.
 *
 * <pre>{@code
 * Bot.builder().job("remind", job -> Reply.text("reminder: " + job.payload()));
 * ...
 * String id = ctx.jobs().schedule("remind", "tea is ready", Schedule.in(Duration.ofMinutes(5)));
 * ctx.jobs().cancel(id);
 * }</pre>
 *
 * <p>Jobs are kept in the bot's {@link StateStore}, not in memory, so with a durable store they
 * outlive a restart, and with a shared store several instances of one bot share them: each due
 * run is claimed by exactly one instance. A long-running bot looks for due jobs every second
 * ({@code Bot.Builder.jobPollInterval}); in a cloud function a scheduled trigger runs them
 * ({@link Bot#runDueJobs()}). A run is at most once: an instance that dies during a run does not
 * leave it to be repeated.
 */
@Api(Api.Status.EXPERIMENTAL)
public interface Jobs {

    /**
     * Schedules a job under a new id.
     *
     * @param name the job handler's name, as registered with {@code Bot.Builder.job}
     * @param payload what the handler gets as {@link JobContext#payload()}; may be empty
     * @param when when it runs
     * @return the new job's id, for {@link #cancel(String)}
     * @throws IllegalArgumentException when no handler of that name is registered
     */
    String schedule(String name, String payload, Schedule when);

    /**
     * Schedules a job under {@code id}, replacing a job already scheduled under it: how a chat
     * keeps one announcement ({@code "announce:" + chat.id()}) that a second one replaces.
     *
     * @param id the job's id; not blank
     * @param name the job handler's name, as registered with {@code Bot.Builder.job}
     * @param payload what the handler gets as {@link JobContext#payload()}; may be empty
     * @param when when it runs
     * @return {@code id}
     * @throws IllegalArgumentException when no handler of that name is registered, or {@code id}
     *     is blank
     */
    String schedule(String id, String name, String payload, Schedule when);

    /**
     * Cancels a job: a job that runs once never runs, a repeating one runs no more. A run already
     * under way finishes.
     *
     * @param id the job's id
     * @return true when a job of that id was scheduled
     */
    boolean cancel(String id);
}
