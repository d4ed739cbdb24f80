package dev.chorusbot.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A job being run: what was scheduled, and the bot's state, services and outbox.
 *
 * <pre>{@code
 * builder.job("announce", job -> Reply.text(job.payload()));
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public interface JobContext {

    /**
     * The job's id, as {@link Jobs#schedule} returned it.
     *
     * @return the id; cancel the job with it
     */
    String id();

    /**
     * The job's name: the handler it runs.
     *
     * @return the name it was scheduled with
     */
    String name();

    /**
     * The text the job was scheduled with.
     *
     * @return the payload; empty when none was given
     */
    String payload();

    /**
     * When this run was due; it runs at or a little after it.
     *
     * @return the due instant
     */
    Instant due();

    /**
     * The platform of the job's chat.
     *
     * @return the platform, or empty for a job scheduled without a chat
     */
    Optional<Platform> platform();

    /**
     * The chat the job belongs to; what the handler returns is sent there.
     *
     * @return the chat with its thread, or empty for a job scheduled without a chat
     */
    Optional<Chat> chat();

    /**
     * The bot's jobs, bound to this job's chat: to schedule a follow-up or cancel this one.
     *
     * @return the jobs
     */
    Jobs jobs();

    /**
     * The bot's key-value state.
     *
     * @return the bot's state store
     */
    StateStore state();

    /**
     * The bot's clock.
     *
     * @return the wall clock of the bot's scheduler
     */
    Clock clock();

    /**
     * A service registered with {@code Bot.Builder.service(...)}.
     *
     * @param <T> the service type
     * @param type the type the service was registered under
     * @return the registered instance
     * @throws java.util.NoSuchElementException when none of that type was registered
     */
    <T> T service(Class<T> type);

    /**
     * The bot's way of sending to any chat, for a job that speaks somewhere other than its chat.
     *
     * @return the bot's outbox
     */
    Outbox outbox();
}
