package dev.tern.application.admission;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A listener's new connections per second, kept by slowing it down rather than by refusing: every
 * accepted connection is counted, and once more than a second's worth have come in faster than the
 * rate, the listener is told to stop accepting until the rate allows the next. Clients meanwhile
 * wait in the kernel's accept backlog.
 *
 * <p>The count is a virtual schedule (the generic cell rate algorithm): {@code due} is when the
 * connections counted so far would have finished arriving at exactly the rate. A burst of up to
 * one second's worth passes at once; beyond it, the pause is how far {@code due} runs ahead of now
 * by more than that second. Since accepts are never refused, the schedule runs ahead by at most
 * the few connections a transport accepts before it pauses.
 *
 * <p>Threading: thread-safe and lock-free (one compare-and-set per accept).
 */
final class AcceptRate {

    private final long intervalNanos;
    private final long burstNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong due;

    /** @param perSecond new connections per second, at least 1 */
    AcceptRate(int perSecond, LongSupplier nanoTime) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.burstNanos = intervalNanos * perSecond;
        this.nanoTime = nanoTime;
        this.due = new AtomicLong(nanoTime.getAsLong());
    }

    /** Counts one accepted connection; returns the nanoseconds to stop accepting for, 0 for none. */
    long accepted() {
        long now = nanoTime.getAsLong();
        long next;
        while (true) {
            long before = due.get();
            // An idle listener has its whole burst again, never more.
            next = Math.max(before - now, 0) + now + intervalNanos;
            if (due.compareAndSet(before, next)) {
                break;
            }
        }
        return Math.max(next - now - burstNanos, 0);
    }
}
