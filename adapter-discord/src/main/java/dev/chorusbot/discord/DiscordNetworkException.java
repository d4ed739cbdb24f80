package dev.chorusbot.discord;

import dev.chorusbot.core.Api;

/**
 * A Discord REST call got no answer that Discord wrote: the connection failed or timed out, or a
 * server answered without Discord's JSON error body. The message names the call's route and never
 * the token.
 */
@Api(Api.Status.STABLE)
public final class DiscordNetworkException extends DiscordException {
    /**
     * A failure of the call {@code route}.
     *
     * @param route the method and path template, such as {@code POST /channels/{channel.id}/messages}
     * @param detail what went wrong, such as {@code HttpConnectTimeoutException: HTTP connect timed
     *     out}; never a token
     */
    public DiscordNetworkException(String route, String detail) {
        super(route, "", detail, route + " failed: " + detail);
    }
}
