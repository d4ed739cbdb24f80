package dev.chorusbot.core;

import dev.chorusbot.core.internal.CommandLine;
import dev.chorusbot.core.internal.ReplyRenderer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private final TextCatalog catalog;
    private final Middleware.Chain chain;
    private final ButtonData buttonData;
    private final Bot bot;

    /**
     * The chain of {@code middleware}, ending in the handlers {@code builder} declares; {@code bot}
     * is what handlers reach through their context (its outbox), used only once events flow.
     */
    HandlerChain(CommandRouter router, List<Middleware> middleware, Bot.Builder builder, Bot bot) {
        this.router = router;
        this.textHandlers = List.copyOf(builder.textHandlers);
        this.eventHandlers = Map.copyOf(builder.eventHandlers);
        this.services = Map.copyOf(builder.services);
        this.state = builder.state;
        this.clock = builder.scheduler.clock();
        this.catalog = builder.catalog();
        this.chain = link(middleware);
        this.buttonData = new ButtonData(state, builder.buttonDataTtl);
        this.bot = bot;
    }

    /** Handles one event on this thread and renders the answer for {@code adapter}. */
    Handled handle(InboundEvent event, Adapter adapter, Capabilities capabilities) {
        if (event instanceof ButtonPress press && ButtonData.isToken(press.data())) {
            Optional<String> data = buttonData.resolve(press.data());
            if (data.isEmpty()) {
                // Its data outlived the store's TTL (or the store was emptied): nothing to run.
                Invocation expired = new Invocation(event, Optional.empty(), adapter, state, clock, catalog);
                return new Handled(event, List.of(),
                        Optional.of(new Reply.Notice(catalog.text(expired.locale(), "button.expired"), false)));
            }
            return handleResolved(new ButtonPress(press.platform(), press.id(), press.chat(), press.sender(),
                    data.get(), press.messageId(), press.time(), press.raw()), adapter, capabilities);
        }
        return handleResolved(event, adapter, capabilities);
    }

    private Handled handleResolved(InboundEvent event, Adapter adapter, Capabilities capabilities) {
        Optional<CommandCall> call = router.recognise(event, adapter, capabilities);
        Invocation invocation = new Invocation(event, call, adapter, state, clock, catalog);
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
        String prefix = call.isPresent() ? call.get().prefix() : router.shownPrefix(event.platform(), adapter);
        if (capabilities.maxButtonData() > 0) {
            reply = buttonData.shorten(reply, capabilities.maxButtonData());
        }
        if (event instanceof ButtonPress press) {
            return new Handled(event, ReplyRenderer.render(reply, capabilities, chat.get(), replyTo, prefix,
                    press.messageId()), notice(reply));
        }
        return new Handled(event, ReplyRenderer.render(reply, capabilities, chat.get(), replyTo, prefix));
    }

    /** The last notice among the reply's parts: what answers the press. */
    private static Optional<Reply.Notice> notice(Reply reply) {
        Reply.Notice notice = null;
        for (Reply.Single part : reply.parts()) {
            if (part instanceof Reply.Notice n) {
                notice = n;
            }
        }
        return Optional.ofNullable(notice);
    }

    /**
     * {@code reply} rendered for a message the bot sends on its own to {@code chat}, not threaded;
     * button data past the platform's limit is kept in the store, as for replies.
     */
    List<Outbound> render(Reply reply, Adapter adapter, Capabilities capabilities, Chat chat) {
        Reply shortened = capabilities.maxButtonData() > 0 ? buttonData.shorten(reply, capabilities.maxButtonData())
                : reply;
        return ReplyRenderer.render(shortened, capabilities, chat, Optional.empty(),
                router.shownPrefix(adapter.platform(), adapter));
    }

    private Reply terminal(Invocation invocation) throws Exception {
        InboundEvent event = invocation.event();
        if (invocation.command().isPresent()) {
            return runCommand(invocation, invocation.command().get());
        }
        if (event instanceof Message message) {
            return runTextHandlers(invocation, message);
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

    private Reply runTextHandlers(Invocation invocation, Message message) throws Exception {
        if (!bot.conversations().isEmpty()) {
            Optional<Conversations.Answer> answer = bot.conversations().claim(invocation.state(), message);
            if (answer.isPresent()) {
                DefaultMessageContext context = new DefaultMessageContext(invocation, message, services, bot);
                Reply returned = answer.get().handler().answer(context, answer.get().data());
                return context.combine(returned == null ? Reply.none() : returned);
            }
        }
        if (textHandlers.isEmpty()) {
            return Reply.none();
        }
        DefaultMessageContext context = new DefaultMessageContext(invocation, message, services, bot);
        for (MessageHandler handler : textHandlers) {
            Reply returned = handler.handle(context);
            context.reply(returned == null ? Reply.none() : returned);
        }
        return context.combine(Reply.none());
    }

    private Reply runCommand(Invocation invocation, CommandCall call) throws Exception {
        InboundEvent event = invocation.event();
        User sender = invocation.sender().orElseThrow();
        Chat chat = event.inChat().orElseThrow();
        Command command = call.command();
        try {
            Arguments args = CommandLine.parse(command.arguments(), call.rawArguments());
            DefaultCommandContext context =
                    new DefaultCommandContext(invocation, call, sender, chat, args, services, bot);
            Reply returned = command.handler().handle(context);
            return context.combine(returned == null ? Reply.none() : returned);
        } catch (UsageException e) {
            if (!command.cooldown().isZero()) {
                // The command did not run: a mistyped argument must not make the user wait. The
                // cooldown middleware let this invocation through, so the entry is this one's claim.
                invocation.state().remove(BuiltInMiddleware.cooldownKey(event.platform(), command, sender, chat));
            }
            // The invocation's language, not the bot's default: a German user reads German.
            Locale locale = invocation.locale();
            String usage = (call.prefix() + call.invokedName() + ' ' + command.usage()).strip();
            return BuiltInMiddleware.text(BotTexts.fill(catalog.botTexts(locale).usageError(),
                    "reason", e.reason(catalog, locale), "usage", usage,
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
