package dev.chorusbot.twitch.eventsub.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chorusbot.core.Chat;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PlatformEvent;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import dev.chorusbot.json.JsonTrees;
import dev.chorusbot.twitch.eventsub.ChatMessageEvent;
import dev.chorusbot.twitch.eventsub.EventSubNotification;
import dev.chorusbot.twitch.eventsub.EventSubSubscription;
import dev.chorusbot.twitch.internal.ReplyMention;
import dev.chorusbot.twitch.internal.TwitchNeutral;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads EventSub delivery bodies (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/) and
 * maps them to the neutral model. A {@code channel.chat.message} becomes the same {@link Message}
 * the IRC adapter makes of a PRIVMSG: chat id = the broadcaster's login, a group chat titled
 * {@code #login}, sender id = the chatter's user id, badges mapped to roles, the message id, and
 * the replied-to message id.
 */
final class Deliveries {
    private final Platform platform;

    Deliveries(Platform platform) {
        this.platform = platform;
    }

    /** The body of a delivery could not be read. */
    static final class MalformedDeliveryException extends Exception {
        MalformedDeliveryException(String message) {
            super(message);
        }
    }

    /** Parses a body; it must be a JSON object with a {@code subscription} object. */
    static JsonNode parse(byte[] body) throws MalformedDeliveryException {
        JsonNode root;
        try {
            root = JsonTrees.read(body);
        } catch (JsonProcessingException e) {
            throw new MalformedDeliveryException("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedDeliveryException("the body could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedDeliveryException("the body is not a JSON object");
        }
        if (!root.path("subscription").isObject()) {
            throw new MalformedDeliveryException("the body has no \"subscription\" object");
        }
        return root;
    }

    /** The subscription a delivery belongs to. */
    static EventSubSubscription subscription(JsonNode root) {
        return HelixApi.subscription(root.path("subscription"));
    }

    /** The event of a {@code notification}. */
    InboundEvent event(JsonNode root, String messageId, Instant sentAt) throws MalformedDeliveryException {
        EventSubSubscription subscription = subscription(root);
        JsonNode event = root.path("event");
        if (!event.isObject()) {
            throw new MalformedDeliveryException("the notification has no \"event\" object");
        }
        EventSubNotification notification = new EventSubNotification(messageId, "notification", sentAt,
                subscription, event.toString());
        if (subscription.type().equals(HelixApi.CHAT_MESSAGE)) {
            return message(chat(event, notification), sentAt);
        }
        return other(subscription.type(), event, notification);
    }

    /** A revocation as a platform event of type {@code revocation}. */
    PlatformEvent revocation(JsonNode root, String messageId, Instant sentAt) {
        EventSubSubscription subscription = subscription(root);
        EventSubNotification notification = new EventSubNotification(messageId, "revocation", sentAt,
                subscription, null);
        return new PlatformEvent(platform, "revocation", messageId, Optional.empty(), Optional.empty(), notification);
    }

    static ChatMessageEvent chat(JsonNode e, EventSubNotification notification) throws MalformedDeliveryException {
        for (String field : List.of("broadcaster_user_id", "broadcaster_user_login", "chatter_user_id",
                "chatter_user_login", "message_id")) {
            if (Json.text(e, field).isEmpty()) {
                throw new MalformedDeliveryException("the channel.chat.message event has no \"" + field + "\"");
            }
        }
        if (!e.path("message").isObject()) {
            throw new MalformedDeliveryException("the channel.chat.message event has no \"message\" object");
        }
        List<ChatMessageEvent.Fragment> fragments = new ArrayList<>();
        for (JsonNode f : e.path("message").path("fragments")) {
            fragments.add(new ChatMessageEvent.Fragment(Json.text(f, "type"), Json.text(f, "text"),
                    optional(Json.text(f.path("emote"), "id")), optional(Json.text(f.path("mention"), "user_login")),
                    Json.has(f.path("cheermote"), "bits") ? OptionalInt.of(f.path("cheermote").path("bits").asInt())
                            : OptionalInt.empty()));
        }
        List<ChatMessageEvent.Badge> badges = new ArrayList<>();
        for (JsonNode b : e.path("badges")) {
            badges.add(new ChatMessageEvent.Badge(Json.text(b, "set_id"), Json.text(b, "id"), Json.text(b, "info")));
        }
        JsonNode r = e.path("reply");
        Optional<ChatMessageEvent.Reply> reply = Json.has(e, "reply") && !Json.text(r, "parent_message_id").isEmpty()
                ? Optional.of(new ChatMessageEvent.Reply(Json.text(r, "parent_message_id"),
                        Json.text(r, "parent_message_body"), Json.text(r, "parent_user_id"),
                        Json.text(r, "parent_user_login"), Json.text(r, "parent_user_name"),
                        Json.text(r, "thread_message_id"), Json.text(r, "thread_user_login")))
                : Optional.empty();
        OptionalInt bits = Json.has(e.path("cheer"), "bits") ? OptionalInt.of(e.path("cheer").path("bits").asInt())
                : OptionalInt.empty();
        return new ChatMessageEvent(Json.text(e, "broadcaster_user_id"), Json.text(e, "broadcaster_user_login"),
                Json.text(e, "broadcaster_user_name"), Json.text(e, "chatter_user_id"),
                Json.text(e, "chatter_user_login"), Json.text(e, "chatter_user_name"), Json.text(e, "message_id"),
                Json.text(e.path("message"), "text"), fragments, Json.text(e, "message_type"), badges,
                Json.text(e, "color"), reply, bits, optional(Json.text(e, "channel_points_custom_reward_id")),
                notification);
    }

    private Message message(ChatMessageEvent chat, Instant sentAt) {
        String name = chat.chatterUserName().isBlank() ? chat.chatterUserLogin() : chat.chatterUserName().strip();
        User sender = new User(chat.chatterUserId(), chat.chatterUserLogin(), name, roles(chat));
        // A reply's text starts with "@<parent> ", as over IRC; the command follows it.
        String text = chat.reply()
                .map(r -> ReplyMention.strip(chat.text(), r.parentUserName(), r.parentUserLogin()))
                .orElse(chat.text());
        return new Message(platform, chat.messageId(), channel(chat.broadcasterUserLogin()), sender, text,
                sentAt, chat.reply().map(ChatMessageEvent.Reply::parentMessageId), chat);
    }

    /**
     * Neutral roles from Twitch badges, as the IRC adapter maps them: broadcaster owns the channel,
     * moderator and vip carry over, subscriber and founder (a first subscriber) are subscribers. The
     * broadcaster chatting in their own channel owns it even without the badge.
     */
    static Set<Role> roles(ChatMessageEvent chat) {
        return TwitchNeutral.roles(chat::hasBadge, chat.chatterUserId().equals(chat.broadcasterUserId()));
    }

    private PlatformEvent other(String type, JsonNode e, EventSubNotification notification) {
        String login = Json.text(e, "broadcaster_user_login");
        Optional<Chat> chat = login.isEmpty() ? Optional.empty() : Optional.of(channel(login));
        Optional<User> user = Optional.empty();
        for (String prefix : List.of("chatter_user", "user")) {
            String id = Json.text(e, prefix + "_id");
            if (!id.isEmpty()) {
                String userLogin = Json.text(e, prefix + "_login");
                String name = Json.text(e, prefix + "_name");
                user = Optional.of(User.of(id, userLogin, name.isEmpty() ? userLogin : name));
                break;
            }
        }
        return new PlatformEvent(platform, type, notification.messageId(), chat, user, notification);
    }

    /** The neutral chat of a channel, as the IRC adapter names it. */
    static Chat channel(String login) {
        return TwitchNeutral.channel(login);
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
