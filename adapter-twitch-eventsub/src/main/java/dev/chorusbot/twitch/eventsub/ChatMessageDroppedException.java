package dev.chorusbot.twitch.eventsub;

/**
 * Twitch accepted a Send Chat Message request but did not post the message: the response said
 * {@code "is_sent": false} with a {@code drop_reason} such as {@code msg_duplicate},
 * {@code msg_ratelimit} or {@code msg_rejected} (the codes of https://dev.twitch.tv/docs/irc/msg-id/).
 */
public class ChatMessageDroppedException extends RuntimeException {
    /** Twitch's drop code ({@code drop_reason.code}); empty when Twitch sent none. */
    private final String code;
    /** Twitch's explanation ({@code drop_reason.message}); empty when Twitch sent none. */
    private final String reason;

    /**
     * An exception for a dropped message.
     *
     * @param channel the channel login the message was meant for
     * @param code Twitch's drop code ({@code drop_reason.code}), or empty
     * @param reason Twitch's explanation ({@code drop_reason.message}), or empty
     */
    public ChatMessageDroppedException(String channel, String code, String reason) {
        super("Twitch dropped the message to #" + channel + ": " + (code.isEmpty() ? "no reason code" : code)
                + (reason.isEmpty() ? "" : " (" + reason + ")"));
        this.code = code;
        this.reason = reason;
    }

    /**
     * Twitch's drop code, such as {@code msg_duplicate}; may be empty.
     *
     * @return the {@code drop_reason.code} of the response, or empty; never null
     */
    public String code() {
        return code;
    }

    /**
     * Twitch's explanation of the drop; may be empty.
     *
     * @return the {@code drop_reason.message} of the response, or empty; never null
     */
    public String reason() {
        return reason;
    }
}
