package dev.chorusbot.core;

import java.util.regex.Pattern;

/** The rule for command names; Telegram's menu accepts the same (1–32 of a–z, 0–9, _). */
final class CommandNames {
    static final String RULE = "must be 1 to 32 letters, digits or underscores";
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");

    private CommandNames() {}

    static boolean isValid(String name) {
        return NAME.matcher(name).matches();
    }
}
