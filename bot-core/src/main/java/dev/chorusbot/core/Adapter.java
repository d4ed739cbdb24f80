package dev.chorusbot.core;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Connects a {@link Bot} to one platform. An adapter turns what its platform delivers into
 * {@link InboundEvent}s, hands them to the bot's {@link EventSink}, and sends the {@link Outbound}
 * messages the bot answers with.
 *
 * <p>There are two shapes, after how platforms deliver chat: a {@link PullAdapter} keeps its own
 * connection and reads from it (Twitch IRC, Telegram long polling, the console); a
 * {@link PushAdapter} is called by the platform through a webhook (Telegram webhooks).
 *
 * <p>Life cycle: {@link #start(EventSink)} once; {@link #send(Outbound)} any number of times from
 * any thread; at shutdown {@link #stopReceiving()}, then (after in-flight events are handled)
 * {@link #close()}.
 */
@Api(Api.Status.EXPERIMENTAL)
public interface Adapter {

    /**
     * The platform this adapter serves.
     *
     * @return the platform; a bot accepts one adapter per platform
     */
    Platform platform();

    /**
     * What the platform can show; read once when the bot starts.
     *
     * @return the capabilities replies are rendered for
     */
    Capabilities capabilities();

    /**
     * Starts the adapter: connects, logs in, starts reading, on the adapter's own threads. An
     * adapter may return before its connection is up (a pull adapter that reconnects by itself
     * connects in the background, so the bot starts while the platform is unreachable); what it
     * cannot recover from later it reports through {@link EventSink#stopped(Adapter, Throwable)}.
     *
     * @param sink where the adapter hands the events it receives, and reports stopping by itself
     * @throws Exception when the adapter cannot start; the bot reports it and does not start
     */
    void start(EventSink sink) throws Exception;

    /**
     * Sends one message. The future completes when the platform accepted the message, or
     * exceptionally when the adapter gave up on it (the adapter logs why).
     *
     * @param message the message, already rendered for this adapter's {@link Capabilities}
     * @return completes when the platform accepted the message
     */
    CompletableFuture<Void> send(Outbound message);

    /**
     * The bot's own account on the platform, once known; used to ignore the bot's own messages.
     *
     * @return the bot's user, or empty until known (and by default); its login also matches
     *     {@code /cmd@botname}, and an empty login (not known yet) matches any name
     */
    default Optional<User> self() {
        return Optional.empty();
    }

    /**
     * The roles of {@code user} in {@code chat}. Called only when a command requires a role the
     * event's user does not already carry, so an adapter can look roles up lazily (Telegram asks
     * for the chat's administrators). May block.
     *
     * @param user the sender of the event
     * @param chat the chat the event came from
     * @return the user's roles in that chat; by default the roles the user already carries
     */
    default Set<Role> rolesOf(User user, Chat chat) {
        return user.roles();
    }

    /**
     * Whether {@code message} may be read as a command at all. The bot asks before looking for a
     * prefix; an adapter whose platform marks commands itself says no where the platform did not
     * mark one (Telegram: a {@code /hello} inside a code block carries no {@code bot_command}
     * entity, so it is quoted text, not a command). By default every message may be a command.
     *
     * @param message a message received by this adapter
     * @return {@code false} when the message must not be read as a command
     */
    default boolean mayBeCommand(Message message) {
        return true;
    }

    /**
     * The prefix with which the platform itself marks every command this adapter delivers, where
     * users do not type a prefix of their choosing: Discord's slash commands arrive as {@code /name}
     * whatever the bot's prefixes are. When present, it is the only prefix recognised in this
     * adapter's messages, and the one its users are shown: by {@code help}, and for a button press
     * (whose data carries no prefix). Empty by default: the bot's prefixes for the platform apply.
     *
     * @return the prefix the platform puts before every command, or empty
     */
    default Optional<String> commandPrefix() {
        return Optional.empty();
    }

    /**
     * The messages waiting in this adapter's send queue or in flight, for metrics and health; 0
     * for an adapter without a queue.
     *
     * @return the count, at least 0
     */
    default int pendingSends() {
        return 0;
    }

    /**
     * Whether the adapter is connected or registered with its platform, for a readiness probe
     * ({@link Bot#isReady()}): false while a pull adapter reconnects, or before a push adapter's
     * webhook is registered. True by default.
     *
     * @return whether events can arrive now
     */
    default boolean isReady() {
        return true;
    }

    /**
     * Downloads the bytes of a file that came with a message.
     *
     * @param attachment an attachment of a message this adapter received
     * @param maxBytes the most bytes to accept; a larger file fails the future without being
     *     downloaded past the limit
     * @return the file's bytes; by default failed with an {@link UnsupportedOperationException}, as
     *     the platform has no files
     */
    default CompletableFuture<byte[]> download(Attachment attachment, long maxBytes) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "the " + platform().id() + " adapter cannot download files"));
    }

    /** Stops taking new events; already dispatched ones are still handled and answered. */
    default void stopReceiving() {}

    /** Sends what is still queued, then releases connections and threads. */
    void close();
}
