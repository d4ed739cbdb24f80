package dev.chorusbot.core;

/**
 * Handles the answer to a question asked with {@link HandlerContext#ask}: the asked user's next
 * message in that chat that is not a command. Registered with {@code Bot.Builder.onAnswer(step,
 * handler)} under the step the question named.
 *
 * <pre>{@code
 * builder.onAnswer("quiz", (ctx, data) ->
 *         Reply.text(ctx.text().strip().equals("42") ? "correct!" : "no, it is 42"));
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
@FunctionalInterface
public interface AnswerHandler {

    /**
     * Handles one answer. To go on to another step, ask again and return that question.
     *
     * @param ctx the answer, with the same context a text handler gets
     * @param data what the question carried ({@link HandlerContext#ask(Reply, String, java.time.Duration,
     *     String)}): the answers so far of a form, say; empty when it carried nothing
     * @return the reply, sent to the chat
     * @throws Exception when handling failed; it is logged and the user gets a short apology
     */
    Reply answer(MessageContext ctx, String data) throws Exception;
}
