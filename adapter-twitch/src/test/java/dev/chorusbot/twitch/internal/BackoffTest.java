package dev.chorusbot.twitch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheCapWithJitterBetweenHalfAndAllOfEachStep() {
        Backoff highest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999_999);
        Backoff lowest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);

        long[] high = new long[9];
        long[] low = new long[9];
        for (int i = 0; i < 9; i++) {
            high[i] = highest.nextDelayMillis();
            low[i] = lowest.nextDelayMillis();
        }

        assertThat(high).containsExactly(999, 1999, 3999, 7999, 15999, 31999, 59999, 59999, 59999);
        assertThat(low).containsExactly(500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000);
    }

    @Test
    void startsOverAfterALogin() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0);
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();

        backoff.reset();

        assertThat(backoff.nextDelayMillis()).isEqualTo(50);
    }
}
