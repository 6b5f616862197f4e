package dev.tern.bootstrap;

import dev.tern.application.port.out.InflightStore;
import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.application.port.out.SessionStore;
import dev.tern.application.port.out.StorageTransactions;
import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.application.storage.memory.InMemoryInflightStore;
import dev.tern.application.storage.memory.InMemoryMessageQueueStore;
import dev.tern.application.storage.memory.InMemoryRetainedMessageStore;
import dev.tern.application.storage.memory.InMemorySessionStore;
import dev.tern.application.storage.memory.InMemoryStorageTransactions;
import dev.tern.application.storage.memory.InMemorySubscriptionStore;

/**
 * The stores of the configured backend, opened, and how to close them.
 *
 * @param durable whether the backend outlives the process (false for memory: nothing is journaled)
 */
record OpenedStorage(
        String description,
        boolean durable,
        SessionStore sessions,
        SubscriptionStore subscriptions,
        RetainedMessageStore retained,
        MessageQueueStore queues,
        InflightStore inflight,
        StorageTransactions transactions,
        AutoCloseable closer) {

    static OpenedStorage memory() {
        return new OpenedStorage("memory", false, new InMemorySessionStore(), new InMemorySubscriptionStore(),
                new InMemoryRetainedMessageStore(), new InMemoryMessageQueueStore(), new InMemoryInflightStore(),
                new InMemoryStorageTransactions(), () -> { });
    }
}
