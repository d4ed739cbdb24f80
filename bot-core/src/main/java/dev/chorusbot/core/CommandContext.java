package dev.chorusbot.core;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
     * The sender's roles on the platform in this chat, asked of the adapter on the first call and
     * kept for this invocation (Telegram looks up the chat's administrators, cached by the adapter;
     * Twitch reads them from the message). Unlike {@link #sender()}{@code .roles()}, which holds
     * only what the event showed, this finds a Telegram group's administrators too.
     *
     * @return the sender's roles; always contains {@link Role#EVERYONE}
     */
    Set<Role> roles();

    /**
     * True when the sender's platform roles ({@link #roles()}) satisfy {@code required}.
     *
     * @param required the lowest role needed
     * @return whether the sender holds {@code required} or a higher role in this chat
     */
    default boolean hasRole(Role required) {
        for (Role role : roles()) {
            if (role.satisfies(required)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The language to answer in: the sender's when the platform tells it (Telegram's {@code
     * language_code}), else the chat's ({@link #setChatLocale}), else the bot's default.
     *
     * @return the invocation's locale
     */
    Locale locale();

    /**
     * The text under {@code key} in the invocation's {@link #locale()}, from the bot's message
     * bundles ({@code Bot.Builder.messages(...)}) or Chorus's built-in ones.
     *
     * <pre>{@code
     * ctx -> Reply.text(ctx.text("hello", ctx.sender().displayName()))  // hello=hallo {0}!
     * }</pre>
     *
     * @param key the key in a bundle
     * @param args the values of the text's {@code {0}}, {@code {1}}, … placeholders
     * @return the formatted text
     * @throws java.util.MissingResourceException when no bundle has {@code key}
     */
    String text(String key, Object... args);

    /**
     * Chooses the language of this chat, for users whose platform does not tell theirs (Twitch);
     * kept in the state store.
     *
     * @param locale the chat's language from now on
     */
    void setChatLocale(Locale locale);

    /**
     * Downloads a file that came with the message (see {@link Message#attachments()}), through
     * the platform's API (Telegram: getFile, then the file's URL; at most 20 MB there).
     *
     * <pre>{@code
     * for (Attachment a : ctx.message().orElseThrow().attachments()) {
     *     byte[] bytes = ctx.download(a, 5_000_000).join();
     * }
     * }</pre>
     *
     * @param attachment one of the message's attachments
     * @param maxBytes the most bytes to accept; a larger file fails the future
     * @return the file's bytes; fails on a platform without files, or past {@code maxBytes}
     */
    java.util.concurrent.CompletableFuture<byte[]> download(Attachment attachment, long maxBytes);

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
