package dev.tern.application.service;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of messages the broker did not deliver, so that no drop is silent. Read by tests and,
 * later, by metrics.
 *
 * <p>Threading: thread-safe; increments are contention-free.
 */
public final class DeliveryCounters {

    private final LongAdder queueFull = new LongAdder();
    private final LongAdder qos0Offline = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder tooLarge = new LongAdder();
    private final LongAdder notAuthorized = new LongAdder();

    void droppedQueueFull() {
        queueFull.increment();
    }

    void droppedQos0Offline() {
        qos0Offline.increment();
    }

    void droppedExpired() {
        expired.increment();
    }

    void droppedTooLarge() {
        tooLarge.increment();
    }

    void droppedNotAuthorized() {
        notAuthorized.increment();
    }

    public long tooLargeDrops() {
        return tooLarge.sum();
    }

    public long queueFullDrops() {
        return queueFull.sum();
    }

    public long qos0OfflineDrops() {
        return qos0Offline.sum();
    }

    public long expiredDrops() {
        return expired.sum();
    }

    /** Every message not delivered to a client, whatever the reason. */
    public long totalDrops() {
        return queueFull.sum() + qos0Offline.sum() + expired.sum() + tooLarge.sum() + notAuthorized.sum();
    }

    /** Messages not sent because the client was no longer allowed to read their topic. */
    public long notAuthorizedDrops() {
        return notAuthorized.sum();
    }
}
