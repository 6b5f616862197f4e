package dev.tern.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerProbeTest {

    private static final long SELF = ProcessHandle.current().pid();
    private static final long TICKS = BrokerProbe.clockTicks();

    @Test
    void aBrokerOfTwoProcessesReadsAsTheSumOfBoth() {
        long one = new BrokerProbe(SELF, TICKS).peakRssKb();
        // The same process twice: its peak only grows, so the sum is at least twice the first reading.
        long both = new BrokerProbe(List.of(SELF, SELF), TICKS).peakRssKb();

        assertThat(one).isPositive();
        assertThat(both).isGreaterThanOrEqualTo(2 * one);
        assertThat(new BrokerProbe(List.of(SELF, SELF), TICKS).cpuSeconds()).isPositive();
    }

    @Test
    void aProcessThatCannotBeReadMakesTheWholeReadingUnavailable() {
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1_000_000;
        BrokerProbe probe = new BrokerProbe(List.of(SELF, gone), TICKS);

        assertThat(probe.cpuSeconds()).isEqualTo(-1);
        assertThat(probe.peakRssKb()).isEqualTo(-1);
    }

    @Test
    void withoutAPidNothingIsMeasured() {
        BrokerProbe probe = new BrokerProbe(0, TICKS);

        assertThat(probe.attached()).isFalse();
        assertThat(probe.cpuSeconds()).isEqualTo(-1);
    }
}
