package dev.tern.benchmarks.load;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counters shared by all connections of a run, polled by the main thread to decide when the run
 * is complete or stalled.
 *
 * <p>Threading: thread-safe.
 */
final class Progress {

    final LongAdder sent = new LongAdder();
    /** Flows finished: PUBACK (QoS 1), PUBCOMP (QoS 2), or a refusing PUBACK or PUBREC. */
    final LongAdder acked = new LongAdder();
    /** PUBLISHes the broker refused with an MQTT 5 reason code of 0x80 or more; never delivered. */
    final LongAdder refused = new LongAdder();
    final LongAdder received = new LongAdder();
    final LongAdder duplicates = new LongAdder();

    /** Waits until {@code target} reaches {@code goal}, no progress for {@code stallMillis}, or the deadline. */
    static boolean await(LongAdder target, long goal, long stallMillis, long deadlineNanos) throws InterruptedException {
        return await(target::sum, () -> goal, stallMillis, deadlineNanos);
    }

    /** As above, with a goal that may move during the run (lowered by refused messages). */
    static boolean await(LongSupplier target, LongSupplier goal, long stallMillis, long deadlineNanos)
            throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long value = target.getAsLong();
            if (value >= goal.getAsLong()) {
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
