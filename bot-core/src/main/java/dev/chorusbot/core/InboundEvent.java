package dev.chorusbot.core;

import java.util.Optional;

/**
 * Something an adapter received from its platform: a {@link Message}, a {@link ButtonPress} or any
 * other {@link PlatformEvent}.
 *
 * <p>Events of one chat are handled in the order the adapter dispatched them; events of different
 * chats are handled in parallel. {@link #orderingKey()} says which chat an event belongs to.
 */
@Api(Api.Status.STABLE)
public sealed interface InboundEvent permits Message, ButtonPress, PlatformEvent {

    /**
     * The platform the event came from.
     *
     * @return the platform of the adapter that received the event
     */
    Platform platform();

    /**
     * The platform's id of the event, unique on that platform; used to drop redeliveries.
     *
     * @return the event id
     */
    String id();

    /**
     * The chat the event belongs to, when it belongs to one.
     *
     * @return the chat; always present for a {@link Message} or a {@link ButtonPress}
     */
    Optional<Chat> inChat();

    /**
     * The original platform object, when it is an instance of {@code type}.
     *
     * @param <T> the type to look for
     * @param type the platform's class, such as the Telegram adapter's update type
     * @return the raw object cast to {@code type}, or empty when it is absent or of another type
     */
    default <T> Optional<T> unwrap(Class<T> type) {
        Object raw = raw();
        return type.isInstance(raw) ? Optional.of(type.cast(raw)) : Optional.empty();
    }

    /**
     * The original platform object, for what the neutral model does not cover.
     *
     * @return the raw object; may be {@code null} for events built in tests
     */
    Object raw();

    /**
     * Events with equal keys are handled one after another, in dispatch order.
     *
     * @return by default the platform id and the chat id, such as {@code telegram:42}
     */
    default String orderingKey() {
        return platform().id() + ':' + inChat().map(Chat::id).orElse("");
    }
}
