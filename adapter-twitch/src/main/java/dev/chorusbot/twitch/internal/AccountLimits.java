package dev.chorusbot.twitch.internal;

/**
 * The windows Twitch counts per account, shared by every connection of one adapter: logins and
 * JOINs per 10 seconds, messages per 30 seconds (https://dev.twitch.tv/docs/chat/#rate-limits).
 */
public final class AccountLimits {
    private final SharedWindow logins = new SharedWindow(TwitchSession.LOGIN_WINDOW_MILLIS);
    private final SharedWindow joins = new SharedWindow(ChannelJoins.JOIN_WINDOW_MILLIS);
    private final SharedWindow messages = new SharedWindow(OutboundQueue.WINDOW_MILLIS);

    /** Empty windows for one account. */
    public AccountLimits() {}

    SharedWindow logins() {
        return logins;
    }

    SharedWindow joins() {
        return joins;
    }

    SharedWindow messages() {
        return messages;
    }
}
