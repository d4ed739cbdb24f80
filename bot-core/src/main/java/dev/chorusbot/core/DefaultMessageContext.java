package dev.chorusbot.core;

import java.util.Map;

/** The {@link MessageContext} of one message that is not a command. */
final class DefaultMessageContext extends BaseContext implements MessageContext {
    private final Message message;

    DefaultMessageContext(Invocation invocation, Message message, Map<Class<?>, Object> services, Bot bot) {
        super(invocation, message.sender(), message.chat(), services, bot);
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }
}
