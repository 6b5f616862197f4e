package dev.tern.application.storage.memory;

import dev.tern.application.port.out.InflightStore;
import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.application.port.out.SessionStore;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.out.StorageTransactions;
import dev.tern.application.port.out.SubscriptionStore;

/**
 * The in-memory stores as one backend: nothing outlives the process, so the broker records
 * nothing to it and restores nothing from it. Closing releases nothing; the stores stay usable.
 *
 * <p>Threading: the stores are thread-safe.
 */
public final class InMemoryStorage implements Storage {

    private final SessionStore sessions = new InMemorySessionStore();
    private final SubscriptionStore subscriptions = new InMemorySubscriptionStore();
    private final RetainedMessageStore retained = new InMemoryRetainedMessageStore();
    private final MessageQueueStore queues = new InMemoryMessageQueueStore();
    private final InflightStore inflight = new InMemoryInflightStore();
    private final StorageTransactions transactions = new InMemoryStorageTransactions();

    @Override
    public String description() {
        return "memory";
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    @Override
    public RetainedMessageStore retained() {
        return retained;
    }

    @Override
    public MessageQueueStore queues() {
        return queues;
    }

    @Override
    public InflightStore inflight() {
        return inflight;
    }

    @Override
    public StorageTransactions transactions() {
        return transactions;
    }

    @Override
    public void close() {
        // Memory holds no connection or file; the garbage collector takes the rest.
    }
}
