package dev.chorusbot.testkit.discord;

import dev.chorusbot.core.Api;
import java.util.List;

/**
 * An answer the bot sent to {@code POST /interactions/{id}/{token}/callback} (rather than inside
 * the webhook's HTTP response).
 *
 * @param interactionId the interaction's id
 * @param token the interaction's token
 * @param type the callback type: 1 PONG, 4 message, 5 deferred message, 6 deferred update, 7 update
 * @param content {@code data.content}; empty when it had none
 * @param flags {@code data.flags} (64: ephemeral); 0 when not given
 * @param buttons the buttons of {@code data.components}, row by row
 * @param json the request body exactly as sent
 */
@Api(Api.Status.EXPERIMENTAL)
public record InteractionCallback(String interactionId, String token, int type, String content, int flags,
        List<List<DiscordButton>> buttons, String json) {}
