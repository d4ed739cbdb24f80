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
@Api(Api.Status.STABLE)
public interface MessageHandler {

    /**
     * Handles one non-command message; returns {@link Reply#none()} to stay silent.
     *
     * @param message a message that is not a command and was not sent by the bot itself
     * @return the reply, sent to the message's chat
     * @throws Exception when handling failed; it is logged and the user gets a short apology
     */
    Reply handle(Message message) throws Exception;
}
