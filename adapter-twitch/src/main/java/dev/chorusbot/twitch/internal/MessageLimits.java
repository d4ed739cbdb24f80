package dev.chorusbot.twitch.internal;

/** The check of Twitch's two chat limits, shared by the IRC and the EventSub configuration. */
public final class MessageLimits {
    private MessageLimits() {}

    /**
     * Refuses limits that are not positive, or a moderator limit below the normal one.
     *
     * @throws IllegalArgumentException naming both values
     */
    public static void check(int perThirtySeconds, int asModeratorPerThirtySeconds) {
        if (perThirtySeconds <= 0 || asModeratorPerThirtySeconds < perThirtySeconds) {
            throw new IllegalArgumentException("message limits must be positive, the moderator limit at least the"
                    + " normal one; were " + perThirtySeconds + " and " + asModeratorPerThirtySeconds);
        }
    }
}
