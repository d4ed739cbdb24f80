package dev.chorusbot.twitch.eventsub.internal;

import dev.chorusbot.twitch.eventsub.TwitchApiException;

/**
 * Twitch's OAuth server refused the application's client credentials: the fault is
 * {@code TWITCH_CLIENT_ID} or {@code TWITCH_CLIENT_SECRET}, not a channel's or the bot's
 * authorization, so no hint about those is added where this is reported.
 */
public final class AppTokenRefusedException extends TwitchApiException {
    /** A refusal with Twitch's status and message. */
    AppTokenRefusedException(int status, String reason) {
        super(status, "", reason);
    }
}
