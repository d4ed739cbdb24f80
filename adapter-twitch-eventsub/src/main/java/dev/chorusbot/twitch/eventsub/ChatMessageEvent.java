package dev.chorusbot.twitch.eventsub;

import static java.util.Objects.requireNonNull;

import dev.chorusbot.core.Api;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code channel.chat.message} (version 1) event: one chat message, as EventSub delivers it
 * (https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/#channelchatmessage). It is the
 * platform object of every chat {@code Message} the EventSub adapter produces:
 *
 * <pre>{@code
 * message.unwrap(ChatMessageEvent.class).ifPresent(chat -> log.info("color {}", chat.color()));
 * }</pre>
 *
 * @param broadcasterUserId the channel's user id
 * @param broadcasterUserLogin the channel's login
 * @param broadcasterUserName the channel's display name
 * @param chatterUserId the sender's user id
 * @param chatterUserLogin the sender's login
 * @param chatterUserName the sender's display name
 * @param messageId the message's id (a UUID), usable as {@code reply_parent_message_id}
 * @param text the message's plain text
 * @param fragments the message in ordered parts: text, emotes, cheermotes, mentions
 * @param messageType {@code text}, {@code channel_points_highlighted},
 *     {@code channel_points_sub_only}, {@code user_intro}, or a power-up type
 * @param badges the sender's badges in this channel
 * @param color the sender's name color ({@code #RRGGBB}), or empty when never set
 * @param reply what the message answers, when it is a reply
 * @param cheerBits the Bits cheered, when it is a cheer
 * @param channelPointsCustomRewardId the channel points reward redeemed with it, if any
 * @param notification the delivery that carried the event
 */
@Api(Api.Status.EXPERIMENTAL)
public record ChatMessageEvent(
        String broadcasterUserId,
        String broadcasterUserLogin,
        String broadcasterUserName,
        String chatterUserId,
        String chatterUserLogin,
        String chatterUserName,
        String messageId,
        String text,
        List<Fragment> fragments,
        String messageType,
        List<Badge> badges,
        String color,
        Optional<Reply> reply,
        OptionalInt cheerBits,
        Optional<String> channelPointsCustomRewardId,
        EventSubNotification notification) {

    /**
     * Validates and copies the components.
     *
     * @param broadcasterUserId the channel's user id
     * @param broadcasterUserLogin the channel's login
     * @param broadcasterUserName the channel's display name
     * @param chatterUserId the sender's user id
     * @param chatterUserLogin the sender's login
     * @param chatterUserName the sender's display name
     * @param messageId the message's id (a UUID)
     * @param text the message's plain text
     * @param fragments the message in ordered parts; copied
     * @param messageType {@code text}, {@code channel_points_highlighted},
     *     {@code channel_points_sub_only}, {@code user_intro}, or a power-up type
     * @param badges the sender's badges in this channel; copied
     * @param color the sender's name color ({@code #RRGGBB}), or empty when never set
     * @param reply what the message answers, or empty when it is no reply
     * @param cheerBits the Bits cheered, or empty when it is no cheer
     * @param channelPointsCustomRewardId the channel points reward redeemed with it, or empty
     * @param notification the delivery that carried the event
     * @throws NullPointerException if a component is null
     */
    public ChatMessageEvent {
        requireNonNull(broadcasterUserId, "broadcasterUserId");
        requireNonNull(broadcasterUserLogin, "broadcasterUserLogin");
        requireNonNull(broadcasterUserName, "broadcasterUserName");
        requireNonNull(chatterUserId, "chatterUserId");
        requireNonNull(chatterUserLogin, "chatterUserLogin");
        requireNonNull(chatterUserName, "chatterUserName");
        requireNonNull(messageId, "messageId");
        requireNonNull(text, "text");
        fragments = List.copyOf(requireNonNull(fragments, "fragments"));
        requireNonNull(messageType, "messageType");
        badges = List.copyOf(requireNonNull(badges, "badges"));
        requireNonNull(color, "color");
        requireNonNull(reply, "reply");
        requireNonNull(cheerBits, "cheerBits");
        requireNonNull(channelPointsCustomRewardId, "channelPointsCustomRewardId");
        requireNonNull(notification, "notification");
    }

    /**
     * True when the sender carries a badge of the set {@code setId} ({@code moderator},
     * {@code vip}).
     *
     * @param setId the badge set to look for, compared exactly (lower case, as Twitch names them)
     * @return whether any of the sender's badges belongs to that set
     */
    public boolean hasBadge(String setId) {
        return badges.stream().anyMatch(b -> b.setId().equals(setId));
    }

    /**
     * A chat badge.
     *
     * @param setId the badge set, such as {@code broadcaster}, {@code moderator}, {@code subscriber}
     * @param id the version within the set, such as {@code 1} or a subscription tier
     * @param info extra data; for subscriber badges the number of months subscribed
     */
    public record Badge(String setId, String id, String info) {
        /**
         * Validates the components.
         *
         * @param setId the badge set, such as {@code moderator}
         * @param id the version within the set
         * @param info extra data, or empty
         * @throws NullPointerException if a component is null
         */
        public Badge {
            requireNonNull(setId, "setId");
            requireNonNull(id, "id");
            requireNonNull(info, "info");
        }
    }

    /**
     * One part of a message.
     *
     * @param type {@code text}, {@code emote}, {@code cheermote} or {@code mention}
     * @param text the part's text
     * @param emoteId the emote's id, for an emote
     * @param mentionUserLogin the login of the mentioned user, for a mention
     * @param cheermoteBits the Bits of a cheermote, for a cheermote
     */
    public record Fragment(String type, String text, Optional<String> emoteId, Optional<String> mentionUserLogin,
            OptionalInt cheermoteBits) {
        /**
         * Validates the components.
         *
         * @param type {@code text}, {@code emote}, {@code cheermote} or {@code mention}
         * @param text the part's text
         * @param emoteId the emote's id, or empty when the part is no emote
         * @param mentionUserLogin the mentioned user's login, or empty when the part is no mention
         * @param cheermoteBits the cheermote's Bits, or empty when the part is no cheermote
         * @throws NullPointerException if a component is null
         */
        public Fragment {
            requireNonNull(type, "type");
            requireNonNull(text, "text");
            requireNonNull(emoteId, "emoteId");
            requireNonNull(mentionUserLogin, "mentionUserLogin");
            requireNonNull(cheermoteBits, "cheermoteBits");
        }
    }

    /**
     * What a reply answers.
     *
     * @param parentMessageId the message replied to
     * @param parentMessageBody its text
     * @param parentUserId its sender's id
     * @param parentUserLogin its sender's login
     * @param parentUserName its sender's display name
     * @param threadMessageId the first message of the thread
     * @param threadUserLogin the login of the thread's first sender
     */
    public record Reply(String parentMessageId, String parentMessageBody, String parentUserId, String parentUserLogin,
            String parentUserName, String threadMessageId, String threadUserLogin) {
        /**
         * Validates the components.
         *
         * @param parentMessageId the id of the message replied to
         * @param parentMessageBody the text of the message replied to
         * @param parentUserId the user id of its sender
         * @param parentUserLogin the login of its sender
         * @param parentUserName the display name of its sender
         * @param threadMessageId the id of the thread's first message
         * @param threadUserLogin the login of the thread's first sender
         * @throws NullPointerException if a component is null
         */
        public Reply {
            requireNonNull(parentMessageId, "parentMessageId");
            requireNonNull(parentMessageBody, "parentMessageBody");
            requireNonNull(parentUserId, "parentUserId");
            requireNonNull(parentUserLogin, "parentUserLogin");
            requireNonNull(parentUserName, "parentUserName");
            requireNonNull(threadMessageId, "threadMessageId");
            requireNonNull(threadUserLogin, "threadUserLogin");
        }
    }
}
