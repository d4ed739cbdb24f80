package dev.chorusbot.core;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@link CommandContext} of one invocation. */
final class DefaultCommandContext extends BaseContext implements CommandContext {
    private final CommandCall call;
    private final Arguments args;

    DefaultCommandContext(Invocation invocation, CommandCall call, User sender, Chat chat, Arguments args,
            Map<Class<?>, Object> services, Bot bot) {
        super(invocation, sender, chat, services, bot);
        this.call = call;
        this.args = args;
    }

    @Override
    public Optional<Message> message() {
        return invocation().event() instanceof Message m ? Optional.of(m) : Optional.empty();
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
}
