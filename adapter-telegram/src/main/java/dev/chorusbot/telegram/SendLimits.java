package dev.chorusbot.telegram;

import dev.chorusbot.core.Api;

/**
 * How fast the adapter sends, enforced before sending. The defaults follow Telegram's bot FAQ:
 * about 30 messages a second overall, one a second in a private chat, 20 a minute in a group.
 * {@code TELEGRAM_SEND_LIMITS} sets them from the environment ({@link #parse}).
 *
 * @param overallPerSecond messages per second across all chats
 * @param privatePerSecond messages per second in one private chat
 * @param groupPerMinute messages per minute in one group, supergroup or channel
 */
@Api(Api.Status.EXPERIMENTAL)
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

    /** The form {@link #parse} reads, as a problem states it. */
    static final String FORM = "three rates 'overall/s,private chat/s,group/min' such as '30/s,1/s,20/min'";

    /**
     * Reads the limits from text as {@code TELEGRAM_SEND_LIMITS} holds them: three rates separated by
     * commas, messages per second overall, per second in one private chat, per minute in one group,
     * such as {@code 30/s,1/s,20/min}. Spaces around the parts are ignored.
     *
     * @param text the rates, such as {@code 1000/s,1/s,20/min}
     * @return the limits
     * @throws IllegalArgumentException with the sentence's end ({@code must be three rates …, was
     *     '…'}) when the text is not three positive rates in that form
     */
    public static SendLimits parse(String text) {
        String[] parts = java.util.Objects.requireNonNull(text, "text").split(",", -1);
        if (parts.length == 3) {
            int overall = rate(parts[0], "s");
            int privateChat = rate(parts[1], "s");
            int group = rate(parts[2], "min");
            if (overall > 0 && privateChat > 0 && group > 0) {
                return new SendLimits(overall, privateChat, group);
            }
        }
        throw new IllegalArgumentException("must be " + FORM + ", with whole numbers from 1, was '" + text + "'");
    }

    /** The count of {@code N/unit}, or 0 when the part is not a positive whole number per {@code unit}. */
    private static int rate(String part, String unit) {
        String[] rate = part.strip().split("/", -1);
        if (rate.length != 2 || !rate[1].strip().equals(unit)) {
            return 0;
        }
        String count = rate[0].strip();
        if (count.isEmpty() || count.length() > 9 || !count.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0; // nine digits at most: no overflow, and no real limit is near a billion a second
        }
        return Integer.parseInt(count);
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
