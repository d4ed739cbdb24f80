package dev.chorusbot.core;

/**
 * Handles messages that are not commands. None is registered by default, so plain chat is not
 * answered.
 *
 * <pre>{@code
 * builder.onText(message -> message.text().contains("ping") ? Reply.text("pong") : Reply.none());
 * }</pre>
 */
@FunctionalInterface
public interface MessageHandler {

    /** Handles one non-command message; returns {@link Reply#none()} to stay silent. */
    Reply handle(Message message) throws Exception;
}
