package dev.chorusbot.twitch;

import dev.chorusbot.core.Api;

/**
 * Twitch chat refused what the bot asked of a channel over IRC: a message to a channel Twitch
 * did not let the bot join (suspended or unknown: {@code msg_channel_suspended}, or no answer to
 * the JOIN at all). {@link #code()} is Twitch's {@code msg-id} (empty when Twitch said nothing) and
 * {@link #reason()} its NOTICE text, or what the adapter observed.
 */
@Api(Api.Status.STABLE)
public final class TwitchChatException extends TwitchException {
    /** The channel's login. */
    private final String channel;

    /**
     * A refusal in {@code channel}.
     *
     * @param channel the channel's login, without {@code #}
     * @param code Twitch's {@code msg-id}, such as {@code msg_channel_suspended}; empty when Twitch
     *     gave none
     * @param reason Twitch's NOTICE text, or what the adapter observed
     * @param message the whole message, one sentence naming the channel
     */
    public TwitchChatException(String channel, String code, String reason, String message) {
        super(code, reason, message);
        this.channel = channel;
    }

    /**
     * The channel the refusal concerns.
     *
     * @return the channel's login, without {@code #}
     */
    public String channel() {
        return channel;
    }
}
