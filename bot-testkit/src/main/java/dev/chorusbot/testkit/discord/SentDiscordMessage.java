package dev.chorusbot.testkit.discord;

import dev.chorusbot.core.Api;
import java.util.List;
import java.util.Optional;

/**
 * A message the bot created or edited, and the fake accepted.
 *
 * @param id the message's id (for an edit, the edited message's; {@code @original} for an edit of
 *     an interaction's original answer)
 * @param channelId the channel it went to; empty for an interaction's follow-up or original answer
 * @param interactionToken the interaction token of a follow-up or an {@code @original} edit; empty
 *     for a channel message
 * @param content its {@code content}; empty when it had none
 * @param replyToId {@code message_reference.message_id}, if it was a reply
 * @param buttons the buttons of its action rows, row by row; empty without components
 * @param flags its {@code flags} (64: ephemeral); 0 when not given
 * @param json the request body exactly as sent
 */
@Api(Api.Status.EXPERIMENTAL)
public record SentDiscordMessage(String id, String channelId, Optional<String> interactionToken, String content,
        Optional<String> replyToId, List<List<DiscordButton>> buttons, int flags, String json) {}
