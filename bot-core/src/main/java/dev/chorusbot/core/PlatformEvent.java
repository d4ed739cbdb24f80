package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notBlank;
import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.Optional;

/**
 * Any other thing a platform reports: a Telegram {@code my_chat_member} or poll update, a Twitch
 * {@code USERNOTICE}, {@code CLEARCHAT} or {@code ROOMSTATE}. Handlers registered with
 * {@code Bot.Builder.onEvent(...)} receive them; the neutral model does not interpret them, so
 * handlers reach the details through {@link #unwrap(Class)}.
 *
 * @param platform where the event came from
 * @param type the platform's name for the kind of event ({@code my_chat_member}, {@code USERNOTICE})
 * @param id the platform's id of the event, or a synthetic unique id where it has none
 * @param chat the chat it concerns, if any
 * @param sender the user it concerns, if any
 * @param raw the platform's own object
 */
@Api(Api.Status.STABLE)
public record PlatformEvent(
        Platform platform, String type, String id, Optional<Chat> chat, Optional<User> sender, Object raw)
        implements InboundEvent {

    /**
     * Validates the components; {@code raw} may be null.
     *
     * @param platform where the event came from
     * @param type the platform's name for the kind of event; not blank
     * @param id the platform's id of the event, or a synthetic unique one
     * @param chat the chat it concerns, or empty
     * @param sender the user it concerns, or empty
     * @param raw the platform's own object, or {@code null}
     * @throws IllegalArgumentException if {@code type} is blank
     * @throws NullPointerException if any other component than {@code raw} is {@code null}
     */
    public PlatformEvent {
        notNull(platform, "platform");
        notBlank(type, "type");
        notNull(id, "id");
        notNull(chat, "chat");
        notNull(sender, "sender");
    }

    @Override
    public Optional<Chat> inChat() {
        return chat;
    }
}
