package dev.tern.application.protocol.codec;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the heap by the current thread, from the JVM's own per-thread counter, so a
 * fuzz target can bound what decoding some input costs without instrumenting the decoder.
 */
final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    static long allocatedSoFar() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
