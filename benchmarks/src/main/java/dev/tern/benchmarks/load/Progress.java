package dev.tern.benchmarks.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters shared by all connections of a run, polled by the main thread to decide when the run
 * is complete or stalled.
 *
 * <p>Threading: thread-safe.
 */
final class Progress {

    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder received = new LongAdder();
    final LongAdder duplicates = new LongAdder();

    /** Waits until {@code target} reaches {@code goal}, no progress for {@code stallMillis}, or the deadline. */
    static boolean await(LongAdder target, long goal, long stallMillis, long deadlineNanos) throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long value = target.sum();
            if (value >= goal) {
                return true;
            }
            if (value != last) {
                last = value;
                lastChange = now;
            } else if (now - lastChange > stallMillis * 1_000_000L || now > deadlineNanos) {
                return false;
            }
            Thread.sleep(5);
        }
    }
}
