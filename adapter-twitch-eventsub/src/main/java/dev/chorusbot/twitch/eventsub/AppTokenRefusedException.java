package dev.chorusbot.twitch.eventsub;

import dev.chorusbot.core.Api;

/**
 * Twitch's OAuth server refused the application's client credentials: the fault is
 * {@code TWITCH_CLIENT_ID} or {@code TWITCH_CLIENT_SECRET}, not a channel's or the bot's
 * authorization. Catch it to tell the two apart; it is a {@link TwitchApiException}.
 */
@Api(Api.Status.STABLE)
public final class AppTokenRefusedException extends TwitchApiException {
    /**
     * A refusal with Twitch's status and message.
     *
     * @param status the HTTP status of the refusal, such as 400 or 403
     * @param reason Twitch's message, such as {@code invalid client secret}, or empty
     */
    public AppTokenRefusedException(int status, String reason) {
        super(status, "", reason);
    }
}
