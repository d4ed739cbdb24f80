package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The parts of a {@link HandlerContext} every handler shares. It holds only references to the
 * invocation and to bot-wide parts, so making one per event allocates nothing else; the replies
 * list is made on the first {@link #reply(Reply)}.
 */
abstract class BaseContext implements HandlerContext {
    private final Invocation invocation;
    private final User sender;
    private final Chat chat;
    private final Map<Class<?>, Object> services;
    private final Bot bot;
    private List<Reply> replies;
    private Set<Role> roles; // looked up on first use
    private Locale locale; // resolved on first use: !hello never pays for it

    BaseContext(Invocation invocation, User sender, Chat chat, Map<Class<?>, Object> services, Bot bot) {
        this.invocation = invocation;
        this.sender = sender;
        this.chat = chat;
        this.services = services;
        this.bot = bot;
    }

    final Invocation invocation() {
        return invocation;
    }

    final Bot bot() {
        return bot;
    }

    @Override
    public InboundEvent event() {
        return invocation.event();
    }

    @Override
    public Platform platform() {
        return invocation.event().platform();
    }

    @Override
    public User sender() {
        return sender;
    }

    @Override
    public Chat chat() {
        return chat;
    }

    @Override
    public Set<Role> roles() {
        if (roles == null) {
            roles = Set.copyOf(invocation.adapter().rolesOf(sender, chat));
            if (!roles.contains(Role.EVERYONE)) {
                roles = sender.withRoles(roles).roles();
            }
        }
        return roles;
    }

    @Override
    public Locale locale() {
        if (locale == null) {
            locale = invocation.locale();
        }
        return locale;
    }

    @Override
    public String text(String key, Object... args) {
        return invocation.catalog().text(locale(), key, args);
    }

    @Override
    public void setChatLocale(Locale chosen) {
        invocation.state().put(Invocation.chatLocaleKey(platform(), chat), chosen.toLanguageTag(), Duration.ZERO);
        if (sender.locale().isEmpty()) {
            locale = chosen;
        }
    }

    @Override
    public CompletableFuture<byte[]> download(Attachment attachment, long maxBytes) {
        return invocation.adapter().download(attachment, maxBytes);
    }

    /** The capabilities of the platform the event came from. */
    Capabilities capabilities() {
        return invocation.adapter().capabilities();
    }

    @Override
    public StateStore state() {
        return invocation.state();
    }

    @Override
    public Clock clock() {
        return invocation.clock();
    }

    @Override
    public <T> T service(Class<T> type) {
        return lookUp(services, type);
    }

    /** The service of {@code type} among the bot's, for every context that hands services out. */
    static <T> T lookUp(Map<Class<?>, Object> services, Class<T> type) {
        Object service = services.get(type);
        if (service == null) {
            throw new NoSuchElementException("no service of type " + type.getName()
                    + " was registered; add it with Bot.builder().service(...)");
        }
        return type.cast(service);
    }

    @Override
    public Outbox outbox() {
        return bot;
    }

    @Override
    public Jobs jobs() {
        return bot.jobRunner().bound(platform(), chat);
    }

    @Override
    public Reply ask(Reply question, String step, Duration timeout, String data) {
        return bot.conversations().ask(state(), platform(), chat, sender, notNull(question, "question"),
                notNull(step, "step"), notNull(timeout, "timeout"), notNull(data, "data"));
    }

    @Override
    public boolean endConversation() {
        return bot.conversations().end(state(), platform(), chat, sender);
    }

    @Override
    public void reply(Reply reply) {
        if (replies == null) {
            replies = new ArrayList<>(2);
        }
        replies.add(reply);
    }

    /** The replies added with {@link #reply(Reply)}, then {@code returned}. */
    Reply combine(Reply returned) {
        if (replies == null) {
            return returned;
        }
        replies.add(returned);
        return Reply.of(replies);
    }
}
