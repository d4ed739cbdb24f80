package dev.chorusbot.twitch.eventsub.internal;

import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.twitch.eventsub.ChatMessageEvent;
import dev.chorusbot.twitch.eventsub.TwitchEventSubConfig;
import dev.chorusbot.twitch.internal.SlidingWindow;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Twitch's chat limit for the bot account, kept before each Send Chat Message instead of being
 * discovered: 20 messages per 30 seconds, or 100 per 30 seconds to channels where the bot is
 * moderator or broadcaster (https://dev.twitch.tv/docs/chat/#rate-limits; both configurable with
 * {@link TwitchEventSubConfig.Builder#messageLimits}). The messages of every
 * channel count against one window, and the limit that applies is the one of the channel the next
 * message goes to, as on IRC.
 *
 * <p>The bot's standing in a channel is learnt from its own chat messages, which EventSub delivers
 * like everybody else's: their badges say whether it is moderator or broadcaster there. Until the
 * bot has spoken in a channel, the normal limit applies there, unless the channel is the bot's own.
 */
public final class ChatLimit {
    static final long WINDOW_MILLIS = 30_000;

    private final String botUserId;
    private final int normalLimit;
    private final int elevatedLimit;
    private final Scheduler time;
    private final SlidingWindow window = new SlidingWindow(WINDOW_MILLIS);
    private final Set<String> elevated = ConcurrentHashMap.newKeySet();

    /** The limit for the bot of {@code config}, waiting on {@code time}. */
    public ChatLimit(TwitchEventSubConfig config, Scheduler time) {
        this.botUserId = config.botUserId();
        this.normalLimit = config.messageLimit();
        this.elevatedLimit = config.moderatorMessageLimit();
        this.time = time;
    }

    /** Learns the bot's standing in a channel from one of its own messages there; others are ignored. */
    public void learn(ChatMessageEvent chat) {
        if (!chat.chatterUserId().equals(botUserId)) {
            return;
        }
        String channel = chat.broadcasterUserLogin();
        if (chat.broadcasterUserId().equals(botUserId) || chat.hasBadge("moderator")
                || chat.hasBadge("broadcaster")) {
            elevated.add(channel);
        } else {
            elevated.remove(channel);
        }
    }

    /** Whether the higher limit applies to messages to {@code channel} (a login). */
    public boolean isElevated(String channel) {
        return elevated.contains(channel);
    }

    /**
     * Waits until one more message to {@code channel} stays within the limit, then counts it.
     *
     * @param channel the channel login the message goes to
     * @param broadcasterId the channel's user id (the bot's own channel always has the higher limit)
     */
    public void acquire(String channel, String broadcasterId) throws InterruptedException {
        int limit = broadcasterId.equals(botUserId) || elevated.contains(channel) ? elevatedLimit : normalLimit;
        while (true) {
            long wait;
            synchronized (window) {
                long now = time.now().toEpochMilli();
                wait = window.delayUntilBelow(limit, now);
                if (wait == 0) {
                    window.record(now);
                    return;
                }
            }
            time.sleep(Duration.ofMillis(wait));
        }
    }
}
