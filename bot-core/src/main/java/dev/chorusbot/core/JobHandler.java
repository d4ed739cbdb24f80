package dev.chorusbot.core;

/**
 * Runs a scheduled job when it is due; registered with {@code Bot.Builder.job(name, handler)}.
 *
 * <pre>{@code
 * builder.job("remind", job -> Reply.text("reminder: " + job.payload()));
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
@FunctionalInterface
public interface JobHandler {

    /**
     * Runs one due job.
     *
     * @param job the job, with its payload, its chat if it has one, and the bot's state and outbox
     * @return what to send to the job's chat; {@link Reply#none()} to send nothing (a job scheduled
     *     without a chat can only send through {@link JobContext#outbox()})
     * @throws Exception when the job failed: it is logged; a repeating job keeps its schedule
     */
    Reply run(JobContext job) throws Exception;
}
