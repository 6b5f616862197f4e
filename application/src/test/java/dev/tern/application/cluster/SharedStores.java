package dev.tern.application.cluster;

import dev.tern.application.storage.memory.InMemoryInflightStore;
import dev.tern.application.storage.memory.InMemoryMessageQueueStore;
import dev.tern.application.storage.memory.InMemoryRetainedMessageStore;
import dev.tern.application.storage.memory.InMemorySessionStore;
import dev.tern.application.storage.memory.InMemorySubscriptionStore;

/** The stores every node of a test cluster writes to, as a Redis deployment is shared. Threading: as the stores. */
final class SharedStores {
    final InMemorySessionStore sessions = new InMemorySessionStore();
    final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    final InMemoryRetainedMessageStore retained = new InMemoryRetainedMessageStore();
    final InMemoryMessageQueueStore queues = new InMemoryMessageQueueStore();
    final InMemoryInflightStore inflight = new InMemoryInflightStore();
}
