package dev.chorusbot.core;

import dev.chorusbot.core.internal.CommandLine;
import dev.chorusbot.core.internal.ReplyRenderer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises the command in an event, runs the middleware chain and the handler, and renders the
 * reply for the adapter. Runs on the calling thread; ordering is the dispatcher's job.
 */
final class Pipeline {
    private final Map<String, Command> commandsByName; // names and aliases, lower case
    private final Map<Platform, List<String>> prefixesByPlatform; // as declared
    private final List<String> defaultPrefixes; // as declared
    private final Map<Platform, List<String>> matchOrder; // longest first
    private final List<String> defaultMatchOrder;
    private final List<MessageHandler> textHandlers;
    private final Map<String, List<EventHandler>> eventHandlers;
    private final Map<Class<?>, Object> services;
    private final StateStore state;
    private final Clock clock;
    private final BotTexts texts;
    private final Middleware.Chain chain;

    Pipeline(Map<String, Command> commandsByName, Map<Platform, List<String>> prefixesByPlatform,
            List<String> defaultPrefixes, List<MessageHandler> textHandlers,
            Map<String, List<EventHandler>> eventHandlers, Map<Class<?>, Object> services,
            List<Middleware> middleware, StateStore state, Clock clock, BotTexts texts) {
        this.commandsByName = Map.copyOf(commandsByName);
        this.prefixesByPlatform = Map.copyOf(prefixesByPlatform);
        this.defaultPrefixes = List.copyOf(defaultPrefixes);
        Map<Platform, List<String>> sorted = new java.util.HashMap<>();
        prefixesByPlatform.forEach((platform, list) -> sorted.put(platform, longestFirst(list)));
        this.matchOrder = Map.copyOf(sorted);
        this.defaultMatchOrder = longestFirst(defaultPrefixes);
        this.textHandlers = List.copyOf(textHandlers);
        this.eventHandlers = Map.copyOf(eventHandlers);
        this.services = Map.copyOf(services);
        this.state = state;
        this.clock = clock;
        this.texts = texts;
        this.chain = link(middleware);
    }

    /** Handles one event on this thread and renders the answer for {@code adapter}. */
    Handled handle(InboundEvent event, Adapter adapter, Capabilities capabilities) {
        Optional<CommandCall> call = recognise(event, adapter, capabilities);
        Invocation invocation = new Invocation(event, call, adapter, state, clock, texts);
        Reply reply;
        try {
            reply = chain.proceed(invocation);
        } catch (Exception e) {
            throw new IllegalStateException("the error middleware let an exception through", e);
        }
        Optional<Chat> chat = event.inChat();
        if (chat.isEmpty() || reply == Reply.none()) {
            return new Handled(event, List.of());
        }
        Optional<String> replyTo = event instanceof Message m ? Optional.of(m.id()) : Optional.empty();
        String prefix = call.map(CommandCall::prefix).orElseGet(() -> prefixes(event.platform()).get(0));
        return new Handled(event, ReplyRenderer.render(reply, capabilities, chat.get(), replyTo, prefix));
    }

    /** The prefixes for {@code platform}, as declared; the first is shown in buttons written as text. */
    List<String> prefixes(Platform platform) {
        return prefixesByPlatform.getOrDefault(platform, defaultPrefixes);
    }

    private List<String> matchOrder(Platform platform) {
        return matchOrder.getOrDefault(platform, defaultMatchOrder);
    }

    Optional<CommandCall> recognise(InboundEvent event, Adapter adapter, Capabilities capabilities) {
        if (event instanceof Message message) {
            if (!adapter.mayBeCommand(message)) {
                return Optional.empty();
            }
            return recogniseText(message.text(), event.platform(), adapter, capabilities, false);
        }
        if (event instanceof ButtonPress press) {
            return recogniseText(press.data(), event.platform(), adapter, capabilities, true);
        }
        return Optional.empty();
    }

    private Optional<CommandCall> recogniseText(
            String text, Platform platform, Adapter adapter, Capabilities capabilities, boolean button) {
        String prefix = null;
        for (String candidate : matchOrder(platform)) {
            if (text.startsWith(candidate)) {
                prefix = candidate;
                break;
            }
        }
        int start;
        if (prefix != null) {
            start = prefix.length();
        } else if (button) {
            prefix = prefixes(platform).get(0); // button data carries no prefix
            start = 0;
        } else {
            return Optional.empty();
        }
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        if (end == start) {
            return Optional.empty();
        }
        String name = text.substring(start, end);
        int at = name.indexOf('@');
        if (at >= 0 && capabilities.addressing()) {
            String addressee = name.substring(at + 1);
            Optional<User> self = adapter.self();
            if (self.isPresent() && !addressee.equalsIgnoreCase(self.get().login())) {
                return Optional.empty(); // a command for another bot in the same group
            }
            name = name.substring(0, at);
        }
        String lowerName = name.toLowerCase(Locale.ROOT);
        Command command = commandsByName.get(lowerName);
        if (command == null) {
            return Optional.empty();
        }
        String rest = end == text.length() ? "" : text.substring(end).strip();
        return Optional.of(new CommandCall(command, lowerName, prefix, rest));
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

    static List<String> longestFirst(List<String> prefixes) {
        List<String> sorted = new ArrayList<>(prefixes);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }
}
