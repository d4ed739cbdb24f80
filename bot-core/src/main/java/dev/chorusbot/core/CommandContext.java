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
public interface CommandContext {

    /** The event that invoked the command: a {@link Message} or a {@link ButtonPress}. */
    InboundEvent event();

    /** The message that invoked the command, unless it came from a button. */
    Optional<Message> message();

    /** The platform the command came from. */
    Platform platform();

    /** The user who invoked the command. */
    User sender();

    /** The chat the command was sent in. */
    Chat chat();

    /** The command being run. */
    Command command();

    /** The name the user typed (the command's name or one of its aliases), in lower case. */
    String invokedName();

    /** The prefix the user typed, such as {@code !}; the platform's first prefix for a button. */
    String prefix();

    /** The parsed arguments. */
    Arguments args();

    /** The text after the command name, as typed. */
    String rawArguments();

    /** The bot's key-value state, shared by every handler (cooldowns and dedupe live here too). */
    StateStore state();

    /** The bot's clock; use it instead of {@code Instant.now()} to keep handlers testable. */
    Clock clock();

    /**
     * A service registered with {@code Bot.Builder.service(...)}.
     *
     * @throws java.util.NoSuchElementException when none of that type was registered
     */
    <T> T service(Class<T> type);

    /**
     * Adds a reply that is sent before the handler's returned reply. Lets a handler answer several
     * times without building a {@link Reply#of(Reply...)}.
     */
    void reply(Reply reply);

    /** Convenience for {@code reply(Reply.text(text))}. */
    default void reply(String text) {
        reply(Reply.text(text));
    }
}
