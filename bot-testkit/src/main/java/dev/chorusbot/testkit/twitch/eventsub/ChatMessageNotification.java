package dev.chorusbot.testkit.twitch.eventsub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chorusbot.core.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@code channel.chat.message} (version 1) event as EventSub delivers it
 * (https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/#channelchatmessage), built field
 * by field for a test:
 *
 * <pre>{@code
 * String event = ChatMessageNotification.builder()
 *         .broadcaster("141981764", "twitchdev", "TwitchDev")
 *         .chatter("129546453", "viktor", "Viktor")
 *         .text("!hello")
 *         .badge("moderator", "1", "")
 *         .toEventJson();
 * }</pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class ChatMessageNotification {
    private static final ObjectMapper JSON = new ObjectMapper();

    private String broadcasterId = "141981764";
    private String broadcasterLogin = "twitchdev";
    private String broadcasterName = "TwitchDev";
    private String chatterId = "129546453";
    private String chatterLogin = "viktor";
    private String chatterName = "Viktor";
    private String messageId = UUID.randomUUID().toString();
    private String text = "";
    private String color = "#FF0000";
    private String messageType = "text";
    private final List<String[]> badges = new ArrayList<>();
    private String[] reply;
    private Integer cheerBits;

    private ChatMessageNotification() {}

    /**
     * A message in {@code #twitchdev} from {@code viktor}, with a random message id.
     *
     * @return a new builder with an empty text, no badges, no reply and no cheer
     */
    public static ChatMessageNotification builder() {
        return new ChatMessageNotification();
    }

    /**
     * The channel: its user id, login and display name.
     *
     * @param id the broadcaster's numeric user id, as text; not null
     * @param login the broadcaster's login, lower case; not null
     * @param name the broadcaster's display name; not null
     * @return this builder, for chaining
     */
    public ChatMessageNotification broadcaster(String id, String login, String name) {
        this.broadcasterId = Objects.requireNonNull(id);
        this.broadcasterLogin = Objects.requireNonNull(login);
        this.broadcasterName = Objects.requireNonNull(name);
        return this;
    }

    /**
     * The sender: user id, login and display name.
     *
     * @param id the chatter's numeric user id, as text; not null
     * @param login the chatter's login, lower case; not null
     * @param name the chatter's display name; not null
     * @return this builder, for chaining
     */
    public ChatMessageNotification chatter(String id, String login, String name) {
        this.chatterId = Objects.requireNonNull(id);
        this.chatterLogin = Objects.requireNonNull(login);
        this.chatterName = Objects.requireNonNull(name);
        return this;
    }

    /**
     * The message id (a UUID on Twitch).
     *
     * @param id the {@code message_id}; not null
     * @return this builder, for chaining
     */
    public ChatMessageNotification messageId(String id) {
        this.messageId = Objects.requireNonNull(id);
        return this;
    }

    /**
     * The message text; it becomes one {@code text} fragment.
     *
     * @param value the text, sent as given; not null
     * @return this builder, for chaining
     */
    public ChatMessageNotification text(String value) {
        this.text = Objects.requireNonNull(value);
        return this;
    }

    /**
     * The sender's name color, such as {@code #FF0000}; empty when never set.
     *
     * @param value the hex color, or an empty string for a user who never chose one; not null
     * @return this builder, for chaining
     */
    public ChatMessageNotification color(String value) {
        this.color = Objects.requireNonNull(value);
        return this;
    }

    /**
     * The message type: {@code text}, {@code channel_points_highlighted}, {@code user_intro}, ...
     *
     * @param value the {@code message_type}, sent as given; not null
     * @return this builder, for chaining
     */
    public ChatMessageNotification messageType(String value) {
        this.messageType = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Adds a badge: set id ({@code moderator}, {@code subscriber}), version id and info.
     *
     * @param setId the badge set, such as {@code moderator} or {@code subscriber}
     * @param id the version within the set, such as {@code 1} or a subscriber's tier month
     * @param info extra information, such as a subscriber's months; an empty string for none
     * @return this builder, for chaining
     */
    public ChatMessageNotification badge(String setId, String id, String info) {
        badges.add(new String[] {setId, id, info});
        return this;
    }

    /**
     * Makes it a reply to {@code parentMessageId}, sent by the given user with the given text. The
     * parent also becomes the thread's first message.
     *
     * @param parentMessageId the id of the message replied to
     * @param parentUserId the user id of its sender
     * @param parentUserLogin the login of its sender
     * @param parentUserName the display name of its sender
     * @param parentBody its text
     * @return this builder, for chaining
     */
    public ChatMessageNotification replyTo(String parentMessageId, String parentUserId, String parentUserLogin,
            String parentUserName, String parentBody) {
        this.reply = new String[] {parentMessageId, parentUserId, parentUserLogin, parentUserName, parentBody};
        return this;
    }

    /**
     * Makes it a cheer of {@code bits} Bits.
     *
     * @param bits the number of Bits cheered
     * @return this builder, for chaining
     */
    public ChatMessageNotification cheer(int bits) {
        this.cheerBits = bits;
        return this;
    }

    /**
     * The message id.
     *
     * @return the {@code message_id} the event carries
     */
    public String messageId() {
        return messageId;
    }

    /**
     * The broadcaster's user id.
     *
     * @return the {@code broadcaster_user_id} the event carries
     */
    public String broadcasterId() {
        return broadcasterId;
    }

    /**
     * The {@code event} object as JSON.
     *
     * @return the event, without the subscription envelope; unset optional fields are null
     */
    public String toEventJson() {
        ObjectNode e = JSON.createObjectNode();
        e.put("broadcaster_user_id", broadcasterId);
        e.put("broadcaster_user_login", broadcasterLogin);
        e.put("broadcaster_user_name", broadcasterName);
        e.put("chatter_user_id", chatterId);
        e.put("chatter_user_login", chatterLogin);
        e.put("chatter_user_name", chatterName);
        e.put("message_id", messageId);
        ObjectNode message = e.putObject("message");
        message.put("text", text);
        ObjectNode fragment = message.putArray("fragments").addObject();
        fragment.put("type", "text");
        fragment.put("text", text);
        fragment.putNull("cheermote");
        fragment.putNull("emote");
        fragment.putNull("mention");
        e.put("color", color);
        ArrayNode badgeArray = e.putArray("badges");
        for (String[] b : badges) {
            badgeArray.addObject().put("set_id", b[0]).put("id", b[1]).put("info", b[2]);
        }
        e.put("message_type", messageType);
        if (cheerBits == null) {
            e.putNull("cheer");
        } else {
            e.putObject("cheer").put("bits", cheerBits);
        }
        if (reply == null) {
            e.putNull("reply");
        } else {
            e.putObject("reply")
                    .put("parent_message_id", reply[0])
                    .put("parent_message_body", reply[4])
                    .put("parent_user_id", reply[1])
                    .put("parent_user_name", reply[3])
                    .put("parent_user_login", reply[2])
                    .put("thread_message_id", reply[0])
                    .put("thread_user_id", reply[1])
                    .put("thread_user_name", reply[3])
                    .put("thread_user_login", reply[2]);
        }
        e.putNull("channel_points_custom_reward_id");
        e.putNull("channel_points_animation_id");
        return e.toString();
    }
}
