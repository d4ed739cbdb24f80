package dev.chorusbot.twitch.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every line read and written at debug level, with the OAuth token of PASS masked. */
final class TrafficLog {
    private static final Logger log = LoggerFactory.getLogger("dev.chorusbot.twitch.traffic");

    private TrafficLog() {}

    static void received(String line) {
        if (log.isDebugEnabled()) {
            log.debug("< {}", line);
        }
    }

    static void sent(String line) {
        if (log.isDebugEnabled()) {
            log.debug("> {}", masked(line));
        }
    }

    /** {@code PASS oauth:abc} becomes {@code PASS oauth:***}; other lines are unchanged. */
    static String masked(String line) {
        return line.regionMatches(true, 0, "PASS ", 0, 5) ? "PASS oauth:***" : line;
    }
}
