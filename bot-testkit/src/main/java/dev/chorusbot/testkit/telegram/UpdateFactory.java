package dev.chorusbot.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Makes updates in the Bot API's format, with fresh ids, and makes their chats known. */
final class UpdateFactory {
    private final TelegramWorld world;
    private final AtomicLong updateIds = new AtomicLong(100_000);

    UpdateFactory(TelegramWorld world) {
        this.world = world;
    }

    long nextMessageId() {
        return world.nextMessageId();
    }

    long now() {
        return Instant.now().getEpochSecond();
    }

    /** A user id above 2^32, as Telegram's ids exceed 32 bits. */
    long nextUserId() {
        return 5_000_000_000L + updateIds.incrementAndGet();
    }

    MessageBuilder message(FakeChat chat, Optional<FakeUser> from) {
        return new MessageBuilder(this, chat, from);
    }

    FakeUpdate callbackQuery(FakeChat chat, FakeUser from, long messageId, String data) {
        ObjectNode message = TelegramJson.object();
        message.put("message_id", messageId);
        message.set("from", TelegramJson.user(world.bot()));
        message.set("chat", TelegramJson.chat(chat));
        message.put("date", now());
        message.put("text", "(a message with buttons)");
        ObjectNode q = TelegramJson.object();
        q.put("id", Long.toString(4_000_000_000_000L + updateIds.incrementAndGet()));
        q.set("from", TelegramJson.user(from));
        q.set("message", message);
        q.put("chat_instance", "-" + chat.id());
        q.put("data", data);
        return update("callback_query", q, chat);
    }

    /**
     * A ChatMemberUpdated (https://core.telegram.org/bots/api#chatmemberupdated): chat, from, date,
     * old_chat_member and new_chat_member, each a ChatMember with its status and user.
     */
    FakeUpdate chatMember(String kind, FakeChat chat, FakeUser from, FakeUser member, String oldStatus,
            String newStatus) {
        ObjectNode payload = TelegramJson.object();
        payload.set("chat", TelegramJson.chat(chat));
        payload.set("from", TelegramJson.user(from));
        payload.put("date", now());
        payload.set("old_chat_member", chatMemberJson(member, oldStatus));
        payload.set("new_chat_member", chatMemberJson(member, newStatus));
        return update(kind, payload, chat);
    }

    private static ObjectNode chatMemberJson(FakeUser member, String status) {
        ObjectNode m = TelegramJson.object();
        m.put("status", status);
        m.set("user", TelegramJson.user(member));
        if (status.equals("kicked")) {
            m.put("until_date", 0); // 0: banned forever
        }
        return m;
    }

    FakeUpdate update(String kind, JsonNode payload, FakeChat chat) {
        if (chat != null) {
            world.addChat(chat);
        }
        ObjectNode u = TelegramJson.object();
        long id = updateIds.incrementAndGet();
        u.put("update_id", id);
        u.set(kind, payload);
        return new FakeUpdate(id, kind, u.toString());
    }
}
