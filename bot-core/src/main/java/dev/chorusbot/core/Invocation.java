package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * One event on its way through the middleware chain, with the command it invokes (if any) already
 * recognised, so middleware can check permissions or cooldowns per command.
 *
 * @param event the event being handled
 * @param command the command the event invokes, if it invokes one
 * @param adapter the adapter the event came from
 * @param state the bot's state store
 * @param clock the bot's clock (its scheduler's wall clock)
 * @param catalog the bot's sentences per locale; {@link #texts()} picks the event's
 */
@Api(Api.Status.STABLE)
public record Invocation(
        InboundEvent event,
        Optional<CommandCall> command,
        Adapter adapter,
        StateStore state,
        Clock clock,
        TextCatalog catalog) {

    /**
     * Validates the components.
     *
     * @param event the event being handled
     * @param command the command the event invokes, or empty
     * @param adapter the adapter the event came from
     * @param state the bot's state store
     * @param clock the bot's clock
     * @param catalog the bot's sentences per locale
     * @throws NullPointerException if a component is {@code null}
     */
    public Invocation {
        notNull(event, "event");
        notNull(command, "command");
        notNull(adapter, "adapter");
        notNull(state, "state");
        notNull(clock, "clock");
        notNull(catalog, "catalog");
    }

    /**
     * The language to answer in: the sender's when the platform tells it, else the chat's (see
     * {@link CommandContext#setChatLocale}), else the bot's default. Looked up on each call.
     *
     * @return the locale of this event's answers
     */
    public Locale locale() {
        Optional<User> sender = sender();
        if (sender.isPresent() && sender.get().locale().isPresent()) {
            return sender.get().locale().get();
        }
        Optional<Chat> chat = event.inChat();
        if (chat.isPresent()) {
            Optional<String> chosen = state.get(chatLocaleKey(event.platform(), chat.get()));
            if (chosen.isPresent()) {
                return Locale.forLanguageTag(chosen.get());
            }
        }
        return catalog.defaultLocale();
    }

    /**
     * The sentences the bot answers with on its own, in this event's {@link #locale()}.
     *
     * @return the texts for the event's locale
     */
    public BotTexts texts() {
        return catalog.botTexts(locale());
    }

    /** The state key of the language chosen for {@code chat}. */
    static String chatLocaleKey(Platform platform, Chat chat) {
        return "chorus:locale:" + platform.id() + ':' + chat.id();
    }

    /**
     * The user behind the event, if it has one (every message and button press has).
     *
     * @return the sender, or empty for a platform event without a user
     */
    public Optional<User> sender() {
        if (event instanceof Message message) {
            return Optional.of(message.sender());
        }
        if (event instanceof ButtonPress press) {
            return Optional.of(press.sender());
        }
        return ((PlatformEvent) event).sender();
    }

    /**
     * A copy carrying another event (for example with a sender whose roles were looked up).
     *
     * @param newEvent the event to carry instead
     * @return a new invocation; this one is unchanged
     */
    public Invocation withEvent(InboundEvent newEvent) {
        return new Invocation(newEvent, command, adapter, state, clock, catalog);
    }
}
