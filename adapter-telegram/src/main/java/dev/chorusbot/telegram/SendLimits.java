package dev.chorusbot.telegram;

/**
 * How fast the adapter sends, enforced before sending. The defaults follow Telegram's bot FAQ:
 * about 30 messages a second overall, one a second in a private chat, 20 a minute in a group.
 *
 * @param overallPerSecond messages per second across all chats
 * @param privatePerSecond messages per second in one private chat
 * @param groupPerMinute messages per minute in one group, supergroup or channel
 */
public record SendLimits(int overallPerSecond, int privatePerSecond, int groupPerMinute) {

    /**
     * Validates the components.
     *
     * @param overallPerSecond messages per second across all chats, at least 1
     * @param privatePerSecond messages per second in one private chat, at least 1
     * @param groupPerMinute messages per minute in one group, supergroup or channel, at least 1
     * @throws IllegalArgumentException when a limit is 0 or negative
     */
    public SendLimits {
        if (overallPerSecond <= 0 || privatePerSecond <= 0 || groupPerMinute <= 0) {
            throw new IllegalArgumentException("send limits must be positive, were " + overallPerSecond + "/s overall, "
                    + privatePerSecond + "/s per private chat, " + groupPerMinute + "/min per group");
        }
    }

    /**
     * Telegram's advice: 30/s overall, 1/s per private chat, 20/min per group.
     *
     * @return the limits the adapter uses unless configured otherwise
     */
    public static SendLimits telegramDefaults() {
        return new SendLimits(30, 1, 20);
    }
}
