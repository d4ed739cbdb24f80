package dev.chorusbot.twitch.internal;

import dev.chorusbot.core.Chat;
import dev.chorusbot.core.InboundEvent;
import dev.chorusbot.core.Message;
import dev.chorusbot.core.Platform;
import dev.chorusbot.core.PlatformEvent;
import dev.chorusbot.core.Role;
import dev.chorusbot.core.User;
import dev.chorusbot.twitch.IrcMessage;
import dev.chorusbot.twitch.IrcTags;
import dev.chorusbot.twitch.TwitchMessage;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns Twitch IRC lines into the neutral model: PRIVMSG to a channel becomes a {@link Message}, the
 * Twitch commands a bot may want to react to become {@link PlatformEvent}s named after the command.
 * Tags are read as Twitch documents them (https://dev.twitch.tv/docs/irc/tags/).
 */
final class EventMapper {
    /** Commands passed to handlers as platform events (https://dev.twitch.tv/docs/irc/commands/). */
    static final Set<String> EVENT_COMMANDS =
            Set.of("USERNOTICE", "CLEARCHAT", "CLEARMSG", "ROOMSTATE", "USERSTATE", "NOTICE", "WHISPER");

    private final Platform platform;
    private final AtomicLong syntheticIds = new AtomicLong();

    EventMapper(Platform platform) {
        this.platform = platform;
    }

    /** The event for {@code line}, or empty when the line is protocol traffic for the session. */
    Optional<InboundEvent> map(IrcMessage line, Instant now) {
        if (line.command().equals("PRIVMSG") && line.param(0).startsWith("#") && line.params().size() >= 2) {
            return Optional.of(message(TwitchMessage.from(line), now));
        }
        if (EVENT_COMMANDS.contains(line.command())) {
            return Optional.of(event(line));
        }
        return Optional.empty();
    }

    private Message message(TwitchMessage m, Instant now) {
        Chat chat = channel(m.channel());
        Set<Role> roles = roles(m.badges(), m.irc().tags(), m.login(), m.channel());
        User sender = new User(m.userId().isEmpty() ? m.login() : m.userId(), m.login(), m.displayName(), roles);
        String id = m.id().isEmpty() ? "twitch-" + syntheticIds.incrementAndGet() : m.id();
        String text = m.replyParent()
                .map(parent -> ReplyMention.strip(m.text(), parent.displayName(), parent.userLogin()))
                .orElse(m.text());
        return new Message(platform, id, chat, sender, text, m.sentAt().orElse(now),
                m.replyParent().map(TwitchMessage.ReplyParent::msgId), m);
    }

    private PlatformEvent event(IrcMessage line) {
        IrcTags tags = line.tags();
        String command = line.command();
        Optional<Chat> chat = line.param(0).startsWith("#")
                ? Optional.of(channel(line.param(0).substring(1).toLowerCase(Locale.ROOT)))
                : Optional.empty();
        Optional<User> sender = Optional.empty();
        switch (command) {
            case "USERNOTICE" -> {
                String login = tags.getOrDefault("login", line.nick()).toLowerCase(Locale.ROOT);
                String channel = chat.map(Chat::id).orElse("");
                sender = Optional.of(new User(tags.getOrDefault("user-id", login), login,
                        tags.getOrDefault("display-name", login).strip(),
                        roles(TwitchMessage.badges(tags), tags, login, channel)));
            }
            case "WHISPER" -> {
                String login = line.nick().toLowerCase(Locale.ROOT);
                User from = new User(tags.getOrDefault("user-id", login), login,
                        tags.getOrDefault("display-name", login).strip(), Set.of());
                sender = Optional.of(from);
                chat = Optional.of(Chat.of(login, Chat.Kind.PRIVATE, from.displayName()));
            }
            case "CLEARCHAT" -> {
                if (line.params().size() >= 2) {
                    String login = line.trailing().toLowerCase(Locale.ROOT);
                    sender = Optional.of(User.of(tags.getOrDefault("target-user-id", login), login, login));
                }
            }
            case "CLEARMSG" -> {
                String login = tags.getOrDefault("login", "").toLowerCase(Locale.ROOT);
                if (!login.isEmpty()) {
                    sender = Optional.of(User.of(login, login, login));
                }
            }
            default -> { }
        }
        String id = tags.getOrDefault("id", "twitch-" + syntheticIds.incrementAndGet());
        return new PlatformEvent(platform, command, id, chat, sender, line);
    }

    static Chat channel(String login) {
        return TwitchNeutral.channel(login);
    }

    /**
     * Neutral roles from Twitch badges: broadcaster owns the channel, moderator and vip carry over,
     * subscriber and founder (a first subscriber) are subscribers. The {@code mod} tag and a sender
     * whose login is the channel's name count too, for lines whose badges are missing.
     */
    static Set<Role> roles(Map<String, String> badges, IrcTags tags, String login, String channel) {
        // IRC also carries the mod and subscriber flags as tags of their own.
        return TwitchNeutral.roles(badge -> badges.containsKey(badge)
                        || (badge.equals("moderator") && tags.getOrDefault("mod", "0").equals("1"))
                        || (badge.equals("subscriber") && tags.getOrDefault("subscriber", "0").equals("1")),
                !channel.isEmpty() && login.equals(channel));
    }
}
