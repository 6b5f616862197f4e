package dev.tern.adapters.storage.redis;

import java.time.Duration;

/** Waiting for Redis to expire a key on its own clock. Threading: the caller's. */
final class RealTime {

    /** Margin past a TTL: Redis expires keys on access exactly, but the clocks of test and Redis differ a little. */
    private static final Duration MARGIN = Duration.ofMillis(150);

    private RealTime() {
    }

    static void letPass(Duration ttl) {
        try {
            Thread.sleep(ttl.plus(MARGIN).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while letting a lease pass", e);
        }
    }
}
