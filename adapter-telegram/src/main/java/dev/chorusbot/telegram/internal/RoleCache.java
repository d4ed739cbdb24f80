package dev.chorusbot.telegram.internal;

import dev.chorusbot.core.Chat;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import dev.chorusbot.core.time.Scheduler;
import dev.chorusbot.telegram.TelegramBotApi;
import dev.chorusbot.telegram.TelegramChatMember;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Roles in Telegram chats: the user of a private chat owns it; in groups the creator is the owner
 * and administrators are moderators. A group's administrators are fetched with
 * getChatAdministrators only when a command needs a role, and cached for a while.
 */
public final class RoleCache {
    private static final Logger log = LoggerFactory.getLogger(RoleCache.class);

    private final TelegramBotApi api;
    private final Scheduler clock;
    private final long ttl;
    private final Duration timeout;
    private final Map<String, Entry> byChat = new ConcurrentHashMap<>();
    private volatile int sweepAt = 64; // cache size at which a lookup drops expired entries

    private record Entry(long expires, Map<String, Role> roles) {}

    /** A cache asking {@code api}, keeping answers for {@code ttl}. */
    public RoleCache(TelegramBotApi api, Scheduler clock, Duration ttl, Duration timeout) {
        this.api = api;
        this.clock = clock;
        this.ttl = ttl.toMillis();
        this.timeout = timeout;
    }

    /** Groups whose administrators are cached (some perhaps expired). */
    public int cachedChats() {
        return byChat.size();
    }

    /** The roles of {@code user} in {@code chat}; on a failed lookup, the roles it already has. */
    public Set<Role> rolesOf(User user, Chat chat) {
        EnumSet<Role> roles = EnumSet.copyOf(user.roles());
        if (chat.kind() == Chat.Kind.PRIVATE) {
            if (chat.id().equals(user.id())) {
                roles.add(Role.OWNER);
            }
            return roles;
        }
        long now = clock.nanoTime() / 1_000_000L;
        Entry entry = byChat.get(chat.id());
        if (entry == null || entry.expires() <= now) {
            try {
                List<TelegramChatMember> admins = api.getChatAdministrators(Long.parseLong(chat.id()))
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                Map<String, Role> map = new HashMap<>();
                for (TelegramChatMember admin : admins) {
                    if (admin.status().equals("creator")) {
                        map.put(Long.toString(admin.user().id()), Role.OWNER);
                    } else if (admin.status().equals("administrator")) {
                        map.put(Long.toString(admin.user().id()), Role.MODERATOR);
                    }
                }
                entry = new Entry(now + ttl, Map.copyOf(map));
                if (byChat.size() >= sweepAt) {
                    // Expired entries are otherwise only replaced when their group asks again: drop
                    // them, or the cache keeps every group the bot ever looked up. Doubling the
                    // threshold keeps the sweeps' cost constant per lookup on average.
                    byChat.values().removeIf(e -> e.expires() <= now);
                    sweepAt = Math.max(64, byChat.size() * 2);
                }
                byChat.put(chat.id(), entry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return roles;
            } catch (Exception e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                log.warn("Could not look up the administrators of Telegram chat {}: {}", chat.id(), cause.getMessage());
                return roles;
            }
        }
        Role role = entry.roles().get(user.id());
        if (role != null) {
            roles.add(role);
        }
        return roles;
    }
}
