package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A user pressed one of the bot's buttons (a Telegram inline keyboard button).
 *
 * <p>A {@link Button}'s data is a command line, so a press is routed like the command it names:
 * pressing {@code Button.of("Roll again", "roll 2d6")} runs {@code roll} with {@code 2d6}, as if the
 * presser had typed it. Adapters acknowledge the press to the platform themselves.
 *
 * @param platform where the button was pressed
 * @param id the platform's id of the press
 * @param chat the chat holding the message with the button
 * @param sender who pressed it
 * @param data the button's data: a command line, without a prefix
 * @param messageId the id of the bot message that carries the button, if known
 * @param time when the press was received
 * @param raw the platform's own object
 */
@Api(Api.Status.STABLE)
public record ButtonPress(
        Platform platform,
        String id,
        Chat chat,
        User sender,
        String data,
        Optional<String> messageId,
        Instant time,
        Object raw)
        implements InboundEvent {

    /**
     * Validates the components; {@code raw} may be null.
     *
     * @param platform where the button was pressed
     * @param id the platform's id of the press
     * @param chat the chat holding the message with the button
     * @param sender who pressed it
     * @param data the button's data: a command line, without a prefix
     * @param messageId the id of the bot message that carries the button, or empty
     * @param time when the press was received
     * @param raw the platform's own object, or {@code null}
     * @throws NullPointerException if any component other than {@code raw} is {@code null}
     */
    public ButtonPress {
        notNull(platform, "platform");
        notNull(id, "id");
        notNull(chat, "chat");
        notNull(sender, "sender");
        notNull(data, "data");
        notNull(messageId, "messageId");
        notNull(time, "time");
    }

    @Override
    public Optional<Chat> inChat() {
        return Optional.of(chat);
    }
}
