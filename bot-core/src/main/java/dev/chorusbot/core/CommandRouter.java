package dev.chorusbot.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises the command in an event: the prefix (per platform, longest first), the name or alias,
 * and a {@code /cmd@botname} addressing on platforms that have it. Immutable and thread-safe.
 */
final class CommandRouter {
    private final Map<String, Command> commandsByName; // names and aliases, lower case
    private final Map<Platform, List<String>> prefixesByPlatform; // as declared
    private final List<String> defaultPrefixes; // as declared
    private final Map<Platform, List<String>> matchOrder; // longest first
    private final List<String> defaultMatchOrder;

    CommandRouter(Map<String, Command> commandsByName, Map<Platform, List<String>> prefixesByPlatform,
            List<String> defaultPrefixes) {
        this.commandsByName = Map.copyOf(commandsByName);
        this.prefixesByPlatform = Map.copyOf(prefixesByPlatform);
        this.defaultPrefixes = List.copyOf(defaultPrefixes);
        Map<Platform, List<String>> sorted = new java.util.HashMap<>();
        prefixesByPlatform.forEach((platform, list) -> sorted.put(platform, longestFirst(list)));
        this.matchOrder = Map.copyOf(sorted);
        this.defaultMatchOrder = longestFirst(defaultPrefixes);
    }

    /** The prefixes for {@code platform}, as declared; the first is shown in buttons written as text. */
    List<String> prefixes(Platform platform) {
        return prefixesByPlatform.getOrDefault(platform, defaultPrefixes);
    }

    /** The prefix users of {@code adapter} are shown: the platform's own, else the first declared. */
    String shownPrefix(Platform platform, Adapter adapter) {
        Optional<String> own = adapter.commandPrefix();
        return own.isPresent() ? own.get() : prefixes(platform).get(0);
    }

    private List<String> matchOrder(Platform platform) {
        return matchOrder.getOrDefault(platform, defaultMatchOrder);
    }

    /** The command {@code event} calls, if any: a message's text or a button's data. */
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
        // A platform that marks commands itself (Discord's slash commands) has one prefix, its own.
        Optional<String> own = adapter.commandPrefix();
        String prefix = null;
        if (own.isPresent()) {
            prefix = text.startsWith(own.get()) ? own.get() : null;
        } else {
            for (String candidate : matchOrder(platform)) {
                if (text.startsWith(candidate)) {
                    prefix = candidate;
                    break;
                }
            }
        }
        int start;
        if (prefix != null) {
            start = prefix.length();
        } else if (button) {
            prefix = shownPrefix(platform, adapter); // button data carries no prefix
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
            // An empty login is not known yet (Telegram learns it from getMe): then it cannot tell.
            if (self.isPresent() && !self.get().login().isEmpty() && !addressee.equalsIgnoreCase(self.get().login())) {
                return Optional.empty(); // a command for another bot in the same group
            }
            name = name.substring(0, at);
        }
        // The names are kept in lower case, so a name typed in lower case (nearly every one) is
        // found as it is, without lower-casing it again first.
        String lowerName = name;
        Command command = commandsByName.get(name);
        if (command == null) {
            lowerName = name.toLowerCase(Locale.ROOT);
            command = lowerName.equals(name) ? null : commandsByName.get(lowerName);
            if (command == null) {
                return Optional.empty();
            }
        }
        String rest = end == text.length() ? "" : text.substring(end).strip();
        return Optional.of(new CommandCall(command, lowerName, prefix, rest));
    }

    static List<String> longestFirst(List<String> prefixes) {
        List<String> sorted = new ArrayList<>(prefixes);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }
}
