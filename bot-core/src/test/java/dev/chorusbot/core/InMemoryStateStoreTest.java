package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest {
    private final Fixtures.ManualTime clock = new Fixtures.ManualTime();
    private final InMemoryStateStore store = new InMemoryStateStore(clock, 100);

    @Test
    void valuesExpireAfterTheirTtl() {
        store.put("k", "v", Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        assertThat(store.get("k")).contains("v");
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.get("k")).isEmpty();
    }

    @Test
    void entriesWrittenInTheSameMillisecondKeepTheirOwnValuesAndExpiries() {
        store.putIfAbsent("a", "", Duration.ofSeconds(1));
        store.putIfAbsent("b", "", Duration.ofSeconds(2));
        store.putIfAbsent("c", "v", Duration.ofSeconds(1));
        store.putIfAbsent("d", "", Duration.ofSeconds(1));
        store.put("e", "v", Duration.ofSeconds(2));
        assertThat(store.increment("f", 1, Duration.ofSeconds(2))).isEqualTo(1);
        assertThat(store.get("a")).contains("");
        assertThat(store.get("c")).contains("v");
        clock.advance(Duration.ofMillis(1500));
        assertThat(store.get("a")).isEmpty();
        assertThat(store.get("b")).contains("");
        assertThat(store.get("c")).isEmpty();
        assertThat(store.get("d")).isEmpty();
        assertThat(store.get("e")).contains("v");
        assertThat(store.get("f")).contains("1");
    }

    @Test
    void zeroTtlKeepsForever() {
        store.put("k", "v", Duration.ZERO);
        clock.advance(Duration.ofDays(10_000));
        assertThat(store.get("k")).contains("v");
    }

    @Test
    void aTtlBeyondTheMillisecondRangeKeepsTheValueInsteadOfFailing() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE); // toMillis() of this overflows
        store.put("k", "v", huge);
        assertThat(store.putIfAbsent("p", "v", huge)).isTrue();
        assertThat(store.increment("n", 1, huge)).isEqualTo(1);
        clock.advance(Duration.ofDays(10_000));
        assertThat(store.get("k")).contains("v");
        assertThat(store.get("p")).contains("v");
        assertThat(store.get("n")).contains("1");
    }

    @Test
    void putIfAbsentStoresOnlyOnce() {
        assertThat(store.putIfAbsent("k", "a", Duration.ofSeconds(1))).isTrue();
        assertThat(store.putIfAbsent("k", "b", Duration.ofSeconds(1))).isFalse();
        assertThat(store.get("k")).contains("a");
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.putIfAbsent("k", "c", Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void incrementCountsAndKeepsTheFirstExpiry() {
        assertThat(store.increment("n", 1, Duration.ofSeconds(10))).isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        assertThat(store.increment("n", 2, Duration.ofSeconds(10))).isEqualTo(3);
        clock.advance(Duration.ofSeconds(5));
        assertThat(store.increment("n", 1, Duration.ofSeconds(10))).isEqualTo(1);
    }

    @Test
    void incrementRefusesANonNumber() {
        store.put("k", "text", Duration.ZERO);
        assertThatThrownBy(() -> store.increment("k", 1, Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("value under 'k' is not a number");
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i < 1000; i++) {
            store.put("k" + i, "v", Duration.ofHours(1));
        }
        assertThat(store.size()).isEqualTo(100);
        assertThat(store.get("k999")).contains("v");
        assertThat(store.get("k0")).isEmpty();
    }

    @Test
    void expiredEntriesAreSwept() {
        for (int i = 0; i < 50; i++) {
            store.put("old" + i, "v", Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 1024; i++) {
            store.put("new" + (i % 10), "v", Duration.ofHours(1));
        }
        assertThat(store.size()).isEqualTo(10);
    }

    @Test
    void anEntryExpiringBeforeTheOthersIsSweptAlthoughAnEarlierSweepFoundNothingDue() {
        for (int i = 0; i < 20; i++) {
            store.put("long" + i, "v", Duration.ofHours(1));
        }
        for (int i = 0; i < 1024; i++) { // a sweep with nothing due
            store.put("x" + (i % 10), "v", Duration.ofHours(1));
        }
        store.put("short", "v", Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 1024; i++) {
            store.put("y" + (i % 10), "v", Duration.ofHours(1));
        }
        assertThat(store.size()).isEqualTo(40);
    }
}
