package dev.chorusbot.twitch.eventsub;

import dev.chorusbot.core.Api;
import dev.chorusbot.twitch.TwitchException;

/**
 * Twitch accepted a Send Chat Message request but did not post the message: the response said
 * {@code "is_sent": false} with a {@code drop_reason} such as {@code msg_duplicate},
 * {@code msg_ratelimit} or {@code msg_rejected} (the codes of https://dev.twitch.tv/docs/irc/msg-id/).
 * {@link #code()} is {@code drop_reason.code}, {@link #reason()} {@code drop_reason.message}; both
 * empty when Twitch sent none.
 */
@Api(Api.Status.STABLE)
public class ChatMessageDroppedException extends TwitchException {
    /** The channel login the message was meant for. */
    private final String channel;

    /**
     * An exception for a dropped message.
     *
     * @param channel the channel login the message was meant for
     * @param code Twitch's drop code ({@code drop_reason.code}), or empty
     * @param reason Twitch's explanation ({@code drop_reason.message}), or empty
     */
    public ChatMessageDroppedException(String channel, String code, String reason) {
        super(code, reason, "Twitch dropped the message to #" + channel + ": "
                + (code.isEmpty() ? "no reason code" : code) + (reason.isEmpty() ? "" : " (" + reason + ")"));
        this.channel = channel;
    }

    /**
     * The channel the message was meant for.
     *
     * @return the channel's login, without {@code #}
     */
    public String channel() {
        return channel;
    }
}
