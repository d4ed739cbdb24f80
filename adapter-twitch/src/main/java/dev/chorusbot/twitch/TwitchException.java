package dev.chorusbot.twitch;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.PlatformException;

/**
 * Twitch refused or failed a request: the base of every Twitch failure, over IRC
 * ({@link TwitchLoginException}, {@link TwitchChatException}) and through EventSub and the Helix
 * API ({@code TwitchApiException} and its kinds). Like every {@link PlatformException} it carries
 * Twitch's code and reason and never a token or secret.
 */
@Api(Api.Status.STABLE)
public abstract class TwitchException extends PlatformException {
    /**
     * A failure with Twitch's {@code code} and {@code reason}.
     *
     * @param code Twitch's code, such as {@code 401} or {@code msg_channel_suspended}; null or empty
     *     when it gave none
     * @param reason Twitch's reason, as it wrote it; null or empty when it gave none
     * @param message the whole message, one sentence; never a token or secret
     */
    protected TwitchException(String code, String reason, String message) {
        super(TwitchAdapter.PLATFORM, code, reason, message, null);
    }
}
