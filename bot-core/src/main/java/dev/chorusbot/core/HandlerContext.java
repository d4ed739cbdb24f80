package dev.chorusbot.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What every handler of an event is given: who and where, the bot's state, clock and services, a
 * way to answer and a way to send on the bot's own initiative. A command handler gets a {@link
 * CommandContext}, a text handler a {@link MessageContext}; both are this.
 *
 * <pre>{@code
 * ctx.reply("on it");
 * ctx.send(otherChat, Reply.text(ctx.sender().displayName() + " says hi"));
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public interface HandlerContext {

    /**
     * The event being handled.
     *
     * @return the event as the adapter delivered it
     */
    InboundEvent event();

    /**
     * The platform the event came from.
     *
     * @return the event's platform
     */
    Platform platform();

    /**
     * The user who sent the event.
     *
     * @return the sender; when a command requires a role the event did not show, with the roles
     *     the adapter looked up
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
    CompletableFuture<byte[]> download(Attachment attachment, long maxBytes);

    /**
     * The chat the event came from.
     *
     * @return the chat, with its thread if any; replies go there
     */
    Chat chat();

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

    /**
     * The bot's way of sending on its own initiative, to any chat on any of its platforms, now or
     * later from another thread; see {@link Outbox}.
     *
     * @return the bot's outbox
     */
    Outbox outbox();

    /**
     * Sends {@code reply} to {@code chat} on this event's platform, apart from the answer: through
     * the same rendering, queue, limits and retries; see {@link Outbox#send}.
     *
     * @param chat the chat to send to, with its thread or topic if any
     * @param reply what to send
     * @return completes when the platform accepted the message; fails with a {@link
     *     PlatformException} when it refused. Waiting on it is optional.
     */
    default CompletionStage<Void> send(Chat chat, Reply reply) {
        return outbox().send(platform(), chat, reply);
    }

    /**
     * The bot's jobs for this chat: what a job scheduled here returns is sent to this chat (and
     * topic) when it runs; see {@link Jobs}.
     *
     * <pre>{@code
     * ctx.jobs().schedule("remind", "tea is ready", Schedule.in(Duration.ofMinutes(5)));
     * }</pre>
     *
     * @return the jobs, bound to this event's platform and chat
     */
    Jobs jobs();

    /**
     * Asks the sender a question: their next message in this chat (and topic) that is not a
     * command is their answer, and goes to the {@link AnswerHandler} registered for {@code step}
     * instead of the text handlers. Other users' messages are not answers. Return what this
     * returns: the question, marked so that the platform prompts for a reply where it can
     * (Telegram's {@code force_reply} in groups, which also lets a bot in privacy mode see the
     * answer).
     *
     * <pre>{@code
     * return ctx.ask(Reply.text("What is 6 times 7?"), "quiz", Duration.ofSeconds(60));
     * }</pre>
     *
     * <p>The question is kept in the bot's {@link StateStore}, so the answer may arrive in another
     * function invocation or at another instance sharing the store. Asking again replaces the
     * question; after {@code timeout} it is forgotten and nothing is said.
     *
     * @param question what to ask; its last text is marked as the question
     * @param step the answer handler's name, as registered with {@code Bot.Builder.onAnswer}
     * @param timeout how long the question waits for its answer; positive
     * @return {@code question}, marked as a question
     * @throws IllegalArgumentException when no answer handler is registered for {@code step}, the
     *     timeout is not positive, or {@code question} is {@link Reply#none()}
     */
    default Reply ask(Reply question, String step, Duration timeout) {
        return ask(question, step, timeout, "");
    }

    /**
     * Asks the sender a question that carries {@code data} to its answer handler: the answers of
     * the steps before, in a form of several steps.
     *
     * <pre>{@code
     * builder.onAnswer("name", (ctx, data) -> ctx.ask(Reply.text("And your age?"), "age", Duration.ofMinutes(5), ctx.text()));
     * builder.onAnswer("age", (ctx, name) -> Reply.text(name + " is " + ctx.text()));
     * }</pre>
     *
     * @param question what to ask; its last text is marked as the question
     * @param step the answer handler's name, as registered with {@code Bot.Builder.onAnswer}
     * @param timeout how long the question waits for its answer; positive
     * @param data what the answer handler receives as its {@code data}; may be empty
     * @return {@code question}, marked as a question
     * @throws IllegalArgumentException when no answer handler is registered for {@code step}, the
     *     timeout is not positive, or {@code question} is {@link Reply#none()}
     */
    Reply ask(Reply question, String step, Duration timeout, String data);

    /**
     * Forgets the question the sender was asked in this chat, if any: a {@code cancel} command.
     *
     * @return true when a question was waiting for the sender's answer here
     */
    boolean endConversation();
}
