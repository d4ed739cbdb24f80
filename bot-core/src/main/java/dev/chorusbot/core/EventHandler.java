package dev.chorusbot.core;

/**
 * Handles {@link PlatformEvent}s of one type, such as Twitch's {@code USERNOTICE} or Telegram's
 * {@code my_chat_member}. A reply is sent to the event's chat, when it has one.
 */
@FunctionalInterface
@Api(Api.Status.STABLE)
public interface EventHandler {

    /**
     * Handles one event; returns {@link Reply#none()} to stay silent.
     *
     * @param event an event of the type the handler was registered for
     * @return the reply; dropped when the event has no chat
     * @throws Exception when handling failed; it is logged, and no apology is sent
     */
    Reply handle(PlatformEvent event) throws Exception;
}
