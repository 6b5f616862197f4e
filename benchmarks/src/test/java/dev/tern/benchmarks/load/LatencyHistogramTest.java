package dev.tern.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreExactBelowTwoMilliseconds() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 1000; micros++) {
            histogram.record(micros);
        }

        assertThat(histogram.percentile(0.50)).isEqualTo(500);
        assertThat(histogram.percentile(0.99)).isEqualTo(990);
        assertThat(histogram.percentile(0.999)).isEqualTo(999);
    }

    @Test
    void largeValuesKeepARelativeErrorBelowOnePerMille() {
        for (long value : new long[] {2048, 5_000, 123_456, 9_876_543_210L}) {
            LatencyHistogram histogram = new LatencyHistogram();
            histogram.record(value);

            assertThat((double) histogram.percentile(1.0)).isCloseTo(value, within(value / 1000.0));
        }
    }

    @Test
    void mergedHistogramsCountEveryRecording() {
        LatencyHistogram one = new LatencyHistogram();
        LatencyHistogram other = new LatencyHistogram();
        one.record(10);
        other.record(20);
        other.record(30);

        one.add(other);

        assertThat(one.count()).isEqualTo(3);
        assertThat(one.percentile(1.0)).isEqualTo(30);
    }
}
