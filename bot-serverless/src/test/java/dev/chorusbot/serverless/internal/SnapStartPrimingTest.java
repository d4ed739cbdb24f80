package dev.chorusbot.serverless.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SnapStart hook: registered only for a snapshot, and its priming runs without the bot. */
class SnapStartPrimingTest {

    @Test
    void isNotRegisteredForAnOnDemandInitialisation() {
        assertThat(SnapStartPriming.registerFor(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"))).isFalse();
        assertThat(SnapStartPriming.registerFor(Map.of())).isFalse();
    }

    @Test
    void registersWithTheCracContextForASnapshotAndPrimesBeforeIt() {
        // On a JVM without CRaC the org.crac API keeps the registration and never checkpoints.
        assertThat(SnapStartPriming.registerFor(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"))).isTrue();
        assertThatCode(() -> new SnapStartPriming().beforeCheckpoint(null)).doesNotThrowAnyException();
    }
}
