package dev.chorusbot.core;

import dev.chorusbot.core.internal.CommandLine;
import dev.chorusbot.core.internal.ReplyRenderer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one event through the middleware chain to its handler (a command, the text handlers or the
 * platform-event handlers) and renders the reply for the adapter. Runs on the calling thread;
 * ordering is the dispatcher's job.
 */
final class HandlerChain {
    private final CommandRouter router;
    private final List<MessageHandler> textHandlers;
    private final Map<String, List<EventHandler>> eventHandlers;
    private final Map<Class<?>, Object> services;
    private final StateStore state;
    private final Clock clock;
    private final BotTexts texts;
    private final Middleware.Chain chain;

    /** The chain of {@code middleware}, ending in the handlers {@code builder} declares. */
    HandlerChain(CommandRouter router, List<Middleware> middleware, Bot.Builder builder) {
        this.router = router;
        this.textHandlers = List.copyOf(builder.textHandlers);
        this.eventHandlers = Map.copyOf(builder.eventHandlers);
        this.services = Map.copyOf(builder.services);
        this.state = builder.state;
        this.clock = builder.scheduler.clock();
        this.texts = builder.texts;
        this.chain = link(middleware);
    }

    /** Handles one event on this thread and renders the answer for {@code adapter}. */
    Handled handle(InboundEvent event, Adapter adapter, Capabilities capabilities) {
        Optional<CommandCall> call = router.recognise(event, adapter, capabilities);
        Invocation invocation = new Invocation(event, call, adapter, state, clock, texts);
        Reply reply;
        try {
            reply = chain.proceed(invocation);
        } catch (StateUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the error middleware let an exception through", e);
        }
        Optional<Chat> chat = event.inChat();
        if (chat.isEmpty() || reply == Reply.none()) {
            return new Handled(event, List.of());
        }
        Optional<String> replyTo = event instanceof Message m ? Optional.of(m.id()) : Optional.empty();
        String prefix = call.map(CommandCall::prefix).orElseGet(() -> router.prefixes(event.platform()).get(0));
        return new Handled(event, ReplyRenderer.render(reply, capabilities, chat.get(), replyTo, prefix));
    }

    private Reply terminal(Invocation invocation) throws Exception {
        InboundEvent event = invocation.event();
        if (invocation.command().isPresent()) {
            return runCommand(invocation, invocation.command().get());
        }
        if (event instanceof Message message) {
            List<Reply> replies = new ArrayList<>(1);
            for (MessageHandler handler : textHandlers) {
                replies.add(handler.handle(message));
            }
            return replies.isEmpty() ? Reply.none() : Reply.of(replies);
        }
        if (event instanceof PlatformEvent platformEvent) {
            List<Reply> replies = new ArrayList<>(1);
            for (String type : new String[] {platformEvent.type(), "*"}) {
                for (EventHandler handler : eventHandlers.getOrDefault(type, List.of())) {
                    replies.add(handler.handle(platformEvent));
                }
            }
            return replies.isEmpty() ? Reply.none() : Reply.of(replies);
        }
        return Reply.none(); // a button whose data names no command
    }

    private Reply runCommand(Invocation invocation, CommandCall call) throws Exception {
        InboundEvent event = invocation.event();
        User sender = invocation.sender().orElseThrow();
        Chat chat = event.inChat().orElseThrow();
        Command command = call.command();
        try {
            Arguments args = CommandLine.parse(command.arguments(), call.rawArguments());
            DefaultCommandContext context =
                    new DefaultCommandContext(invocation, call, sender, chat, args, services);
            Reply returned = command.handler().handle(context);
            return context.combine(returned == null ? Reply.none() : returned);
        } catch (UsageException e) {
            if (!command.cooldown().isZero()) {
                // The command did not run: a mistyped argument must not make the user wait. The
                // cooldown middleware let this invocation through, so the entry is this one's claim.
                invocation.state().remove(BuiltInMiddleware.cooldownKey(event.platform(), command, sender));
            }
            String usage = (call.prefix() + call.invokedName() + ' ' + command.usage()).strip();
            return BuiltInMiddleware.text(BotTexts.fill(texts.usageError(),
                    "reason", e.getMessage(), "usage", usage,
                    "command", call.prefix() + call.invokedName()));
        }
    }

    private Middleware.Chain link(List<Middleware> middleware) {
        Middleware.Chain next = this::terminal;
        for (int i = middleware.size() - 1; i >= 0; i--) {
            Middleware current = middleware.get(i);
            Middleware.Chain rest = next;
            next = invocation -> current.handle(invocation, rest);
        }
        return next;
    }
}
