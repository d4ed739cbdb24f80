package dev.chorusbot.core;

/**
 * Handles messages that are not commands. None is registered by default, so plain chat is not
 * answered. The handler gets the same context as a command's, less the command: state, services,
 * clock, replies and the bot's {@link Outbox}.
 *
 * <pre>{@code
 * builder.onText(ctx -> ctx.text().contains("ping") ? Reply.text("pong") : Reply.none());
 * }</pre>
 */
@FunctionalInterface
@Api(Api.Status.STABLE)
public interface MessageHandler {

    /**
     * Handles one non-command message; returns {@link Reply#none()} to stay silent.
     *
     * @param ctx the message that is not a command and was not sent by the bot itself, with the
     *     bot's state, services and outbox
     * @return the reply, sent to the message's chat (after any added with {@code ctx.reply})
     * @throws Exception when handling failed; it is logged and the user gets a short apology
     */
    Reply handle(MessageContext ctx) throws Exception;
}
