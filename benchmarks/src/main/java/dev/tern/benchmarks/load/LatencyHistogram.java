package dev.tern.benchmarks.load;

/**
 * Latencies in microseconds, in log-linear buckets: exact below 2,048 µs, then 1,024 buckets per
 * power of two (relative error under 0.1 %). Fixed size, made at the first value: recording
 * allocates only then, and a ledger that never records (the receivers of scenarios that measure
 * no latency, a thousand of them in persistent-sessions) holds none of its 377 KB.
 *
 * <p>Threading: not thread-safe; one per receiving connection, merged afterwards.
 */
final class LatencyHistogram {

    private static final int LINEAR = 2048;
    private static final int SUB_BUCKETS = 1024;
    private static final int SIZE = LINEAR + 44 * SUB_BUCKETS;
    /** Null until the first value. */
    private long[] counts;
    private long total;

    void record(long micros) {
        counts()[index(Math.min(Math.max(0, micros), 1L << 50))]++;
        total++;
    }

    void add(LatencyHistogram other) {
        if (other.counts == null) {
            return;
        }
        long[] mine = counts();
        for (int i = 0; i < mine.length; i++) {
            mine[i] += other.counts[i];
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

    private long[] counts() {
        if (counts == null) {
            counts = new long[SIZE];
        }
        return counts;
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
