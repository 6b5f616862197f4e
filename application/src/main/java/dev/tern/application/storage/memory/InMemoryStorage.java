package dev.tern.application.storage.memory;

import dev.tern.application.port.out.Storage;
import dev.tern.application.port.out.Stores;

/**
 * The in-memory stores as one backend: nothing outlives the process, so the broker records
 * nothing to it and restores nothing from it. Closing releases nothing; the stores stay usable.
 *
 * <p>Threading: the stores are thread-safe.
 */
public final class InMemoryStorage implements Storage {

    private final Stores stores = new Stores(new InMemorySessionStore(), new InMemorySubscriptionStore(),
            new InMemoryRetainedMessageStore(), new InMemoryMessageQueueStore(), new InMemoryInflightStore(),
            new InMemoryStorageTransactions());

    @Override
    public String description() {
        return "memory";
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public Stores stores() {
        return stores;
    }

    @Override
    public void close() {
        // Memory holds no connection or file; the garbage collector takes the rest.
    }
}
