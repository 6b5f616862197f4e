package dev.tern.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much an attack may add to the broker's footprint: heap it keeps and threads it starts.
 * The numbers are bounds with room to spare, not measurements: what an attack must not do is
 * grow them with its size. The thread allowance covers what the JVM starts lazily once work
 * arrives (JIT compiler and GC threads: an idle broker has 27, a busy one a few more); a thread
 * per connection would pass it with the first few dozen.
 *
 * @param extraHeapMegabytes live heap the attack may add
 */
record FootprintBudget(long extraHeapMegabytes) {

    private static final int LAZY_THREADS = 12;

    /** Descriptors left open after the attack ended beyond those before it: none leak. */
    private static final int STRAY_DESCRIPTORS = 10;

    FootprintBudget {
        if (extraHeapMegabytes < 0) {
            throw new IllegalArgumentException("a budget is not negative");
        }
    }

    void assertHeld(BrokerFootprint before, BrokerFootprint during) {
        assertThat(during.liveHeapMegabytes()).as("live heap during the attack (before: %s)", before)
                .isLessThanOrEqualTo(before.liveHeapMegabytes() + extraHeapMegabytes);
        assertThat(during.threads()).as("threads during the attack (before: %s)", before)
                .isLessThanOrEqualTo(before.threads() + LAZY_THREADS);
    }

    /** After the attack's connections are gone, their descriptors are too. */
    static void assertNoDescriptorsLeaked(BrokerFootprint before, BrokerFootprint after) {
        assertThat(after.fileDescriptors()).as("descriptors after the attack (before: %s)", before)
                .isLessThanOrEqualTo(before.fileDescriptors() + STRAY_DESCRIPTORS);
    }
}
