package dev.chorusbot.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/** The {@link CommandContext} of one invocation. */
final class DefaultCommandContext implements CommandContext {
    private final Invocation invocation;
    private final CommandCall call;
    private final User sender;
    private final Chat chat;
    private final Arguments args;
    private final Map<Class<?>, Object> services;
    private List<Reply> replies;
    private Set<Role> roles; // looked up on first use
    private Locale locale; // resolved on first use: !hello never pays for it

    DefaultCommandContext(Invocation invocation, CommandCall call, User sender, Chat chat, Arguments args,
            Map<Class<?>, Object> services) {
        this.invocation = invocation;
        this.call = call;
        this.sender = sender;
        this.chat = chat;
        this.args = args;
        this.services = services;
    }

    @Override
    public InboundEvent event() {
        return invocation.event();
    }

    @Override
    public Optional<Message> message() {
        return invocation.event() instanceof Message m ? Optional.of(m) : Optional.empty();
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
    public java.util.concurrent.CompletableFuture<byte[]> download(Attachment attachment, long maxBytes) {
        return invocation.adapter().download(attachment, maxBytes);
    }

    /** The capabilities of the platform the command came from. */
    Capabilities capabilities() {
        return invocation.adapter().capabilities();
    }

    @Override
    public Chat chat() {
        return chat;
    }

    @Override
    public Command command() {
        return call.command();
    }

    @Override
    public String invokedName() {
        return call.invokedName();
    }

    @Override
    public String prefix() {
        return call.prefix();
    }

    @Override
    public Arguments args() {
        return args;
    }

    @Override
    public String rawArguments() {
        return call.rawArguments();
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
        Object service = services.get(type);
        if (service == null) {
            throw new NoSuchElementException("no service of type " + type.getName()
                    + " was registered; add it with Bot.builder().service(...)");
        }
        return type.cast(service);
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
