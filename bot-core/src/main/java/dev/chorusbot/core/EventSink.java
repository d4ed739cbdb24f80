package dev.chorusbot.core;

import dev.chorusbot.core.time.Scheduler;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * How an adapter hands events to the bot. Implemented by the bot; adapters receive it in
 * {@link Adapter#start(EventSink)}.
 */
@Api(Api.Status.EXPERIMENTAL)
public interface EventSink {

    /**
     * Queues an event for handling. Events with the same {@link InboundEvent#orderingKey()} are
     * handled in the order of these calls. The future completes with the messages to send in
     * answer, rendered for the adapter's {@link Capabilities}; the adapter sends them. A handler
     * that throws is answered with the bot's apology, so the future completes exceptionally in two
     * cases only, told apart by type:
     * <ul>
     *   <li>with an {@link EventNotTakenException} when the bot is stopping and did not take the
     *       event, or the state store was unavailable while handling it: leave it unconfirmed, so
     *       the platform delivers it again;</li>
     *   <li>with anything else when the event was taken and the JVM itself failed while handling it
     *       (an {@link OutOfMemoryError}, an {@link InternalError}): delivering it again would
     *       only repeat the failure.</li>
     * </ul>
     * A redelivery of an event that was taken is dropped by the bot's de-duplication (see
     * {@link StateStore}) and completes with no messages to send.
     *
     * @param event the event received from the platform
     * @return completes with the event and the rendered replies to send
     */
    CompletableFuture<Handled> dispatch(InboundEvent event);

    /**
     * Reports that the adapter stopped reading by itself: end of input, or a failure it cannot
     * recover from (a rejected token). When every adapter has stopped, the bot stops.
     *
     * @param adapter the adapter that stopped
     * @param failure why it stopped, or null for a normal end
     */
    void stopped(Adapter adapter, Throwable failure);

    /**
     * The bot's commands, including the automatic {@code help}; adapters publish them where the
     * platform shows a command menu (Telegram's setMyCommands). Empty by default.
     *
     * @return the bot's commands, as {@link Bot#commands()} lists them
     */
    default List<Command> commands() {
        return List.of();
    }

    /**
     * Where the adapter reads the time and runs its timers (send pacing, retries, backoff,
     * keep-alive, event timestamps): the bot's scheduler, so one scheduler drives every timer of a
     * bot and a test moves them all at once. Adapters create their time-dependent parts in
     * {@link Adapter#start(EventSink)} from it.
     *
     * @return the scheduler given to {@code Bot.Builder.scheduler(...)}; {@link Scheduler#system()}
     *     by default
     */
    default Scheduler scheduler() {
        return Scheduler.system();
    }

    /**
     * Where the adapter reports messages sent, repeated sends, queue waits and reconnects, for
     * metrics. Calls are cheap when nothing observes.
     *
     * @return the observers given to {@code Bot.Builder.observer(...)} as one; {@link
     *     BotObserver#NONE} by default
     */
    default BotObserver observer() {
        return BotObserver.NONE;
    }

    /**
     * The bot's state store, for what an adapter keeps beyond one process (the Twitch channels the
     * bot joined at run time): the store given to {@code Bot.Builder.stateStore(...)}, or the bot's
     * in-memory one.
     *
     * @return the bot's store; empty for a sink that has none, by default
     */
    default Optional<StateStore> stateStore() {
        return Optional.empty();
    }

    /**
     * Whether the process is frozen between the requests it answers, as a serverless function is
     * once it returned its answer. An adapter then starts no background work at start (a call in
     * flight would be cut by the freeze, and it would take CPU from the first answer); it does what
     * answering needs and the rest when an event needs it.
     *
     * @return {@code true} when the bot serves a serverless function ({@code
     *     Bot.hostWebhooksInFunction()}); {@code false} by default, in a long-running process
     */
    default boolean frozenBetweenRequests() {
        return false;
    }

    /**
     * The send limits every instance of the bot counts together (see {@link SendBudget}): adapters
     * ask it right before each send, beside their own in-process limiter.
     *
     * @return the bot's state store's budget; {@link SendBudget#local()} by default
     */
    default SendBudget sendBudget() {
        return SendBudget.local();
    }
}
