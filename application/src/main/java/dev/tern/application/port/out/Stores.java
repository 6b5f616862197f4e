package dev.tern.application.port.out;

import java.util.Objects;

/**
 * The stores of one storage backend and the group commit over them, held together so that a
 * backend hands them over once instead of through six accessors of its own.
 *
 * <p>Threading: an immutable value; the stores are thread-safe.
 */
public record Stores(SessionStore sessions, SubscriptionStore subscriptions, RetainedMessageStore retained,
        MessageQueueStore queues, InflightStore inflight, StorageTransactions transactions) {

    public Stores {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(retained, "retained");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(inflight, "inflight");
        Objects.requireNonNull(transactions, "transactions");
    }
}
