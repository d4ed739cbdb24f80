package dev.chorusbot.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact table of chats' last sends: lookups, replacement, removal, expiry. */
class LastSendsTest {

    @Test
    void remembersASendForItsWindowOnly() {
        LastSends sends = new LastSends(1_000);

        sends.put(-1001234567890L, 5_000);

        assertThat(sends.has(-1001234567890L, 5_999)).isTrue();
        assertThat(sends.time(-1001234567890L)).isEqualTo(5_000);
        assertThat(sends.has(-1001234567890L, 6_000)).isFalse();
        assertThat(sends.has(42, 5_000)).isFalse();
    }

    @Test
    void dropsExpiredChatsWhenItFillsUpInsteadOfGrowing() {
        LastSends sends = new LastSends(1_000);

        for (long i = 0; i < 100_000; i++) {
            sends.put(1_000_000 + i, i / 10); // ten chats a millisecond... one window holds 10,000
        }

        assertThat(sends.size()).isLessThanOrEqualTo(3 * 10_001); // expired ones are dropped as it fills
        for (long i = 90_001; i < 100_000; i++) {
            assertThat(sends.has(1_000_000 + i, 9_999)).isTrue();
        }
    }

    @Test
    void agreesWithAMapThroughRandomPutsAndRemovals() {
        // Removal shifts later entries of a probe run back; a wrong shift loses chats or finds stale ones.
        LastSends sends = new LastSends(Long.MAX_VALUE / 4);
        Map<Long, Long> expected = new HashMap<>();
        Random random = new Random(13);
        for (int step = 0; step < 200_000; step++) {
            long chat = random.nextInt(3_000) - 1_500L; // few keys: long probe runs, many collisions
            if (random.nextInt(3) == 0) {
                sends.remove(chat);
                expected.remove(chat);
            } else {
                sends.put(chat, step);
                expected.put(chat, (long) step);
            }
        }

        assertThat(sends.size()).isEqualTo(expected.size());
        for (long chat = -1_500; chat < 1_500; chat++) {
            assertThat(sends.has(chat, 0)).as("chat %d", chat).isEqualTo(expected.containsKey(chat));
            if (expected.containsKey(chat)) {
                assertThat(sends.time(chat)).isEqualTo(expected.get(chat));
            }
        }
    }

    @Test
    void shrinksOnASweepOnceTheWindowHasPassedWithoutFillingUp() {
        LastSends sends = new LastSends(60_000);
        for (long i = 0; i < 50_000; i++) {
            sends.put(-1_000_000_000L - i, 1_000);
        }
        int grown = sends.capacity();

        sends.sweep(30_000); // within the window of the last rebuild: nothing to do yet
        assertThat(sends.capacity()).isEqualTo(grown);
        sends.sweep(61_000); // every send has expired

        assertThat(sends.size()).isZero();
        assertThat(sends.capacity()).isLessThan(grown / 100);
    }
}
