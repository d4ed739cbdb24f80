package dev.chorusbot.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The middleware every bot runs; see {@link Middleware} for the order. */
final class BuiltInMiddleware {
    private static final Logger log = LoggerFactory.getLogger(Bot.class);
    private static final String SEEN = "chorus:seen:";

    private BuiltInMiddleware() {}

    /**
     * Outermost: a failing handler is logged with the event id and the user gets an apology. A
     * failed assertion and a stack overflow (runaway recursion) are handler bugs like any other;
     * only the JVM's own failures (out of memory, internal errors) are left to propagate.
     */
    static final Middleware ERRORS = (invocation, chain) -> {
        try {
            return chain.proceed(invocation);
        } catch (StateUnavailableException e) {
            // Not the handler's fault and not answered: the bot leaves the event not taken, so the
            // platform delivers it again once the store is back.
            throw e;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            InboundEvent event = invocation.event();
            log.error("Handling {} {} from {} failed", kind(event), event.id(), event.platform(), e);
            String apology = invocation.texts().apology();
            return apology.isEmpty() || event instanceof PlatformEvent ? Reply.none() : Reply.text(apology);
        }
    };

    /** Drops messages the bot sent itself (platforms such as Twitch echo them back). */
    static final Middleware IGNORE_OWN = (invocation, chain) -> {
        Optional<User> self = invocation.adapter().self();
        if (self.isPresent() && !(invocation.event() instanceof PlatformEvent)) {
            User sender = invocation.sender().orElseThrow();
            if (sender.id().equals(self.get().id())
                    || (!sender.login().isEmpty() && sender.login().equalsIgnoreCase(self.get().login()))) {
                return Reply.none();
            }
        }
        return chain.proceed(invocation);
    };

    /** Drops an event whose id was seen within {@code window}: platforms redeliver. */
    static Middleware dedupe(Duration window) {
        return (invocation, chain) -> {
            InboundEvent event = invocation.event();
            String key = seenKey(event);
            if (!invocation.state().putIfAbsent(key, "", window)) {
                log.debug("Dropped redelivered {} {} from {}", kind(event), event.id(), event.platform());
                return Reply.none();
            }
            try {
                return chain.proceed(invocation);
            } catch (StateUnavailableException e) {
                // The event goes back to the platform unanswered: forget it was seen, so that its
                // redelivery is handled. If the store is still away this fails too, and the
                // redelivery is dropped as seen (docs/state.md says so).
                try {
                    invocation.state().remove(key);
                } catch (StateUnavailableException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        };
    }

    /** Refuses commands the sender's roles do not allow; asks the adapter for roles when needed. */
    static final Middleware PERMISSIONS = (invocation, chain) -> {
        Optional<CommandCall> call = invocation.command();
        if (call.isEmpty() || call.get().command().requiredRole() == Role.EVERYONE) {
            return chain.proceed(invocation);
        }
        Role required = call.get().command().requiredRole();
        User sender = invocation.sender().orElseThrow();
        if (sender.hasRole(required)) {
            return chain.proceed(invocation);
        }
        Chat chat = invocation.event().inChat().orElseThrow();
        Set<Role> roles = invocation.adapter().rolesOf(sender, chat);
        User withRoles = sender.withRoles(roles);
        if (withRoles.hasRole(required)) {
            return chain.proceed(invocation.withEvent(withSender(invocation.event(), withRoles)));
        }
        return text(BotTexts.fill(invocation.texts().notAllowed(),
                "command", call.get().prefix() + call.get().invokedName(),
                "role", required.name().toLowerCase(Locale.ROOT),
                "roles", invocation.catalog().text(invocation.locale(), HelpCommand.roleKey(required))));
    };

    /**
     * Makes one user (or one chat, or everyone: {@link Command#cooldownScope()}) wait {@link
     * Command#cooldown()} between two runs of a command.
     */
    static final Middleware COOLDOWNS = (invocation, chain) -> {
        Optional<CommandCall> call = invocation.command();
        if (call.isEmpty() || call.get().command().cooldown().isZero()) {
            return chain.proceed(invocation);
        }
        Command command = call.get().command();
        User sender = invocation.sender().orElseThrow();
        String key = cooldownKey(invocation.event().platform(), command, sender, invocation.event().inChat().orElseThrow());
        long now = invocation.clock().millis();
        // Saturated: toMillis() overflows for a cooldown beyond about 292 million years ("once ever").
        long until = command.cooldown().compareTo(Duration.ofMillis(Long.MAX_VALUE - now)) >= 0
                ? Long.MAX_VALUE
                : now + command.cooldown().toMillis();
        if (invocation.state().putIfAbsent(key, Long.toString(until), command.cooldown())) {
            return chain.proceed(invocation);
        }
        long left = invocation.state().get(key).map(Long::parseLong).orElse(until) - now;
        long seconds = Math.max(1, (left + 999) / 1000);
        return text(BotTexts.fill(invocation.texts().cooldown(),
                "command", call.get().prefix() + call.get().invokedName(),
                "seconds", Long.toString(seconds)));
    };

    /** The state key holding when {@code sender} may run {@code command} again in {@code chat}. */
    static String cooldownKey(Platform platform, Command command, User sender, Chat chat) {
        return switch (command.cooldownScope()) {
            case USER -> "chorus:cooldown:" + platform.id() + ':' + command.name() + ':' + sender.id();
            case CHAT -> "chorus:cooldown:" + platform.id() + ':' + command.name() + ":chat:" + chat.id();
            case BOT -> "chorus:cooldown:" + command.name() + ":bot";
        };
    }

    /**
     * The state key marking {@code event} as seen: {@code chorus:seen:}, its {@linkplain
     * InboundEvent#orderingKey() ordering key} ({@code platform:chat}), then {@code :kind:id}. It is
     * made for every event, so it is written into one buffer of its final size, and the ordering
     * key's two ids go in directly instead of being joined into a string of their own first.
     */
    static String seenKey(InboundEvent event) {
        String platform = event.platform().id();
        String chat = chatId(event);
        String kind = kind(event);
        String id = event.id();
        return new StringBuilder(SEEN.length() + platform.length() + chat.length() + kind.length() + id.length() + 3)
                .append(SEEN).append(platform).append(':').append(chat)
                .append(':').append(kind).append(':').append(id)
                .toString();
    }

    /** The chat id in {@code event}'s ordering key; empty for a platform event without a chat. */
    private static String chatId(InboundEvent event) {
        if (event instanceof Message message) {
            return message.chat().id();
        }
        if (event instanceof ButtonPress press) {
            return press.chat().id();
        }
        return event.inChat().map(Chat::id).orElse("");
    }

    static Reply text(String text) {
        return text.isBlank() ? Reply.none() : Reply.text(text);
    }

    static String kind(InboundEvent event) {
        if (event instanceof Message) {
            return "message";
        }
        if (event instanceof ButtonPress) {
            return "button";
        }
        return ((PlatformEvent) event).type();
    }

    private static InboundEvent withSender(InboundEvent event, User sender) {
        if (event instanceof Message message) {
            return message.withSender(sender);
        }
        ButtonPress press = (ButtonPress) event;
        return new ButtonPress(press.platform(), press.id(), press.chat(), sender, press.data(),
                press.messageId(), press.time(), press.raw());
    }
}
