package dev.chorusbot.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The {@link CommandContext} of one invocation. */
final class DefaultCommandContext implements CommandContext {
    private final Invocation invocation;
    private final CommandCall call;
    private final User sender;
    private final Chat chat;
    private final Arguments args;
    private final Map<Class<?>, Object> services;
    private List<Reply> replies;

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
