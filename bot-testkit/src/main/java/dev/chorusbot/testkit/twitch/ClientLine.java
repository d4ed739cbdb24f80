package dev.chorusbot.testkit.twitch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A minimal reading of a client's line: tags and prefix skipped, command, params with trailing. */
record ClientLine(String command, List<String> params) {
    String param(int index) {
        return index < params.size() ? params.get(index) : "";
    }

    static ClientLine parse(String line) {
        String rest = line;
        if (rest.startsWith("@")) {
            int space = rest.indexOf(' ');
            if (space < 0) {
                return null;
            }
            rest = rest.substring(space + 1).stripLeading();
        }
        if (rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            if (space < 0) {
                return null;
            }
            rest = rest.substring(space + 1).stripLeading();
        }
        List<String> params = new ArrayList<>();
        int space = rest.indexOf(' ');
        String command = (space < 0 ? rest : rest.substring(0, space)).toUpperCase(Locale.ROOT);
        if (command.isEmpty()) {
            return null;
        }
        rest = space < 0 ? "" : rest.substring(space + 1);
        while (!rest.isEmpty()) {
            if (rest.startsWith(":")) {
                params.add(rest.substring(1));
                break;
            }
            int next = rest.indexOf(' ');
            if (next < 0) {
                params.add(rest);
                break;
            }
            params.add(rest.substring(0, next));
            rest = rest.substring(next + 1).stripLeading();
        }
        return new ClientLine(command, params);
    }
}
