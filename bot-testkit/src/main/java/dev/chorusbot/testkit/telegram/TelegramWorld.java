package dev.chorusbot.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake Telegram knows: the bot, chats, who blocked the bot, migrated groups,
 * administrators, the command menu, the webhook and the queue of pending updates. Every field is
 * guarded by {@link #lock}, which also wakes waiting long polls and awaits.
 */
final class TelegramWorld {
    final Object lock = new Object();

    private final FakeUser bot;
    private final AtomicLong messageIds = new AtomicLong(1_000);
    private final Map<Long, FakeChat> chats = new HashMap<>();
    private final Set<Long> blocked = new HashSet<>();
    private final Map<Long, Long> migrations = new HashMap<>();
    private final Map<Long, List<ObjectNode>> administrators = new HashMap<>();
    final ArrayDeque<FakeUpdate> updates = new ArrayDeque<>();
    private final Map<String, List<MenuCommand>> commands = new HashMap<>(); // by language_code, "" for all
    private String webhookUrl = "";
    private Optional<String> webhookSecret = Optional.empty();
    long pollGeneration;
    int waitingPolls;

    TelegramWorld(FakeUser bot) {
        this.bot = bot;
    }

    FakeUser bot() {
        return bot;
    }

    /** A message the bot sent: what an edit may change. */
    record BotMessage(long chatId, String text, String markup) {}

    private final Map<Long, BotMessage> botMessages = new HashMap<>(); // by message id
    private final Map<String, FakeFile> files = new HashMap<>(); // by file id
    private final AtomicLong fileIds = new AtomicLong();

    void botMessage(long id, BotMessage message) {
        synchronized (lock) {
            botMessages.put(id, message);
        }
    }

    Optional<BotMessage> botMessage(long id) {
        synchronized (lock) {
            return Optional.ofNullable(botMessages.get(id));
        }
    }

    FakeFile addFile(Optional<String> name, String mimeType, byte[] bytes, String folder) {
        long n = fileIds.incrementAndGet();
        // Shaped like Telegram's: opaque ids, and a path under a folder per kind ("photos/file_0.png").
        String id = "AgAC" + Long.toString(0x5EED0000L + n, 36) + "FakeFileId" + n;
        String ext = name.filter(f -> f.contains(".")).map(f -> f.substring(f.lastIndexOf('.'))).orElse("");
        FakeFile file = new FakeFile(id, "AQAD" + n, name, mimeType, bytes.clone(), folder + "/file_" + n + ext);
        synchronized (lock) {
            files.put(id, file);
        }
        return file;
    }

    Optional<FakeFile> file(String id) {
        synchronized (lock) {
            return Optional.ofNullable(files.get(id));
        }
    }

    Optional<FakeFile> fileAt(String path) {
        synchronized (lock) {
            return files.values().stream().filter(f -> f.filePath().equals(path)).findFirst();
        }
    }

    List<FakeFile> files() {
        synchronized (lock) {
            return List.copyOf(files.values());
        }
    }

    long nextMessageId() {
        return messageIds.incrementAndGet();
    }

    void addChat(FakeChat chat) {
        synchronized (lock) {
            chats.put(chat.id(), chat);
        }
    }

    Optional<FakeChat> chat(long id) {
        synchronized (lock) {
            return Optional.ofNullable(chats.get(id));
        }
    }

    void block(FakeUser user) {
        synchronized (lock) {
            blocked.add(user.id());
        }
    }

    boolean blocked(long chatId) {
        synchronized (lock) {
            return blocked.contains(chatId);
        }
    }

    void migrate(long groupId, long supergroupId) {
        synchronized (lock) {
            migrations.put(groupId, supergroupId);
            FakeChat old = chats.get(groupId);
            chats.put(supergroupId, new FakeChat(supergroupId, "supergroup", old == null ? "" : old.title(), false));
        }
    }

    Optional<Long> migratedTo(long chatId) {
        synchronized (lock) {
            return Optional.ofNullable(migrations.get(chatId));
        }
    }

    /** ChatMemberOwner first, then ChatMemberAdministrator entries, as getChatAdministrators lists them. */
    void administrators(FakeChat chat, FakeUser creator, FakeUser... admins) {
        List<ObjectNode> list = new ArrayList<>();
        list.add(TelegramJson.object().put("status", "creator").<ObjectNode>set("user", TelegramJson.user(creator))
                .put("is_anonymous", false));
        for (FakeUser admin : admins) {
            list.add(TelegramJson.object().put("status", "administrator")
                    .<ObjectNode>set("user", TelegramJson.user(admin)).put("can_be_edited", false)
                    .put("is_anonymous", false));
        }
        synchronized (lock) {
            chats.put(chat.id(), chat);
            administrators.put(chat.id(), list);
        }
    }

    List<ObjectNode> administrators(long chatId) {
        synchronized (lock) {
            return administrators.getOrDefault(chatId, List.of());
        }
    }

    void commands(JsonNode list, String languageCode) {
        List<MenuCommand> menu = new ArrayList<>();
        for (JsonNode command : list) {
            menu.add(new MenuCommand(command.path("command").asText(), command.path("description").asText()));
        }
        synchronized (lock) {
            commands.put(languageCode, List.copyOf(menu));
        }
    }

    List<MenuCommand> commands(String languageCode) {
        synchronized (lock) {
            return commands.getOrDefault(languageCode, List.of());
        }
    }

    void webhook(String url, Optional<String> secret) {
        synchronized (lock) {
            webhookUrl = url;
            webhookSecret = secret;
            lock.notifyAll(); // a waiting getUpdates is now in conflict
        }
    }

    String webhookUrl() {
        synchronized (lock) {
            return webhookUrl;
        }
    }

    Optional<String> webhookSecret() {
        synchronized (lock) {
            return webhookSecret;
        }
    }

    void enqueue(FakeUpdate update) {
        synchronized (lock) {
            updates.addLast(update);
            lock.notifyAll();
        }
    }

    int pendingUpdates() {
        synchronized (lock) {
            return updates.size();
        }
    }

    int waitingPolls() {
        synchronized (lock) {
            return waitingPolls;
        }
    }

    /** Ends every waiting getUpdates, as a newer poll or a close does. */
    void endPolls() {
        synchronized (lock) {
            pollGeneration++;
            lock.notifyAll();
        }
    }
}
