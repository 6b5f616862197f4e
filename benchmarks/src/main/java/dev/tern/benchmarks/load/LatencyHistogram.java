package dev.tern.benchmarks.load;

/**
 * Latencies in microseconds, in log-linear buckets: exact below 2,048 µs, then 1,024 buckets per
 * power of two (relative error under 0.1 %). Fixed size, so recording never allocates.
 *
 * <p>Threading: not thread-safe; one per receiving connection, merged afterwards.
 */
final class LatencyHistogram {

    private static final int LINEAR = 2048;
    private static final int SUB_BUCKETS = 1024;
    private final long[] counts = new long[LINEAR + 44 * SUB_BUCKETS];
    private long total;

    void record(long micros) {
        counts[index(Math.min(Math.max(0, micros), 1L << 50))]++;
        total++;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long count() {
        return total;
    }

    /** The smallest recorded value (bucket lower bound) at or above which lies the given fraction. */
    long percentile(double fraction) {
        if (total == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return lowerBound(i);
            }
        }
        return lowerBound(counts.length - 1);
    }

    static int index(long value) {
        if (value < LINEAR) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - 10;
        return shift * SUB_BUCKETS + (int) (value >>> shift);
    }

    static long lowerBound(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long mantissa = index - (long) shift * SUB_BUCKETS;
        return mantissa << shift;
    }
}
