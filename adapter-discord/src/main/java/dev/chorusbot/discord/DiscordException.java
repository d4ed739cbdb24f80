package dev.chorusbot.discord;

import dev.chorusbot.core.Api;
import dev.chorusbot.core.PlatformException;

/**
 * A Discord REST call failed: the base of {@link DiscordApiException} (Discord answered with an
 * error) and {@link DiscordNetworkException} (no answer from Discord at all). Like every
 * {@link PlatformException} it carries the platform's code and reason and never the bot token.
 */
@Api(Api.Status.STABLE)
public abstract class DiscordException extends PlatformException {
    /** The call that failed, as its route: method and path template. */
    private final String route;

    DiscordException(String route, String code, String reason, String message) {
        super(Discord.PLATFORM, code, reason, message, null);
        this.route = route;
    }

    /**
     * The call that failed, with the path's template rather than its ids and tokens.
     *
     * @return the method and template, such as {@code POST /channels/{channel.id}/messages}
     */
    public String route() {
        return route;
    }
}
