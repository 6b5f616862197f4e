package dev.tern.application.admission;

import java.util.concurrent.atomic.AtomicInteger;

/** Bounded increments of a shared count. Threading: stateless; the count is atomic. */
final class Counts {

    private Counts() {
    }

    /**
     * Adds one to {@code count} unless it has reached {@code max} (0 = no maximum), without ever
     * going above it, so that a refusal never makes another connection's check fail.
     */
    static boolean tryIncrement(AtomicInteger count, int max) {
        if (max == 0) {
            count.incrementAndGet();
            return true;
        }
        while (true) {
            int now = count.get();
            if (now >= max) {
                return false;
            }
            if (count.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }
}
