package dev.chorusbot.core;

import java.time.Clock;
import java.util.Optional;

/**
 * Everything a command handler needs: who asked, where, the parsed arguments, state, services and
 * a way to answer.
 *
 * <pre>{@code
 * ctx -> Reply.text("hello " + ctx.sender().displayName() + "!")
 * }</pre>
 */
@Api(Api.Status.STABLE)
public interface CommandContext {

    /**
     * The event that invoked the command: a {@link Message} or a {@link ButtonPress}.
     *
     * @return the event as the adapter delivered it
     */
    InboundEvent event();

    /**
     * The message that invoked the command, unless it came from a button.
     *
     * @return the message, or empty for a {@link ButtonPress}
     */
    Optional<Message> message();

    /**
     * The platform the command came from.
     *
     * @return the event's platform
     */
    Platform platform();

    /**
     * The user who invoked the command.
     *
     * @return the sender; when the command requires a role the event did not show, with the
     *     roles the adapter looked up
     */
    User sender();

    /**
     * The chat the command was sent in.
     *
     * @return the chat, with its thread if any; replies go there
     */
    Chat chat();

    /**
     * The command being run.
     *
     * @return the command as registered with the bot
     */
    Command command();

    /**
     * The name the user typed (the command's name or one of its aliases), in lower case.
     *
     * @return the invoked name, without prefix or {@code @botname}
     */
    String invokedName();

    /**
     * The prefix the user typed, such as {@code !}; the platform's first prefix for a button.
     *
     * @return the prefix, never empty
     */
    String prefix();

    /**
     * The parsed arguments.
     *
     * @return the values of the command's declared arguments, by name
     */
    Arguments args();

    /**
     * The text after the command name, as typed.
     *
     * @return the unparsed arguments; empty when there are none
     */
    String rawArguments();

    /**
     * The bot's key-value state, shared by every handler (cooldowns and dedupe live here too).
     *
     * @return the bot's state store
     */
    StateStore state();

    /**
     * The bot's clock; use it instead of {@code Instant.now()} to keep handlers testable.
     *
     * @return the wall clock of the scheduler given to {@code Bot.Builder.scheduler(...)}, by default
     *     the system clock
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
     * Adds a reply that is sent before the handler's returned reply. Lets a handler answer several
     * times without building a {@link Reply#of(Reply...)}.
     *
     * @param reply the reply to send; replies added this way are sent in the order added
     */
    void reply(Reply reply);

    /**
     * Convenience for {@code reply(Reply.text(text))}.
     *
     * @param text the plain text to send; not blank
     */
    default void reply(String text) {
        reply(Reply.text(text));
    }
}
