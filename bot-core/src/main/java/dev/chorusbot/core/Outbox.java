package dev.chorusbot.core;

import java.util.concurrent.CompletionStage;

/**
 * Sends messages on the bot's own initiative, outside the answer to an event: a reminder, an
 * announcement, a message to another chat. A sent {@link Reply} takes the same way as a handler's
 * answer: rendered for the platform's {@link Capabilities}, then through the adapter's send queue
 * with its rate limits and retries.
 *
 * <p>The {@link Bot} is one, and every handler reaches it through {@link HandlerContext#outbox()}:
 *
 * <pre>{@code
 * bot.send(TelegramAdapter.PLATFORM, Chat.of("-100123", Chat.Kind.GROUP, ""), Reply.text("stream starts!"))
 *     .whenComplete((sent, failure) -> {
 *         if (failure instanceof PlatformException p) {
 *             log.warn("{} refused the announcement: {} {}", p.platform(), p.code(), p.reason());
 *         }
 *     });
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public interface Outbox {

    /**
     * Renders {@code reply} for {@code platform} and hands it to that platform's adapter, which
     * sends it to {@code chat} (and its thread or topic, if the chat has one) through its queue. A
     * reply longer than the platform allows goes out as several messages, in order.
     *
     * @param platform the platform to send on; the bot must have an adapter for it
     * @param chat the chat to send to, with its thread or topic if any
     * @param reply what to send; {@link Reply#none()} sends nothing and completes at once
     * @return completes when the platform accepted every message; fails with the adapter's typed
     *     failure, a {@link PlatformException} carrying the platform's code and reason, when the
     *     platform refused or the adapter gave up. Waiting on it is optional.
     * @throws IllegalArgumentException when the bot has no adapter for {@code platform}
     * @throws IllegalStateException when the bot has not been started, or has stopped
     */
    CompletionStage<Void> send(Platform platform, Chat chat, Reply reply);
}
