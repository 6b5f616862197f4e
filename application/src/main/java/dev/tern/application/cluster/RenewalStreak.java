package dev.tern.application.cluster;

import java.time.Clock;
import java.time.Duration;

/**
 * Whether this node's own lease renewals have gone through for a whole lease since the last one
 * that failed (or found the lease lost): only then may it claim other nodes as departed
 * (docs/cluster.md, 3.5). After an outage of the backend longer than the lease every node's lease
 * has passed, and the others may not have renewed yet when this node's first round runs; a lease
 * later each of them that is alive has. At start no outage was seen: the node is steady at once.
 *
 * <p>Threading: thread-safe; renewals report from the membership executor, adoption rounds read on
 * the cluster executor.
 */
final class RenewalStreak {

    private final Clock clock;
    private final long leaseMillis;
    private volatile boolean failing;
    /** When the renewals came through again after the last failure; far past while none failed. */
    private volatile long steadySince = Long.MIN_VALUE / 2;

    RenewalStreak(Clock clock, Duration lease) {
        this.clock = clock;
        this.leaseMillis = lease.toMillis();
    }

    /** A renewal kept (or took back) this node's lease. */
    void renewed() {
        if (failing) {
            failing = false;
            steadySince = clock.millis();
        }
    }

    /** A renewal failed, or found that another node claimed this one. */
    void broken() {
        failing = true;
    }

    /** Whether renewals have come through without a break for at least a lease. */
    boolean steady() {
        return !failing && clock.millis() - steadySince >= leaseMillis;
    }
}
