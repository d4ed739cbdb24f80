package dev.chorusbot.core;

/**
 * Handles {@link PlatformEvent}s of one type, such as Twitch's {@code USERNOTICE} or Telegram's
 * {@code my_chat_member}. A reply is sent to the event's chat, when it has one.
 */
@FunctionalInterface
public interface EventHandler {

    /** Handles one event; returns {@link Reply#none()} to stay silent. */
    Reply handle(PlatformEvent event) throws Exception;
}
