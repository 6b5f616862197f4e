package dev.tern.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import org.junit.jupiter.api.Test;

/**
 * The gauge reads the last collection's figures again only when another collection ran since:
 * this test makes collections happen ({@code System.gc()}, which the test JVM honours) and checks
 * that each is seen, so the kept figure never goes stale. (What keeping it saves, CPU on the
 * overload monitor's thread, was measured by hand: docs/benchmarks.md, "Results".)
 */
class JvmHeapGaugeTest {

    private static final int RETAINED_BYTES = 96 * 1024 * 1024;

    @Test
    void theLiveHeapRisesAndFallsWithWhatTheCollectionsBeforeEachReadingLeftAlive() {
        JvmHeapGauge gauge = new JvmHeapGauge();
        System.gc();
        double before = gauge.liveFraction();

        byte[] retained = new byte[RETAINED_BYTES];
        System.gc();
        double holding = gauge.liveFraction();

        // Alive until the reading above is taken, whatever the JIT makes of the local.
        Reference.reachabilityFence(retained);
        retained = null;
        System.gc();
        double after = gauge.liveFraction();

        double retainedFraction = (double) RETAINED_BYTES / Runtime.getRuntime().maxMemory();
        assertThat(holding - before).isGreaterThan(retainedFraction / 2);
        assertThat(holding - after).isGreaterThan(retainedFraction / 2);
    }
}
