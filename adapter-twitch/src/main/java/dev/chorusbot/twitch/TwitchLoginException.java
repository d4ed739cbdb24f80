package dev.chorusbot.twitch;

import dev.chorusbot.core.Api;

/**
 * Twitch refused to log the bot in ({@code Login authentication failed} or {@code Improperly
 * formatted auth}). The adapter stops instead of retrying: the same token would be refused again. The
 * message names {@code TWITCH_OAUTH_TOKEN} and never contains the token. {@link #reason()} is
 * Twitch's NOTICE text; Twitch gives such a NOTICE no {@code msg-id}, so {@link #code()} is empty.
 */
@Api(Api.Status.STABLE)
public final class TwitchLoginException extends TwitchException {
    /**
     * An exception for the refusal {@code notice} (Twitch's NOTICE text) of {@code login}'s login.
     *
     * @param login the bot account's login that was refused
     * @param notice Twitch's NOTICE text, such as {@code Login authentication failed}
     */
    public TwitchLoginException(String login, String notice) {
        super("", notice, "Twitch refused the login of '" + login + "' (" + notice + "): check TWITCH_OAUTH_TOKEN, which must be"
                + " a valid user access token of that account with the chat:read and chat:edit scopes.");
    }

    /**
     * Twitch's NOTICE text, for example {@code Login authentication failed}.
     *
     * @return the NOTICE text as Twitch sent it
     */
    public String notice() {
        return reason();
    }
}
