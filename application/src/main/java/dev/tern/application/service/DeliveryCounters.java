package dev.tern.application.service;

import dev.tern.application.port.out.MetricsRegistry;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of messages the broker did not deliver, so that no drop is silent. Read by tests and
 * exposed as {@code tern_messages_dropped{reason}} by {@link #register}.
 *
 * <p>Threading: thread-safe; increments are contention-free.
 */
public final class DeliveryCounters {

    private final LongAdder queueFull = new LongAdder();
    private final LongAdder qos0Offline = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder tooLarge = new LongAdder();
    private final LongAdder notAuthorized = new LongAdder();
    private final LongAdder noSubscriber = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();

    /** Exposes every count as {@code tern_messages_dropped{reason}}, read at scrape time. */
    public void register(MetricsRegistry registry) {
        String name = "tern_messages_dropped";
        String help = "messages not delivered to a client (no_subscriber: published messages nobody received)";
        registry.functionCounter(name, help, queueFull::sum, "reason", "queue_full");
        registry.functionCounter(name, help, tooLarge::sum, "reason", "too_large");
        registry.functionCounter(name, help, notAuthorized::sum, "reason", "not_authorized");
        registry.functionCounter(name, help, expired::sum, "reason", "expired");
        registry.functionCounter(name, help, qos0Offline::sum, "reason", "offline_qos0");
        registry.functionCounter(name, help, noSubscriber::sum, "reason", "no_subscriber");
        registry.functionCounter(name, help, rateLimited::sum, "reason", "delivery_rate");
    }

    void noSubscriber() {
        noSubscriber.increment();
    }


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

    void droppedRateLimited() {
        rateLimited.increment();
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

    /** Messages for clean sessions dropped above {@code limits.delivery.rate}. */
    public long rateLimitedDrops() {
        return rateLimited.sum();
    }

    public long expiredDrops() {
        return expired.sum();
    }

    /**
     * Every message not delivered to a client that should have had it; messages that matched no
     * subscription ({@code no_subscriber}) are counted apart and not included.
     */
    public long totalDrops() {
        return queueFull.sum() + qos0Offline.sum() + expired.sum() + tooLarge.sum() + notAuthorized.sum()
                + rateLimited.sum();
    }

    /** Messages not sent because the client was no longer allowed to read their topic. */
    public long notAuthorizedDrops() {
        return notAuthorized.sum();
    }
}
