package dev.chorusbot.discord.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Nonces for new messages: a random prefix for this process and a counter, at most 25 characters
 * (Create Message: "nonce … up to 25 characters"). With {@code enforce_nonce}, Discord returns the
 * message it already created for a nonce instead of creating another, so a retry after a lost
 * answer never doubles a message.
 */
final class Nonces {
    private static final String PREFIX = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
    private static final AtomicLong COUNT = new AtomicLong();

    private Nonces() {}

    static String next() {
        return PREFIX + "-" + Long.toString(COUNT.incrementAndGet(), 36);
    }
}
