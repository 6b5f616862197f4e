package dev.tern.application.logging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a line that may repeat very often (a message dropped, a listener failing) to at most one
 * per interval: the first occurrence is logged, the ones after it within the interval are only
 * counted, and the first occurrence once the interval has passed is logged again, together with
 * that count. No timer is involved: time is read from the clock when something happens, so a
 * count is logged with the next occurrence after its interval, and while none comes it waits.
 * Callers therefore keep an exact total elsewhere (a counter), which this never replaces.
 *
 * <p>Threading: thread-safe and lock-free; one clock read and one or two atomic operations per
 * occurrence.
 */
public final class LogThrottle {

    private static final long NEVER = Long.MIN_VALUE;

    private final Clock clock;
    private final long intervalMillis;
    private final AtomicLong loggedAt = new AtomicLong(NEVER);
    private final AtomicLong unlogged = new AtomicLong();

    public LogThrottle(Clock clock, Duration interval) {
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    /**
     * Log this occurrence, and say that {@code count} more were not logged since {@code since}
     * (the previous logged line; null, with a count of 0, for the very first).
     */
    public record Admitted(long count, Instant since) {

        /** Whether there is a count to report along with this occurrence. */
        public boolean hasUnlogged() {
            return count > 0;
        }
    }

    /** Returns what to log with this occurrence, or null when it is only counted. */
    public Admitted admit() {
        long now = clock.millis();
        long last = loggedAt.get();
        // One caller wins the compare-and-set per interval; the others only count.
        if ((last == NEVER || now - last >= intervalMillis) && loggedAt.compareAndSet(last, now)) {
            return new Admitted(unlogged.getAndSet(0), last == NEVER ? null : Instant.ofEpochMilli(last));
        }
        unlogged.incrementAndGet();
        return null;
    }
}
