package dev.chorusbot.core;

import java.util.Optional;

/**
 * What a text handler ({@code Bot.Builder.onText}) is given: the message that is not a command,
 * and what every handler gets ({@link HandlerContext}): state, services, clock, a way to answer
 * and the bot's {@link Outbox}.
 *
 * <pre>{@code
 * builder.onText(ctx -> ctx.text().contains("ping") ? Reply.text("pong") : Reply.none());
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public interface MessageContext extends HandlerContext {

    /**
     * The message being handled.
     *
     * @return the message, as the adapter delivered it
     */
    Message message();

    /**
     * The message's text; {@code message().text()}.
     *
     * @return the text as sent
     */
    default String text() {
        return message().text();
    }

    /**
     * The original platform object behind the message; {@code message().unwrap(type)}.
     *
     * @param <T> the platform's type
     * @param type the platform's class, such as the Telegram adapter's update type
     * @return the raw object cast to {@code type}, or empty when it is absent or of another type
     */
    default <T> Optional<T> unwrap(Class<T> type) {
        return message().unwrap(type);
    }
}
